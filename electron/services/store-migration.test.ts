import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { createBackup, restoreBackup } from './backup.js';
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

  it('試験版の更新を記録したバックアップの復元も同じ理由で断り、いまのデータはそのまま', async () => {
    const live = join(dir, 'live');
    const app = new VaultSession({ dataDir: live, via: 'app', kdf: fastKdf });
    await app.setup({ userName: '相談 花子', passphrase });
    const { vault, user } = app.signedIn();
    const dataKey = Buffer.from(vault.dataKey);
    const { path: backup } = await createBackup(app.ctx, vault, user.id, join(dir, 'backups'));
    await app.close();

    // The backup's file records one step this build never had; its checksum is made to match.
    const copy = await openStore(join(backup, 'kasane.db'), dataKey, { migrate: false });
    copy.sqlite
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('9999-dev-only', '2026-11-30T00:00:00.000Z');
    copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await copy.close();
    const manifestPath = join(backup, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.files['kasane.db'] = createHash('sha256')
      .update(await readFile(join(backup, 'kasane.db')))
      .digest('hex');
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    const files = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(live)).sort().map(async (n) => [n, await readFile(join(live, n)).catch(() => null)]),
        ),
      );
    const before = await files();
    await expect(
      restoreBackup({ dataDir: live, via: 'cli', clock: () => new Date() }, backup, passphrase),
    ).rejects.toMatchObject({
      code: 'MIGRATION_HISTORY_MISMATCH',
      details: { found: '9999-dev-only', expected: null },
    });
    expect(await files()).toEqual(before);
  });
});
