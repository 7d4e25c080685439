import { type Kysely, sql } from 'kysely';

/**
 * ホーム read a row for every meeting ever held: to test whether its 様式4 was issued by the day
 * (the issue's `created_at` was not in the index), and to find the copies not yet 回収 or 廃棄 it
 * probed each past meeting's copies. With `created_at` in the issues index the test reads one index
 * entry per meeting; the copies are found from their own 回収日 and 廃棄日 (NULL, or after the day),
 * so the desk reads the outstanding copies, not every copy of every meeting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX document_issues_meeting`.execute(db);
  await sql`CREATE INDEX document_issues_meeting ON document_issues (meeting_id, document, created_at)`.execute(
    db,
  );
  await sql`CREATE INDEX distributed_copies_settled ON distributed_copies (collected_on, destroyed_on, issued_at)`.execute(
    db,
  );
}
