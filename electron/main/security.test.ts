import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  FakeEvent,
  FakeSession,
  FakeWebContents,
  resetFakeElectron,
  session,
} from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { hardenAllWebContents, hardenSession, hardenWebContents } = await import('./security.js');

beforeEach(() => resetFakeElectron());

function hardened(): FakeWebContents {
  const contents = new FakeWebContents(session.defaultSession);
  hardenWebContents(contents as never);
  return contents;
}

describe('画面の移動と新しいウィンドウ', () => {
  it.each(['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html'])(
    '%s への移動とリダイレクトは止める',
    (url) => {
      const contents = hardened();
      expect(contents.tryEvent('will-navigate', url)).toBe(true);
      expect(contents.tryEvent('will-redirect', url)).toBe(true);
    },
  );

  it('自分のオリジン内の移動は止めない', () => {
    const contents = hardened();
    expect(contents.tryEvent('will-navigate', 'app://kasane/index.html')).toBe(false);
    expect(contents.tryEvent('will-redirect', 'app://kasane/index.html')).toBe(false);
  });

  it('window.open は自分のオリジンでも開かない', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kasane/index.html' })).toEqual({ action: 'deny' });
  });

  it('webview は付けさせない', () => {
    expect(hardened().tryEvent('will-attach-webview')).toBe(true);
  });

  it('後から作られた webContents にも同じ制限がかかる', () => {
    hardenAllWebContents();
    const contents = new FakeWebContents(new FakeSession());
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.tryEvent('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.session.cancels('https://example.com/')).toBe(true);
  });
});

describe('権限とネットワーク', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])(
    '権限 %s は要求も確認もすべて拒否する',
    (permission) => {
      hardenSession(session.defaultSession as never);
      const callback = vi.fn();
      session.defaultSession.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.defaultSession.permissionCheckHandler?.({}, permission)).toBe(false);
    },
  );

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'ws://localhost/',
    'ftp://example.com/',
    'app://other/index.html',
  ])('%s への通信は取り消す', (url) => {
    hardenSession(session.defaultSession as never);
    expect(session.defaultSession.cancels(url)).toBe(true);
  });

  it.each([
    'app://kasane/index.html',
    'app://kasane/assets/index.js',
    'data:image/png;base64,AAAA',
    'blob:app://kasane/1f0e',
  ])('%s は通す', (url) => {
    hardenSession(session.defaultSession as never);
    expect(session.defaultSession.cancels(url)).toBe(false);
  });

  it('DevTools は開発時だけ通す', () => {
    hardenSession(session.defaultSession as never);
    expect(session.defaultSession.cancels('devtools://devtools/bundled/inspector.html')).toBe(false);
    app.isPackaged = true;
    const packaged = new FakeSession();
    hardenSession(packaged as never);
    expect(packaged.cancels('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('同じセッションに二度かけてもハンドラは一つ', () => {
    hardenSession(session.defaultSession as never);
    hardenSession(session.defaultSession as never);
    expect(session.defaultSession.beforeRequestHandlers).toHaveLength(1);
  });
});
