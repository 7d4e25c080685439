import { type Kysely, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { CommitWatch, watchedKysely } from './commit-watch.js';
import { MigrationHistoryError } from './errors.js';
import { assertStrictlyIncreasing, latestSchemaVersion, migrations } from './migrations/index.js';
import { openChecked, type Sqlite } from './open-checked.js';
import type { Database } from './schema.js';

export { isDamagedPageError, type Sqlite } from './open-checked.js';

export interface OpenStore {
  sqlite: Sqlite;
  db: Kysely<Database>;
  /** Who hears about each committed change (the vault's anchor); nobody until set. */
  watch: CommitWatch;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the encrypted store with a raw 32-byte key, refuses a newer schema,
 * checks every page is readable, then applies pending migrations in one transaction.
 */
export async function openStore(
  path: string,
  key: Buffer,
  options: {
    create?: boolean;
    integrity?: 'quick' | 'none';
    /** Tests build a file as an older version left it by passing the steps it had. */
    migrations?: typeof migrations;
    /** false: open without migrating (the vault first compares the file with its anchor). */
    migrate?: boolean;
    /**
     * How long SQLite itself may block this thread for another connection's write lock. 0 (the
     * default): the driver waits on a timer instead (commit-watch.ts), so the main thread never
     * stalls behind a worker's job; a worker's own connection may block its thread.
     */
    busyTimeoutMs?: number;
  } = {},
): Promise<OpenStore> {
  const { sqlite } = openChecked(path, key, {
    ...(options.create ? { create: true } : {}),
    ...(options.integrity ? { integrity: options.integrity } : {}),
    knownVersion: latestSchemaVersion,
  });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 0))}`);
    // Sorts and temp indexes stay in memory, never in an unencrypted temp file.
    sqlite.pragma('temp_store = MEMORY');
    // Pages stay decrypted in SQLite's own cache (32 MB): encryption then costs only on first read.
    sqlite.pragma('cache_size = -32768');
    const watch = new CommitWatch();
    const db = watchedKysely<Database>(sqlite, watch);
    if (options.migrate ?? true) await migrate(db, options.migrations ?? migrations);
    return {
      sqlite,
      db,
      watch,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (err) {
    if (sqlite.open) sqlite.close();
    throw err;
  }
}

/**
 * The steps the file records (kysely's bookkeeping), refused unless they are the first steps of
 * `list` in the same order. Without the bookkeeping table (a new file) there is nothing to compare.
 */
async function recordedSteps(
  db: Kysely<Database>,
  list: ReadonlyArray<{ name: string }>,
): Promise<string[] | null> {
  const { rows: table } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.length === 0) return null;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const recorded = rows.map((r) => r.name);
  const at = recorded.findIndex((name, i) => list[i]?.name !== name);
  if (at >= 0) throw new MigrationHistoryError(recorded[at] ?? null, list[at]?.name ?? null);
  return recorded;
}

/**
 * Runs every pending step and records the schema version in `user_version` inside one transaction
 * (as Signal Desktop does): a step that fails leaves both the tables and `user_version` as they were.
 * A file whose recorded steps are not the first steps of `list` is refused (MigrationHistoryError)
 * before anything runs: a step numbered below the file's newest would otherwise be skipped.
 */
export async function migrate(
  db: Kysely<Database>,
  list: ReadonlyArray<{ version: number; name: string; migration: Migration }>,
): Promise<void> {
  assertStrictlyIncreasing(list);
  const version = list.at(-1)?.version ?? 0;
  const recorded = await recordedSteps(db, list);
  // user_version is written in the transaction of the steps it counts: equal (and every step
  // recorded) means nothing is pending, and kysely's Migrator (which introspects every table)
  // need not run.
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  if (version > 0 && rows[0]?.user_version === version && (recorded?.length ?? list.length) === list.length)
    return;
  await db.transaction().execute(async (trx) => {
    const migrator = new Migrator({
      db: trx,
      provider: { getMigrations: async () => Object.fromEntries(list.map((m) => [m.name, m.migration])) },
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    await sql`PRAGMA user_version = ${sql.raw(String(version))}`.execute(trx);
  });
}
