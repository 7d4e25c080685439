import { type Kysely, sql } from 'kysely';

/**
 * The kind index without the 閲覧 events. Every case opened added an entry to audit_events_kind (one
 * more WAL page to encrypt), yet the index is read for kinds that are rare: the last バックアップ
 * (ホーム, its history) and the audit log's filter. `indexed_kind` is the kind, or null for
 * a view (the kinds listed here must stay among readAuditKinds, audit.ts), and the index holds only
 * the rows where it is not null. Queries for any other kind ask `indexed_kind = ?`, which the partial
 * index serves; the audit log's filter for a view kind reads the table newest first, where views are
 * most of the rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN indexed_kind TEXT GENERATED ALWAYS AS
    (CASE WHEN kind IN ('household.viewed', 'meeting.viewed') THEN NULL ELSE kind END) VIRTUAL`.execute(db);
  await sql`DROP INDEX audit_events_kind`.execute(db);
  await sql`CREATE INDEX audit_events_kind ON audit_events (indexed_kind, id)
    WHERE indexed_kind IS NOT NULL`.execute(db);
}
