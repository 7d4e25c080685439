import { readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirPaths } from './data-dir.js';
import { KasaneError } from './errors.js';
import { defaultOfficeSettings, getOfficeSettings, saveOfficeSettings } from './office-settings.js';
import { filesContaining } from './testing/scan-files.js';
import { serviceCtx } from './testing/service-context.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

const passphrase = 'correct horse battery';
let dir: string;
let cleanup: () => Promise<void>;
let now = new Date('2026-11-22T00:30:00Z');
const clock = () => now;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  now = new Date('2026-11-22T00:30:00Z');
});
afterEach(async () => cleanup());

function session() {
  return new VaultSession({ dataDir: dir, via: 'app', clock, kdf: fastKdf });
}

describe('保管庫（暗号化データベース）', () => {
  it('初期設定で暗号化データベースと鍵ファイルができ、回復コードが返る', async () => {
    const s = session();
    expect((await s.status()).state).toBe('uninitialized');
    const { recoveryCode, status } = await s.setup({ userName: '相談 花子', passphrase });
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(status.state).toBe('unlocked');
    expect(status.needsAcknowledgement).toBe(true);
    const files = await readdir(dir);
    expect(files).toContain('kasane.db');
    expect(files).toContain('keyslots.json');
    const header = (await readFile(dataDirPaths(dir).database)).subarray(0, 16).toString('latin1');
    expect(header).not.toContain('SQLite format 3');
  });

  it('違うパスフレーズでは開かず、正しいパスフレーズで開ける', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    await s.lock('user');
    await expect(s.unlock({ passphrase: 'wrong passphrase!!' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    const status = await s.unlock({ passphrase });
    expect(status.user?.name).toBe('相談 花子');
  });

  it('失敗が続くと待ち時間が入り、その間は正しいパスフレーズでも受け付けない', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    await s.lock('user');
    for (let i = 0; i < 3; i++)
      await expect(s.unlock({ passphrase: 'nope nope nope' })).rejects.toBeInstanceOf(KasaneError);
    await expect(s.unlock({ passphrase })).rejects.toMatchObject({ code: 'UNLOCK_BACKOFF' });
    expect((await s.status()).backoffSeconds).toBeGreaterThan(0);
    now = new Date(now.getTime() + 6_000);
    await s.unlock({ passphrase });
  });

  it('回復コードで開くと新しいパスフレーズの設定を求め、新しい回復コードを発行する', async () => {
    const s = session();
    const { recoveryCode, status } = await s.setup({ userName: '相談 花子', passphrase });
    const userId = status.user?.id ?? '';
    await s.lock('user');
    const recovering = await s.unlockWithRecoveryCode({
      recoveryCode: recoveryCode.toLowerCase().replaceAll('-', ' '),
    });
    expect(recovering.state).toBe('recovery');
    expect(await s.access()).toBe('public');
    const done = await s.completeRecovery({ userId, newPassphrase: 'a brand new passphrase' });
    expect(done.recoveryCode).not.toBe(recoveryCode);
    await s.lock('user');
    await expect(s.unlock({ passphrase })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await s.unlock({ passphrase: 'a brand new passphrase' });
    await s.lock('user');
    await expect(s.unlockWithRecoveryCode({ recoveryCode })).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_CODE',
    });
  });

  it('ロックするとデータベースを閉じ、以後の操作は LOCKED になる', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    const { store } = s.signedIn();
    await s.lock('user');
    expect(store.sqlite.open).toBe(false);
    expect(() => s.signedIn()).toThrow(KasaneError);
    expect(await s.access()).toBe('public');
  });

  it('自動ロックは設定の分数を過ぎたときだけ働く', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    expect(await s.lockIfIdle(9 * 60)).toBe(false);
    expect(await s.lockIfIdle(10 * 60)).toBe(true);
    expect((await s.status()).state).toBe('locked');
  });

  it('守秘義務の確認は日付が変わると再び必要になる', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    expect(await s.access()).toBe('unlocked');
    await expect(s.acknowledge('2021-04-01')).rejects.toMatchObject({ code: 'STALE_TEXT' });
    await s.acknowledge('2025-06-01');
    expect(await s.access()).toBe('acknowledged');
    // 2026-11-22 23:59 JST is still the same office day; 00:00 JST is the next one.
    now = new Date('2026-11-22T14:59:00Z');
    expect(await s.access()).toBe('acknowledged');
    now = new Date('2026-11-22T15:00:00Z');
    expect(await s.access()).toBe('unlocked');
  });

  it('事務所設定は暗号化データベースに保存され、既定値は10分で自動ロック', async () => {
    const s = session();
    await s.setup({ userName: '相談 花子', passphrase });
    expect((await getOfficeSettings(s.signedIn().store.db)).autoLockMinutes).toBe(10);
    expect(await s.lockIfIdle(10 * 60 - 1)).toBe(false);
    expect(await s.lockIfIdle(10 * 60)).toBe(true);
    expect((await s.status()).state).toBe('locked');

    await s.unlock({ passphrase });
    const { store, user } = s.signedIn();
    const saved = { ...defaultOfficeSettings, municipalityName: '架空町テスト', autoLockMinutes: 5 };
    await saveOfficeSettings(serviceCtx(store.db, user.id, now), saved);
    await s.refreshSettings();
    expect(await s.lockIfIdle(5 * 60)).toBe(true);
    // Kept across lock and unlock, and nowhere on disk in plaintext.
    await s.unlock({ passphrase });
    expect(await getOfficeSettings(s.signedIn().store.db)).toEqual(saved);
    await s.lock('user');
    expect(await filesContaining(dir, '架空町テスト')).toEqual([]);
  });
});
