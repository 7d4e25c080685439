import { type Kysely, sql } from 'kysely';

/**
 * audit_events without AUTOINCREMENT: every append wrote its id into sqlite_sequence too, one page
 * more per event to encrypt into the WAL (a case opened wrote four pages; the commit counter's went
 * in anchor.ts). AUTOINCREMENT only keeps an id from being used twice after the newest row is
 * deleted; appendAuditEvent names each id itself (the newest + 1), deletes are refused by trigger,
 * and a chain cut short at its end is caught by the anchor, not by the sequence. The table is
 * rebuilt as it was, column for column, with its index and both triggers; every row keeps its id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_events_rebuilt (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    kind TEXT NOT NULL,
    target_type TEXT,
    target_id TEXT,
    detail_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    chain INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`INSERT INTO audit_events_rebuilt
      (id, at, user_id, kind, target_type, target_id, detail_json, prev_hash, hash, chain)
    SELECT id, at, user_id, kind, target_type, target_id, detail_json, prev_hash, hash, chain
    FROM audit_events ORDER BY id`.execute(db);
  await sql`DROP TABLE audit_events`.execute(db);
  await sql`ALTER TABLE audit_events_rebuilt RENAME TO audit_events`.execute(db);
  await sql`CREATE INDEX audit_events_kind ON audit_events (kind, id)`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
  await sql`DELETE FROM sqlite_sequence WHERE name = 'audit_events'`.execute(db);
}
