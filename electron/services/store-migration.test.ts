import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { dataDirPaths } from './data-dir.js';
import { errorMessages } from './errors.js';
import { writeLegacyVault } from './testing/legacy-vault.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

const passphrase = 'correct horse battery';

describe('更新（移行）の履歴が合わないデータ', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let session: VaultSession;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDataDir());
    session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
  });
  afterEach(async () => {
    await session.close();
    await cleanup();
  });

  it('このビルドが知らない更新を記録したデータは、日本語の理由で断り、何も書き換えない', async () => {
    const { dataKey } = await writeLegacyVault(dir, { userName: '相談 花子', passphrase, events: 3 });
    const path = dataDirPaths(dir).database;
    const store = await openStore(path, dataKey, { migrate: false });
    store.sqlite
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('0450-dev-only', '2025-04-01T00:00:00.000Z');
    const before = {
      version: store.sqlite.pragma('user_version', { simple: true }),
      tables: store.sqlite.prepare('SELECT name FROM sqlite_master ORDER BY name').pluck().all(),
    };
    await store.close();

    const refused = session.unlock({ passphrase });
    await expect(refused).rejects.toMatchObject({
      code: 'MIGRATION_HISTORY_MISMATCH',
      message: errorMessages.MIGRATION_HISTORY_MISMATCH,
      details: { found: '0450-dev-only', expected: '0500-anchored-head' },
    });
    await expect(refused).rejects.not.toThrow(/corrupted/);
    expect((await session.status()).state).toBe('locked');

    const after = await openStore(path, dataKey, { migrate: false });
    expect({
      version: after.sqlite.pragma('user_version', { simple: true }),
      tables: after.sqlite.prepare('SELECT name FROM sqlite_master ORDER BY name').pluck().all(),
    }).toEqual(before);
    await after.close();
  });
});
