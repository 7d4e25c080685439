import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { channels } from '../ipc/channels.js';
import type { JobProgress } from '../ipc/schemas/jobs.js';
import type { App } from '../services/context.js';
import { errorMessages } from '../services/errors.js';
import { createApp, handlers } from '../services/handlers.js';
import { folderPlatform } from '../services/platform.js';
import { fastKdf, tempDataDir } from '../services/testing/temp-data-dir.js';
import { type Access, VaultSession } from '../services/vault-session.js';
import { type BrowserWindow, FakeFrame, ipcMain, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { registerIpcHandlers, relayProgress } = await import('./ipc.js');
const { createMainWindow } = await import('./window.js');

let dir: string;
let cleanup: () => Promise<void>;
let win: BrowserWindow;
let windowOpen: boolean;
let access: Mock<() => Promise<Access>>;
const log = vi.fn();

beforeEach(async () => {
  resetFakeElectron();
  log.mockClear();
  ({ dir, cleanup } = await tempDataDir());
  const vault = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
  const app = createApp(vault, folderPlatform(join(dir, 'saved')));
  access = vi.spyOn(vault, 'access');
  win = createMainWindow('/app/out/preload/index.cjs') as unknown as BrowserWindow;
  windowOpen = true;
  registerIpcHandlers({ app, mainWindow: () => (windowOpen ? (win as never) : null), log });
});
afterEach(async () => cleanup());

function invoke(channel: string, input: unknown, senderFrame: FakeFrame | null) {
  const handler = ipcMain.handlers.get(`kasane:${channel}`);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame, sender: win.webContents }, input);
}

const forbidden = { ok: false, code: 'FORBIDDEN_SENDER', message: errorMessages.FORBIDDEN_SENDER };
const setupInput = {
  userName: '相談 花子',
  passphrase: 'correct horse battery',
  passphraseConfirm: 'correct horse battery',
};

describe('IPC の受け口', () => {
  it('契約のすべてのチャンネルに、接頭辞付きでちょうど一つずつハンドラがある', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channels.map((c) => `kasane:${c}`).sort());
  });

  it('自分のウィンドウのメインフレームからの呼び出しはサービスまで届く', async () => {
    const result = await invoke('vault.status', {}, win.webContents.mainFrame);
    expect(result).toMatchObject({ ok: true, value: { state: 'uninitialized', user: null } });
  });

  it('届いた入力は契約のスキーマで検査される', async () => {
    const result = await invoke(
      'vault.setup',
      { ...setupInput, passphraseConfirm: 'different' },
      win.webContents.mainFrame,
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { passphraseConfirm: expect.any(String) },
    });
  });

  describe('信頼できない送り手は FORBIDDEN_SENDER で、サービスには一切触れない', () => {
    const cases: [string, () => FakeFrame | null][] = [
      [
        '外部オリジンに移ったメインフレーム',
        () => Object.assign(win.webContents.mainFrame, { url: 'https://evil.example/' }),
      ],
      [
        '自分のオリジンのサブフレーム',
        () => new FakeFrame('app://kasane/index.html', win.webContents.mainFrame),
      ],
      ['外部オリジンのサブフレーム', () => new FakeFrame('https://evil.example/', win.webContents.mainFrame)],
      ['別の webContents のメインフレーム', () => new FakeFrame('app://kasane/index.html')],
      ['破棄済みのフレーム', () => null],
    ];
    it.each(cases)('%s', async (_name, frame) => {
      const setup = vi.spyOn(handlers, 'vault.setup');
      expect(await invoke('vault.setup', setupInput, frame())).toEqual(forbidden);
      expect(await invoke('vault.status', {}, frame())).toEqual(forbidden);
      expect(setup).not.toHaveBeenCalled();
      expect(access).not.toHaveBeenCalled();
      expect(await readdir(dir)).toEqual([]);
      expect(log).toHaveBeenCalledWith('refused vault.setup from an untrusted frame');
    });

    it('ウィンドウが閉じた後の呼び出し', async () => {
      windowOpen = false;
      expect(await invoke('vault.status', {}, win.webContents.mainFrame)).toEqual(forbidden);
      expect(access).not.toHaveBeenCalled();
    });
  });
});

describe('長い処理の進捗の送り先', () => {
  function relayed() {
    let report: (p: JobProgress) => void = () => {};
    const app = {
      jobs: {
        onProgress: (l: (p: JobProgress) => void) => {
          report = l;
        },
      },
    } as unknown as App;
    relayProgress(app, () => (windowOpen ? (win as never) : null));
    return (p: unknown) => report(p as JobProgress);
  }
  const progress = { job: 'import', step: 'writing', done: 12, total: 3000, unit: '世帯' };

  it('自分のページを表示している自分のウィンドウにだけ、契約の形で送る', () => {
    const report = relayed();
    report(progress);
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith('kasane:progress', progress);
    (win.webContents.mainFrame as { url: string }).url = 'https://example.com/';
    report(progress);
    windowOpen = false;
    report(progress);
    expect(win.webContents.send).toHaveBeenCalledOnce();
  });

  it('契約に合わない進捗は送らない', () => {
    const report = relayed();
    expect(() => report({ ...progress, done: 3001 })).toThrow();
    expect(() => report({ ...progress, secret: '山田 太郎' })).toThrow();
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
