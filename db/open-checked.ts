import { statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DatabaseDamagedError, SchemaTooNewError } from './errors.js';

/**
 * The open's first half: the file, its key, and the checks before anything else touches it. Only the
 * native driver and the store's own errors: the job worker's unlock page check (pageCheck) loads this
 * without kysely or the migrations (electron/services/jobs/page-check.ts), and openStore builds on it.
 */

export type Sqlite = BetterSqlite3.Database;

/** SQLCipher's page size: a file that is not a whole number of pages has been cut short. */
const pageSize = 4096;

/** A file that exists but cannot be a database (empty or cut short) is damage, never a new store. */
function assertWholeFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new DatabaseDamagedError(`cannot open database file: ${(err as Error).message}`);
  }
  if (size === 0) throw new DatabaseDamagedError('the database file is empty');
  if (size % pageSize !== 0) throw new DatabaseDamagedError(`the database file is cut short (${size} bytes)`);
}

function applyKey(sqlite: Sqlite, key: Buffer): void {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

/** SQLite's answer to a page that cannot be read as written (SQLCipher: its MAC fails). */
export function isDamagedPageError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
}

function isSqliteReadError(err: unknown): boolean {
  return isDamagedPageError(err) || ((err as { code?: string }).code ?? '').startsWith('SQLITE_IOERR');
}

/**
 * Opens (or creates) the encrypted file with a raw 32-byte key and checks it: damage (a file cut
 * short, no tables, a page that cannot be read; with integrity 'quick' every page) is
 * DatabaseDamagedError, then a schema newer than `knownVersion` is SchemaTooNewError. The
 * connection comes back open only when every check passed.
 */
export function openChecked(
  path: string,
  key: Buffer,
  options: { create?: boolean; integrity?: 'quick' | 'none'; knownVersion: number },
): { sqlite: Sqlite; fileVersion: number } {
  if (!options.create) assertWholeFile(path);
  let sqlite: Sqlite;
  try {
    sqlite = new BetterSqlite3(path, { fileMustExist: !options.create });
  } catch (err) {
    throw new DatabaseDamagedError(`cannot open database file: ${(err as Error).message}`);
  }
  try {
    applyKey(sqlite, key);
    let fileVersion: number;
    try {
      const objects = sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
      if (objects === 0 && !options.create) throw new DatabaseDamagedError('the database has no tables');
      fileVersion = sqlite.pragma('user_version', { simple: true }) as number;
      if ((options.integrity ?? 'quick') === 'quick') {
        const result = sqlite.pragma('quick_check', { simple: true });
        if (result !== 'ok') throw new DatabaseDamagedError(`quick_check: ${String(result)}`);
      }
    } catch (err) {
      if (err instanceof DatabaseDamagedError) throw err;
      if (isSqliteReadError(err)) throw new DatabaseDamagedError((err as Error).message);
      throw err;
    }
    if (fileVersion > options.knownVersion) throw new SchemaTooNewError(fileVersion, options.knownVersion);
    return { sqlite, fileVersion };
  } catch (err) {
    if (sqlite.open) sqlite.close();
    throw err;
  }
}
