import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron, windows } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { createMainWindow } = await import('./window.js');

beforeEach(() => resetFakeElectron());

function created() {
  const win = windows[0];
  if (!win) throw new Error('no window was created');
  return win;
}

describe('メインウィンドウ', () => {
  it('設計どおりのセキュリティ設定で作る', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const { options } = created();
    expect(options).toMatchObject({ title: 'かさね', show: false, minWidth: 1024, minHeight: 680 });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    });
  });

  it('配布版では DevTools を開けない', () => {
    app.isPackaged = true;
    createMainWindow('/app/out/preload/index.cjs');
    expect(created().options.webPreferences).toMatchObject({ devTools: false });
  });

  it('file:// ではなく app://kasane/index.html を読み、準備ができてから表示する', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const win = created();
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://kasane/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});
