import { type Kysely, sql } from 'kysely';

/**
 * ホーム's 「会議の後の作業」 tested every meeting ever held for a 様式4 issued by the day (one index
 * probe each: 50,000 at 100,000 households). `meetings.reported_at` keeps when its first 様式4 was
 * issued (null: never), and the partial index holds the meetings that are not done: no 様式4 yet, or
 * a 重層的支援会議 whose plan is not 確定. With the index on `reported_at` for those issued after a
 * given day, the desk reads two short ranges. Triggers on document_issues keep it, as 1080 does.
 */
const first = (meeting: string) =>
  `(SELECT min(d.created_at) FROM document_issues d WHERE d.meeting_id = ${meeting} AND d.document = 'form4')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN reported_at TEXT`.execute(db);
  await sql.raw(`UPDATE meetings SET reported_at = ${first('meetings.id')}`).execute(db);
  await sql`CREATE TRIGGER document_issues_reported_ai AFTER INSERT ON document_issues
    WHEN NEW.document = 'form4' BEGIN
      UPDATE meetings SET reported_at = NEW.created_at
        WHERE id = NEW.meeting_id AND (reported_at IS NULL OR reported_at > NEW.created_at);
    END`.execute(db);
  await sql
    .raw(`CREATE TRIGGER document_issues_reported_au AFTER UPDATE OF meeting_id, document, created_at
    ON document_issues BEGIN
      UPDATE meetings SET reported_at = ${first('meetings.id')} WHERE id IN (OLD.meeting_id, NEW.meeting_id);
    END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER document_issues_reported_ad AFTER DELETE ON document_issues BEGIN
      UPDATE meetings SET reported_at = ${first('meetings.id')} WHERE id = OLD.meeting_id;
    END`)
    .execute(db);
  await sql`CREATE INDEX meetings_unfinished ON meetings (held_on, id)
    WHERE cancelled_at IS NULL AND migrated <> 1
      AND (reported_at IS NULL OR (kind = 'consented' AND plan_status <> 'final'))`.execute(db);
  await sql`CREATE INDEX meetings_reported ON meetings (reported_at) WHERE reported_at IS NOT NULL`.execute(
    db,
  );
}
