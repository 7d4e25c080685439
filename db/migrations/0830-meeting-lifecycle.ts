import { type Kysely, sql } from 'kysely';

/**
 * Rules 18, 21, 22 for meetings: a meeting not held is 中止 with its reason (what was issued for it
 * stays, with its audit events); a 確定 plan is read-only until the 確定 is withdrawn with a reason,
 * kept here; meetings imported as past records (移行データ) raise no 「未作成」 flags until the
 * coordinator chooses to complete them.
 *
 * Round 1 wrote no audit event for a meeting it imported, and one (`meeting.created`) for every meeting
 * scheduled on screen: the meetings without one, already held, are the imported past records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN cancelled_at TEXT`.execute(db);
  await sql`ALTER TABLE meetings ADD COLUMN cancel_reason TEXT`.execute(db);
  // 1 = imported as a past record; 2 = imported, and the coordinator chose to complete it.
  await sql`ALTER TABLE meetings ADD COLUMN migrated INTEGER NOT NULL DEFAULT 0 CHECK (migrated IN (0, 1, 2))`.execute(
    db,
  );
  // Imported meetings already held (office day, Japan time) are the past records.
  await sql`UPDATE meetings SET migrated = 1 WHERE held_on <= date('now', '+9 hours') AND id NOT IN
    (SELECT target_id FROM audit_events WHERE kind = 'meeting.created' AND target_id IS NOT NULL)`.execute(
    db,
  );
  await sql`CREATE TABLE plan_unfinalizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX plan_unfinalizations_meeting ON plan_unfinalizations (meeting_id)`.execute(db);
}
