import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fastKdf, tempDataDir } from '../services/testing/temp-data-dir.js';
import { type LockReason, VaultSession } from '../services/vault-session.js';
import { app, powerMonitor, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { lockOnSystemSignals } = await import('./lock-triggers.js');

let cleanup: () => Promise<void>;
let vault: VaultSession;
let stop: () => void;
const onLocked = vi.fn<(reason: LockReason) => void>();
const log = vi.fn();
/** The first lock's reason, once the vault has locked (however long closing the store takes). */
let firstLock: Promise<LockReason>;

beforeEach(async () => {
  resetFakeElectron();
  app.markReady();
  onLocked.mockReset();
  firstLock = new Promise((resolve) => onLocked.mockImplementationOnce(resolve));
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const temp = await tempDataDir();
  cleanup = temp.cleanup;
  vault = new VaultSession({ dataDir: temp.dir, via: 'app', kdf: fastKdf, onLocked });
  await vault.setup({ userName: '相談 花子', passphrase: 'correct horse battery' });
  stop = lockOnSystemSignals(vault, log);
});
afterEach(async () => {
  stop();
  vi.useRealTimers();
  await vault.lock('quit');
  await cleanup();
});

async function lockedBy(reason: LockReason) {
  expect(await firstLock).toBe(reason);
  expect(onLocked).toHaveBeenCalledExactlyOnceWith(reason);
  expect((await vault.status()).state).toBe('locked');
}

describe('自動ロック', () => {
  it('PC のスリープでロックする', async () => {
    powerMonitor.emit('suspend');
    await lockedBy('suspend');
  });

  it('画面ロックでロックする', async () => {
    powerMonitor.emit('lock-screen');
    await lockedBy('screen-lock');
  });

  it('操作のない時間が既定の10分に達したら、15秒ごとの確認でロックする', async () => {
    powerMonitor.getSystemIdleTime.mockReturnValue(599);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(powerMonitor.getSystemIdleTime).toHaveBeenCalledOnce();
    expect((await vault.status()).state).toBe('unlocked');
    powerMonitor.getSystemIdleTime.mockReturnValue(600);
    await vi.advanceTimersByTimeAsync(15_000);
    await lockedBy('idle');
  });

  it('止めた後は確認しない', async () => {
    stop();
    powerMonitor.getSystemIdleTime.mockReturnValue(3600);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(powerMonitor.getSystemIdleTime).not.toHaveBeenCalled();
    expect((await vault.status()).state).toBe('unlocked');
  });
});
