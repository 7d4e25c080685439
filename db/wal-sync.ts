import { closeSync, constants, fdatasyncSync, fstatSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** The WAL files whose folder entry has been flushed, by device and inode. */
const walsWithDurableEntry = new Set<string>();

/**
 * Makes durable every frame written so far to the WAL of the connection's file, as a COMMIT under
 * synchronous = FULL would, for transactions committed under NORMAL (commit-watch.ts): their frames
 * were written (a killed process loses nothing) but not flushed (a power cut could). Every frame a
 * reader of this connection can see is then on disk: it is in the WAL (written before its COMMIT
 * returned, so flushed here) or in the database file (a checkpoint syncs the file before a WAL
 * restart overwrites the frames it copied). No WAL file means no unsynced frame: SQLite removes it
 * only after a checkpoint of all of it.
 *
 * SQLite locks the database and -shm files, never the WAL, so opening and closing the WAL here
 * cannot drop a lock. A new WAL's folder entry is flushed once (as SQLite's own first sync of it
 * does), so the file itself survives a power cut; Windows cannot open folders (durable-files.ts).
 */
export function syncWal(sqlite: BetterSqlite3.Database): void {
  const walPath = `${sqlite.name}-wal`;
  let fd: number;
  try {
    fd = openSync(walPath, constants.O_RDWR);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    fdatasyncSync(fd);
    if (process.platform !== 'win32') {
      const { dev, ino } = fstatSync(fd);
      const key = `${dev}:${ino}`;
      if (!walsWithDurableEntry.has(key)) {
        const folder = openSync(dirname(walPath), constants.O_RDONLY);
        try {
          fsyncSync(folder);
        } finally {
          closeSync(folder);
        }
        walsWithDurableEntry.add(key);
      }
    }
  } finally {
    closeSync(fd);
  }
}
