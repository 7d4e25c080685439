import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../electron/services/testing/temp-data-dir.js';
import { DatabaseDamagedError, MigrationHistoryError, SchemaTooNewError } from './errors.js';
import { assertStrictlyIncreasing, latestSchemaVersion, migrations } from './migrations/index.js';
import { migrate, type OpenStore, openStore } from './open.js';
import type { Database } from './schema.js';

let dir: string;
let cleanup: () => Promise<void>;
let path: string;
const key = randomBytes(32);
beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  path = join(dir, 'kasane.db');
});
afterEach(async () => cleanup());

describe('暗号化データベースを開く', () => {
  it('SQLCipher 互換・WAL・synchronous=FULL・外部キー有効で開き、スキーマ版を記録する', async () => {
    const store = await openStore(path, key, { create: true });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    await store.close();
    expect((await readFile(path)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('違う鍵ではデータとして読めない（壊れているのと区別はできないので、鍵の確認は keyslots で行う）', async () => {
    await (await openStore(path, key, { create: true })).close();
    await expect(openStore(path, randomBytes(32))).rejects.toBeInstanceOf(DatabaseDamagedError);
  });

  it('後ろのページが壊れていても開く時点で見つける', async () => {
    const store = await openStore(path, key, { create: true });
    store.sqlite.exec(
      `CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) INSERT INTO filler SELECT randomblob(2000) FROM n;`,
    );
    await store.close();
    const bytes = await readFile(path);
    const offset = bytes.length - 3000;
    bytes.fill(0x41, offset, offset + 64);
    await writeFile(path, bytes);
    await expect(openStore(path, key)).rejects.toBeInstanceOf(DatabaseDamagedError);
  });

  it('新しいスキーマのファイルは開かず、移行もしない', async () => {
    const store = await openStore(path, key, { create: true });
    store.sqlite.pragma(`user_version = ${latestSchemaVersion + 10}`);
    await store.close();
    const before = await readFile(path);
    await expect(openStore(path, key)).rejects.toBeInstanceOf(SchemaTooNewError);
    expect(await readFile(path)).toEqual(before);
  });

  it('存在しないファイルは作らずに失敗する', async () => {
    await expect(openStore(join(dir, 'missing.db'), key)).rejects.toBeInstanceOf(DatabaseDamagedError);
  });

  it('移行は番号順に並んでいることを起動時に確かめる', () => {
    expect(() => assertStrictlyIncreasing(migrations)).not.toThrow();
    expect(() => assertStrictlyIncreasing([{ version: 100 }, { version: 100 }])).toThrow(/out of order/);
    expect(() => assertStrictlyIncreasing([{ version: 200 }, { version: 100 }])).toThrow(/out of order/);
  });

  it('移行に失敗すると表も user_version も元のまま（同じトランザクションで書く）', async () => {
    const store = await openStore(path, key, { create: true });
    const broken = {
      version: latestSchemaVersion + 10,
      name: '9999-broken',
      migration: {
        up: async (db: typeof store.db) => {
          await sql`CREATE TABLE half_done (x)`.execute(db);
          await sql`PRAGMA user_version = 12345`.execute(db);
          throw new Error('step failed');
        },
      },
    };
    await expect(migrate(store.db, [...migrations, broken])).rejects.toThrow('step failed');
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const tables = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).all();
    expect(tables).toEqual([]);
    await store.close();
  });

  it('成功した移行は最後の番号を user_version に記録する', async () => {
    const store = await openStore(path, key, { create: true });
    const next = {
      version: latestSchemaVersion + 10,
      name: '9999-next',
      migration: {
        up: async (db: typeof store.db) => void (await sql`CREATE TABLE next_step (x)`.execute(db)),
      },
    };
    await migrate(store.db, [...migrations, next]);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 10);
    await store.close();
  });

  it('スキーマが最新なら移行の仕組みを動かさない（開くたびに全表を調べない）', async () => {
    await (await openStore(path, key, { create: true })).close();
    const store = await openStore(path, key);
    // kysely's own bookkeeping is gone: running the Migrator would re-run every step and fail.
    store.sqlite.exec('DROP TABLE kysely_migration; DROP TABLE kysely_migration_lock;');
    await migrate(store.db, migrations);
    const bookkeeping = store.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'kysely_%'`)
      .all();
    expect(bookkeeping).toEqual([]);
    await store.close();
  });

  describe('記録された移行が、知っている移行の先頭と一致しなければ何もせずに断る', () => {
    const step = (version: number, name: string) => ({
      version,
      name,
      migration: {
        up: async (db: Kysely<Database>) =>
          void (await sql`CREATE TABLE ${sql.id(`t_${version}`)} (x)`.execute(db)),
      },
    });
    const known = [
      ...migrations,
      step(latestSchemaVersion + 10, '9990-b'),
      step(latestSchemaVersion + 20, '9991-c'),
    ];
    const state = (store: OpenStore) => ({
      version: store.sqlite.pragma('user_version', { simple: true }),
      steps: store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
      tables: store.sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE name LIKE 't\\_%' ESCAPE '\\' ORDER BY name`)
        .pluck()
        .all(),
    });

    it('最新のファイルより下の番号に後から足された移行（飛ばされるはずだった）', async () => {
      const store = await openStore(path, key, { create: true, migrations: known });
      const before = state(store);
      const below = [...migrations, step(latestSchemaVersion + 5, '9985-added-below'), ...known.slice(-2)];
      const refused = migrate(store.db, below);
      await expect(refused).rejects.toBeInstanceOf(MigrationHistoryError);
      await expect(refused).rejects.toMatchObject({ found: '9990-b', expected: '9985-added-below' });
      expect(state(store)).toEqual(before);
      await store.close();
    });

    it('このビルドが知らない移行をファイルが実行している（途中にも、最後にも）', async () => {
      const store = await openStore(path, key, { create: true, migrations: known });
      const before = state(store);
      await expect(
        migrate(store.db, [...migrations, known.at(-1) as (typeof known)[number]]),
      ).rejects.toMatchObject({
        found: '9990-b',
        expected: '9991-c',
      });
      await expect(migrate(store.db, known.slice(0, -1))).rejects.toMatchObject({
        found: '9991-c',
        expected: null,
      });
      expect(state(store)).toEqual(before);
      await store.close();
    });

    it('先頭が一致していれば、残りの移行を実行する', async () => {
      const store = await openStore(path, key, { create: true, migrations: known.slice(0, -1) });
      await migrate(store.db, known);
      expect(state(store)).toMatchObject({
        version: latestSchemaVersion + 20,
        tables: [`t_${latestSchemaVersion + 10}`, `t_${latestSchemaVersion + 20}`],
      });
      await store.close();
    });
  });
});
