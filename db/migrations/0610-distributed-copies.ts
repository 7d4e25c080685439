import { type Kysely, sql } from 'kysely';

/**
 * Rule 8: the numbered copies of a meeting's packet. Each 配布番号 goes to one recipient for every
 * 様式 issued together for the meeting; the coordinator records when it came back (回収) or was
 * destroyed (廃棄). A copy with neither date is outstanding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE distributed_copies (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    copy_no INTEGER NOT NULL CHECK (copy_no >= 1),
    recipient TEXT NOT NULL DEFAULT '',
    documents_json TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    collected_on TEXT,
    destroyed_on TEXT,
    recorded_by TEXT REFERENCES users(id),
    PRIMARY KEY (meeting_id, copy_no)
  )`.execute(db);
  await sql`CREATE INDEX distributed_copies_outstanding ON distributed_copies (meeting_id)
    WHERE collected_on IS NULL AND destroyed_on IS NULL`.execute(db);
}
