import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../ipc/channels.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

type FakeElectron = typeof import('./testing/fake-electron.js');

let fake: FakeElectron;
let dir: string;
let cleanup: () => Promise<void>;

/** Loads main afresh, as Electron does at launch, against a fresh fake Electron. */
async function launch({ secondInstance = false } = {}): Promise<void> {
  vi.resetModules();
  // The mocked module itself, i.e. the very instance main.ts receives.
  fake = (await import('electron')) as unknown as FakeElectron;
  fake.resetFakeElectron();
  fake.app.userData = join(dir, 'userData');
  fake.app.hasSingleInstanceLock = !secondInstance;
  await import('./index.js');
}

async function ready() {
  fake.app.markReady();
  const win = await fake.firstWindow();
  expect(fake.windows).toHaveLength(1);
  return win;
}

function invoke(channel: string, input: unknown) {
  const win = fake.windows[0];
  const handler = fake.ipcMain.handlers.get(`kasane:${channel}`);
  if (!win || !handler) throw new Error(`cannot call ${channel}`);
  return handler({ senderFrame: win.webContents.mainFrame, sender: win.webContents }, input);
}

// Waits for the event itself, not for a deadline: locking on quit writes and syncs the store, which on
// a slow or busy disk can take longer than vi.waitFor's default of one second.
async function quit() {
  fake.app.quit();
  await fake.app.whenQuitted();
}

const passphrase = 'correct horse battery';

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => {
  if (fake.app.isReady && !fake.app.quitted) await quit();
  vi.unstubAllEnvs();
  await cleanup();
});

describe('アプリの起動と終了', () => {
  it('ready の前に sandbox と app: スキームを登録し、ready の後で守りを固めてからウィンドウを開く', async () => {
    await launch();
    expect(fake.app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(fake.windows).toHaveLength(0);
    const win = await ready();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.session.defaultSession.cancels('https://example.com/')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()]).toHaveLength(channels.length);
    expect(win.loadURL).toHaveBeenCalledWith('app://kasane/index.html');
    expect(win.options.webPreferences).toMatchObject({
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
    });
    expect(win.webContents.tryEvent('will-navigate', 'https://example.com/')).toBe(true);
    fake.app.emit('second-instance');
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('二つ目の起動はウィンドウを開かずに終わる', async () => {
    await launch({ secondInstance: true });
    expect(fake.app.quit).toHaveBeenCalled();
    fake.app.markReady();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.windows).toHaveLength(0);
  });
});

describe('ロックとデータの置き場所', () => {
  it('スリープ・画面ロック・終了でロックし、そのたびにウィンドウへ知らせる', async () => {
    vi.stubEnv('KASANE_DATA_DIR', join(dir, 'office-data'));
    await launch();
    const win = await ready();
    expect(
      await invoke('vault.setup', { userName: '相談 花子', passphrase, passphraseConfirm: passphrase }),
    ).toMatchObject({ ok: true });
    expect(await readdir(join(dir, 'office-data'))).toContain('kasane.db');

    fake.powerMonitor.emit('suspend');
    await win.webContents.sent('kasane:locked', 'suspend');
    expect(win.webContents.send).toHaveBeenLastCalledWith('kasane:locked', 'suspend');
    expect(await invoke('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });

    expect(await invoke('vault.unlock', { passphrase })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    fake.powerMonitor.emit('lock-screen');
    await win.webContents.sent('kasane:locked', 'screen-lock');
    expect(win.webContents.send).toHaveBeenLastCalledWith('kasane:locked', 'screen-lock');

    expect(await invoke('vault.unlock', { passphrase })).toMatchObject({ ok: true });
    await quit();
    expect(win.webContents.send).toHaveBeenLastCalledWith('kasane:locked', 'quit');
  });

  it('KASANE_DATA_DIR がなければ userData/data に置く', async () => {
    await launch();
    await ready();
    expect(
      await invoke('vault.setup', { userName: '相談 花子', passphrase, passphraseConfirm: passphrase }),
    ).toMatchObject({ ok: true });
    expect(await readdir(join(dir, 'userData', 'data'))).toContain('kasane.db');
  });
});
