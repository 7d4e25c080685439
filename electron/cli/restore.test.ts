import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHousehold } from '../services/households.js';
import { serviceCtx } from '../services/testing/service-context.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { VaultSession } from '../services/vault-session.js';
import { exitCodes } from './exit-codes.js';
import { initDataDir, kasane as runKasane } from './testing/cli-run.js';

/**
 * Issue 11, failures 3 and 9: a restore while the app is open lost what the app wrote next, and a
 * restore took another office's backup without a word. Real CLI processes on real vaults.
 */

const ours = 'our office passphrase 2026';
const theirs = 'their office passphrase 2026';
let root: string;
let cleanup: () => Promise<void>;
let pristine: string;
let otherOffice: string;

const kasane = (args: string[], passphrase: string, newPassphrase = '') =>
  runKasane(args, { KASANE_PASSPHRASE: passphrase, KASANE_NEW_PASSPHRASE: newPassphrase });

function backupOf(dir: string, passphrase: string, out: string): string {
  const made = kasane(['backup', '--data-dir', dir, '--out', out], passphrase);
  expect(made.code).toBe(0);
  return made.stdout.match(/バックアップを作成しました: (.+)/)?.[1]?.trim() ?? '';
}

/** The data folder's files, byte for byte (the before-restore-… and lock excluded). */
async function filesOf(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('kasane.') || n.endsWith('.json')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))])));
}

async function caseNosIn(dir: string, passphrase: string): Promise<string[]> {
  const session = new VaultSession({ dataDir: dir, via: 'app' });
  try {
    await session.unlock({ passphrase });
    const { store } = session.signedIn();
    return store.sqlite.prepare('SELECT case_no FROM households ORDER BY case_no').pluck().all() as string[];
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  pristine = join(root, 'ours');
  otherOffice = join(root, 'theirs');
  await initDataDir(pristine, { passphrase: ours });
  await initDataDir(otherOffice, { userName: '別の 事務所', passphrase: theirs });
}, 120_000);
afterAll(async () => cleanup());

describe('復元は、アプリが開いている間は断り、別の保管庫のバックアップは黙って受け入れない', () => {
  it('アプリがデータフォルダを使っている間、restore・backup・passwd は終了コード 8 で断り、何も変えない。アプリの書いた記録は残る', async () => {
    const dir = join(root, 'app-open');
    await cp(pristine, dir, { recursive: true });
    const backup = backupOf(dir, ours, join(root, 'backups-app-open'));
    const app = new VaultSession({ dataDir: dir, via: 'app' });
    try {
      await app.unlock({ passphrase: ours });
      const { store, user } = app.signedIn();
      await createHousehold(serviceCtx(store.db, user.id, new Date()), {
        caseNo: 'R8-APP',
        receivedOn: '2026-04-10',
        label: 'アプリで登録',
        referralAgencyId: null,
        issues: [],
        note: '',
      });
      const before = await filesOf(dir);
      for (const args of [
        ['restore', '--data-dir', dir, '--from', backup],
        ['backup', '--data-dir', dir, '--out', join(root, 'backups-refused')],
        ['passwd', '--data-dir', dir, '--user', '相談 花子'],
      ]) {
        const refused = kasane(args, ours, 'a new passphrase 2026');
        expect({ code: refused.code, stderr: refused.stderr }).toEqual({
          code: exitCodes.dataFolderInUse,
          stderr: expect.stringContaining('このデータフォルダは、'),
        });
        expect(refused.stderr).toContain(`プロセス番号 ${process.pid}`);
      }
      expect(await filesOf(dir)).toEqual(before);
    } finally {
      await app.close();
    }
    // After a restart the household the app wrote is still there.
    expect(await caseNosIn(dir, ours)).toEqual(['R8-APP']);
  });

  it('別の保管庫のバックアップは --replace-vault なしでは終了コード 11 で断り、付ければそのバックアップのパスフレーズでだけ置き換える', async () => {
    const dir = join(root, 'other-vault');
    await cp(pristine, dir, { recursive: true });
    const theirBackup = backupOf(otherOffice, theirs, join(root, 'backups-theirs'));
    const before = await filesOf(dir);

    const withoutFlag = kasane(['restore', '--data-dir', dir, '--from', theirBackup], theirs);
    expect({ code: withoutFlag.code, stderr: withoutFlag.stderr.trim() }).toEqual({
      code: exitCodes.otherVault,
      stderr: expect.stringContaining('このバックアップは、いまのデータとは別の保管庫'),
    });
    // Our own passphrase does not open their backup: nothing to replace with.
    const oursOnTheirs = kasane(
      ['restore', '--data-dir', dir, '--from', theirBackup, '--replace-vault'],
      ours,
    );
    expect(oursOnTheirs.code).toBe(exitCodes.wrongPassphrase);
    expect(await filesOf(dir)).toEqual(before);

    const replaced = kasane(['restore', '--data-dir', dir, '--from', theirBackup, '--replace-vault'], theirs);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('別の保管庫のバックアップで置き換えました。');
    expect(kasane(['verify', '--data-dir', dir], ours).code).toBe(exitCodes.wrongPassphrase);
    expect(kasane(['verify', '--data-dir', dir], theirs).code).toBe(0);
    // What it replaced is kept whole beside it.
    const kept =
      replaced.stdout.match(/それまでのデータは次のフォルダに残してあります: (.+)/)?.[1]?.trim() ?? '';
    expect(await readFile(join(kept, 'kasane.db'))).toEqual(before['kasane.db']);
  });
});
