import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/migrations/index.js';
import { openStore } from '../../../db/open.js';
import { type JobProgress, jobProgressSchema } from '../../ipc/schemas/jobs.js';
import { dataDirPaths } from '../data-dir.js';
import { errorMessages } from '../errors.js';
import { createApp } from '../handlers.js';
import { folderPlatform } from '../platform.js';
import { fastKdf, tempDataDir } from '../testing/temp-data-dir.js';
import { VaultSession } from '../vault-session.js';
import { sourceWorkerEntry, type WorkerEntry } from './job-runner.js';

/**
 * Issue 14, "a window that never freezes": the unlock's read of every page (quick_check) runs in the
 * job worker when the app has one, before main's connection opens the file. Damage anywhere (a page
 * the unlock itself never reads) is refused with the same code and words as the in-process check,
 * a newer schema likewise, and damage still comes before the schema.
 */

const passphrase = 'correct horse battery';
const pageSize = 4096;
let dir: string;
let cleanup: () => Promise<void>;
let dataKey: Buffer;

const vaultDir = () => join(dir, 'vault');

async function withStore<T>(
  work: (sqlite: Awaited<ReturnType<typeof openStore>>['sqlite']) => T,
  integrity: 'quick' | 'none' = 'quick',
): Promise<T> {
  const store = await openStore(dataDirPaths(vaultDir()).database, dataKey, { migrate: false, integrity });
  try {
    return work(store.sqlite);
  } finally {
    await store.close();
  }
}

/** Overwrites 64 bytes in the middle of the first page of the table no unlock reads. */
async function damageFiller(): Promise<void> {
  const page = await withStore((sqlite) => {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").pluck().get() as number;
  });
  const path = dataDirPaths(vaultDir()).database;
  const bytes = await readFile(path);
  const at = (page - 1) * pageSize + pageSize / 2;
  bytes.fill(0x41, at, at + 64);
  await writeFile(path, bytes);
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  const session = new VaultSession({ dataDir: vaultDir(), via: 'app', kdf: fastKdf });
  await session.setup({ userName: '相談 花子', passphrase });
  dataKey = Buffer.from(session.signedIn().vault.dataKey);
  await session.close();
  await withStore((sqlite) =>
    sqlite.exec(
      `CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) INSERT INTO filler SELECT randomblob(2000) FROM n;`,
    ),
  );
});
afterEach(async () => cleanup());

/** Unlocks once through the app with its job worker and once in-process; what each answered. */
async function unlockBothWays(
  entry: WorkerEntry = sourceWorkerEntry,
): Promise<{ worker: unknown; inProcess: unknown; seen: JobProgress[] }> {
  const answer = async (withWorker: boolean, seen: JobProgress[]) => {
    const session = new VaultSession({ dataDir: vaultDir(), via: 'app', kdf: fastKdf });
    if (withWorker) {
      const app = createApp(session, folderPlatform(join(dir, 'downloads')), entry);
      app.jobs?.onProgress((p) => seen.push(jobProgressSchema.parse(p)));
    }
    try {
      return await session.unlock({ passphrase }).then(
        (status) => ({ state: status.state }),
        (err: { code?: string; message: string; details?: unknown }) => ({
          code: err.code,
          message: err.message,
          details: err.details,
        }),
      );
    } finally {
      await session.close();
    }
  };
  const seen: JobProgress[] = [];
  const worker = await answer(true, seen);
  const inProcess = await answer(false, []);
  return { worker, inProcess, seen };
}

describe('ロック解除のページ検査（ジョブのワーカーで）', () => {
  it('壊れていなければ開き、画面には何も知らせない（確認しています… のまま）', async () => {
    const { worker, inProcess, seen } = await unlockBothWays();
    expect(worker).toEqual({ state: 'unlocked' });
    expect(inProcess).toEqual({ state: 'unlocked' });
    expect(seen).toEqual([]);
  }, 60_000);

  it('ロック解除が読まないページの損傷も、ワーカーが見つけて同じコードと文言で断る', async () => {
    await damageFiller();
    const { worker, inProcess } = await unlockBothWays();
    expect(worker).toMatchObject({ code: 'DATABASE_DAMAGED', message: errorMessages.DATABASE_DAMAGED });
    expect(worker).toEqual(inProcess);
  }, 60_000);

  it('新しい版のファイルは、ワーカーでも同じ SCHEMA_TOO_NEW で断る', async () => {
    await withStore((sqlite) => sqlite.pragma(`user_version = ${latestSchemaVersion + 1}`));
    const tooNew = await unlockBothWays();
    expect(tooNew.worker).toMatchObject({
      code: 'SCHEMA_TOO_NEW',
      details: { fileVersion: latestSchemaVersion + 1, knownVersion: latestSchemaVersion },
    });
    expect(tooNew.worker).toEqual(tooNew.inProcess);
  }, 60_000);

  it('損傷があって新しい版でもあれば、損傷が先（開くときと同じ順）', async () => {
    await damageFiller();
    await withStore((sqlite) => sqlite.pragma(`user_version = ${latestSchemaVersion + 1}`), 'none');
    const both = await unlockBothWays();
    expect(both.worker).toMatchObject({ code: 'DATABASE_DAMAGED', message: errorMessages.DATABASE_DAMAGED });
    expect(both.worker).toEqual(both.inProcess);
  }, 60_000);

  it('ワーカーが検査する限り、メインの接続は全ページを読まない（ウィンドウは止まらない）', async () => {
    await damageFiller();
    // A worker that answers without reading: the damage, which only a read of every page finds, goes
    // unnoticed on main — main left the page check to the worker. The in-process unlock still finds it.
    const { worker, inProcess } = await unlockBothWays({
      url: new URL('../testing/pages-unread-worker.ts', import.meta.url),
      execArgv: ['--import', 'tsx'],
    });
    expect(worker).toEqual({ state: 'unlocked' });
    expect(inProcess).toMatchObject({ code: 'DATABASE_DAMAGED' });
  }, 60_000);
});
