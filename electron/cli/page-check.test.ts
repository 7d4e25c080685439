import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirPaths } from '../services/data-dir.js';
import { errorMessages } from '../services/errors.js';
import { createHousehold } from '../services/households.js';
import { serviceCtx } from '../services/testing/service-context.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { VaultSession } from '../services/vault-session.js';
import { copyOfDataDir, initDataDir, kasane, testPassphrase, withStore } from './testing/cli-run.js';

/**
 * The listing commands (cases, meetings, due, stats, render, settings) check the pages they read,
 * not every page at unlock: a damaged page they read is refused exactly as damage found at unlock;
 * damage elsewhere is left to the app's unlock, verify and backup, which still read every page.
 */

let root: string;
let cleanup: () => Promise<void>;
let pristine: string;
const pageSize = 4096;

/** The first page of `table` in the encrypted file (SQLCipher keeps SQLite's page numbering). */
async function rootPageOf(dir: string, table: string): Promise<number> {
  return withStore(dir, async (store) => {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return store.sqlite
      .prepare('SELECT rootpage FROM sqlite_master WHERE name = ?')
      .pluck()
      .get(table) as number;
  });
}

/** Overwrites 64 bytes in the middle of page `page` of the closed database. */
async function damagePage(dir: string, page: number): Promise<void> {
  const path = dataDirPaths(dir).database;
  const bytes = await readFile(path);
  const at = (page - 1) * pageSize + pageSize / 2;
  bytes.fill(0x41, at, at + 64);
  await writeFile(path, bytes);
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  pristine = join(root, 'pristine');
  await initDataDir(pristine);
  // One household to list, and a table no listing reads, spread over pages of its own.
  await withStore(pristine, async (store) => {
    const user = store.sqlite.prepare('SELECT id FROM users').pluck().get() as string;
    await createHousehold(serviceCtx(store.db, user, new Date()), {
      caseNo: 'P-1',
      receivedOn: '2026-04-10',
      label: '検査1',
      referralAgencyId: null,
      issues: [],
      note: '',
    });
    store.sqlite.exec(
      `CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) INSERT INTO filler SELECT randomblob(2000) FROM n;`,
    );
  });
});
afterAll(async () => cleanup());

describe('一覧のコマンドが読むページの検査', () => {
  it('読むページが壊れていれば、開くときに見つけたのと同じ終了コード 4 と文言で止まる', async () => {
    const { dir } = await copyOfDataDir(pristine, root);
    await damagePage(dir, await rootPageOf(dir, 'households'));
    const cases = kasane(['cases', '--data-dir', dir, '--json']);
    expect(cases.code).toBe(4);
    expect(cases.stderr.trim()).toBe(errorMessages.DATABASE_DAMAGED);
    expect(cases.stdout).toBe('');
  });

  it('読まないページの損傷は、一覧は答えるが、アプリのロック解除・verify・backup が見つける', async () => {
    const { dir, out } = await copyOfDataDir(pristine, root);
    await damagePage(dir, await rootPageOf(dir, 'filler'));

    const cases = kasane(['cases', '--data-dir', dir, '--json']);
    expect(cases.stderr).toBe('');
    expect(cases.code).toBe(0);
    expect(JSON.parse(cases.stdout)).toMatchObject([{ caseNo: 'P-1' }]);

    const verify = kasane(['verify', '--data-dir', dir]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toContain('データベースファイルが壊れているため開けません');
    const backup = kasane(['backup', '--data-dir', dir, '--out', out]);
    expect(backup.code).toBe(4);

    const app = new VaultSession({ dataDir: dir, via: 'app' });
    await expect(app.unlock({ passphrase: testPassphrase })).rejects.toMatchObject({
      code: 'DATABASE_DAMAGED',
    });
    await app.close();
  });
});
