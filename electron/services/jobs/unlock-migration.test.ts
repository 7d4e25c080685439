import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/migrations/index.js';
import { openStore } from '../../../db/open.js';
import { type JobProgress, jobProgressSchema } from '../../ipc/schemas/jobs.js';
import { verifyAuditChain } from '../audit.js';
import { dataDirPaths } from '../data-dir.js';
import { createApp } from '../handlers.js';
import { folderPlatform } from '../platform.js';
import { writeLegacyVault } from '../testing/legacy-vault.js';
import { fastKdf, tempDataDir } from '../testing/temp-data-dir.js';
import { VaultSession } from '../vault-session.js';
import { sourceWorkerEntry } from './job-runner.js';

/**
 * Issue 14, "a window that never freezes": the first unlock after an update runs the pending
 * migrations in the job worker (its own connection to the encrypted file), reported to the window
 * as the `migrate` job; main's connection then finds the schema current.
 */

const passphrase = 'correct horse battery';
let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let seen: JobProgress[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: join(dir, 'vault'), via: 'app', kdf: fastKdf });
  const app = createApp(session, folderPlatform(join(dir, 'downloads')), sourceWorkerEntry);
  seen = [];
  app.jobs?.onProgress((p) => seen.push(jobProgressSchema.parse(p)));
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

const schemaOf = async (dataKey: Buffer) => {
  const store = await openStore(dataDirPaths(join(dir, 'vault')).database, dataKey, { migrate: false });
  try {
    return {
      version: store.sqlite.pragma('user_version', { simple: true }),
      objects: store.sqlite.prepare('SELECT type, name FROM sqlite_master ORDER BY type, name').all(),
      steps: store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
    };
  } finally {
    await store.close();
  }
};

describe('更新後の最初のロック解除（移行はジョブのワーカーで）', () => {
  it('移行をワーカーで実行して「データの更新」として知らせ、記録はそのまま、次からは移行しない', async () => {
    await writeLegacyVault(join(dir, 'vault'), { userName: '相談 花子', passphrase, events: 20 });

    expect((await session.unlock({ passphrase })).state).toBe('unlocked');
    expect(seen.filter((p) => p.job === 'migrate').map((p) => p.step)).toEqual(['starting', 'writing']);
    const { store, vault } = session.signedIn();
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    // The legacy log's 20 events, the waiting failure, the unlock: all there, the chain intact.
    expect(await verifyAuditChain(store.db)).toEqual({ ok: true, checked: 22, firstBroken: null });
    expect(vault.keeper).not.toBeNull();

    // The anchor was kept after the worker's commit: the next unlock trusts the file, migrates nothing.
    await session.lock('user');
    seen.length = 0;
    expect((await session.unlock({ passphrase })).state).toBe('unlocked');
    expect(seen.filter((p) => p.job === 'migrate')).toEqual([]);
  }, 60_000);

  it('ワーカーの移行が途中で失敗すると、表も user_version も元のまま、ロックも解除しない', async () => {
    const { dataKey } = await writeLegacyVault(join(dir, 'vault'), {
      userName: '相談 花子',
      passphrase,
      events: 5,
    });
    // A table the 1091 step creates is already there: every step before it runs, then 1091 fails, all in
    // the worker's one transaction.
    const store = await openStore(dataDirPaths(join(dir, 'vault')).database, dataKey, { migrate: false });
    store.sqlite.exec('CREATE TABLE household_search_disorder (x)');
    await store.close();
    const before = await schemaOf(dataKey);
    expect(before.version).toBeLessThan(500);

    await expect(session.unlock({ passphrase })).rejects.toThrow();
    expect(seen.some((p) => p.job === 'migrate')).toBe(true);
    expect((await session.status()).state).toBe('locked');
    expect(await schemaOf(dataKey)).toEqual(before);
  }, 60_000);
});
