import { type Kysely, sql } from 'kysely';
import { noteSearchText } from '../search-fold.js';

/**
 * The coordinator's desk (issue 13): モニタリング per plan row, the 評価 at 終結, 出欠 per attendee,
 * a structured 支援経過 (手段, time, members concerned, 次回予定日) searchable inside the encrypted
 * file, and the 書面 follow-up of a consent given 口頭. The indexes are the ones ホーム reads by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db);

  // 出欠: unknown until the agency answers the notice.
  await run(sql`ALTER TABLE meeting_attendees ADD COLUMN attendance TEXT NOT NULL DEFAULT 'unknown'
    CHECK (attendance IN ('unknown', 'attending', 'absent'))`);

  // Rule 19. Entries stay with their plan row: a row that has them cannot be removed from the plan.
  await run(sql`CREATE TABLE plan_monitoring (
    id TEXT PRIMARY KEY,
    plan_row_id TEXT NOT NULL REFERENCES plan_rows(id),
    checked_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ongoing', 'achieved', 'partlyAchieved', 'notDone', 'needsReview')),
    note TEXT NOT NULL DEFAULT '',
    agency_id TEXT REFERENCES agencies(id),
    user_id TEXT,
    created_at TEXT NOT NULL
  )`);
  await run(sql`CREATE INDEX plan_monitoring_row ON plan_monitoring (plan_row_id, checked_on)`);
  await run(sql`CREATE INDEX plan_monitoring_checked_on ON plan_monitoring (checked_on)`);

  // Rule 20: one evaluation per 終結 of a household with a plan; rows copy what was evaluated.
  await run(sql`CREATE TABLE evaluations (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    status_change_id INTEGER NOT NULL REFERENCES status_changes(id),
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    closed_on TEXT NOT NULL,
    close_reason TEXT NOT NULL,
    handover_agency_id TEXT REFERENCES agencies(id),
    user_id TEXT,
    created_at TEXT NOT NULL
  )`);
  await run(sql`CREATE INDEX evaluations_household ON evaluations (household_id, closed_on)`);
  await run(sql`CREATE TABLE evaluation_rows (
    evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    plan_row_id TEXT REFERENCES plan_rows(id) ON DELETE SET NULL,
    heading TEXT NOT NULL,
    goal TEXT NOT NULL,
    progress TEXT NOT NULL,
    achievement TEXT NOT NULL CHECK (achievement IN ('achieved', 'partlyAchieved', 'notAchieved')),
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (evaluation_id, position)
  )`);

  // 支援経過 gains 手段, time, the members concerned and 次回予定日 (null for entries written before).
  for (const column of ['means', 'time_from', 'time_to', 'next_on']) {
    await run(sql`ALTER TABLE progress_notes ADD COLUMN ${sql.raw(column)} TEXT`);
  }
  await run(sql`CREATE TABLE progress_note_members (
    note_id TEXT NOT NULL REFERENCES progress_notes(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, member_id)
  )`);
  await run(sql`CREATE INDEX progress_notes_noted_on ON progress_notes (noted_on)`);
  await run(sql`CREATE INDEX progress_notes_next_on ON progress_notes (next_on) WHERE next_on IS NOT NULL`);

  // Full-text search over notes, folded like household search (rule 16); the text stays in this file.
  await run(sql`CREATE TABLE progress_note_search_terms (
    note_id TEXT PRIMARY KEY REFERENCES progress_notes(id) ON DELETE CASCADE,
    text TEXT NOT NULL
  )`);
  await run(
    sql`CREATE VIRTUAL TABLE progress_note_search USING fts5(text, content = 'progress_note_search_terms', content_rowid = 'rowid', tokenize = 'trigram')`,
  );
  await run(sql`CREATE TRIGGER progress_note_search_ai AFTER INSERT ON progress_note_search_terms BEGIN
    INSERT INTO progress_note_search(rowid, text) VALUES (new.rowid, new.text); END`);
  await run(sql`CREATE TRIGGER progress_note_search_ad AFTER DELETE ON progress_note_search_terms BEGIN
    INSERT INTO progress_note_search(progress_note_search, rowid, text) VALUES ('delete', old.rowid, old.text); END`);
  await run(sql`CREATE TRIGGER progress_note_search_au AFTER UPDATE ON progress_note_search_terms BEGIN
    INSERT INTO progress_note_search(progress_note_search, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO progress_note_search(rowid, text) VALUES (new.rowid, new.text); END`);
  const notes = (
    await sql<{
      id: string;
      content: string;
      next_plan: string;
    }>`SELECT id, content, next_plan FROM progress_notes`.execute(db)
  ).rows;
  for (const n of notes) {
    await run(
      sql`INSERT INTO progress_note_search_terms (note_id, text) VALUES (${n.id}, ${noteSearchText(n.content, n.next_plan)})`,
    );
  }

  // A consent given 口頭 is followed by 書面: the day the signed form came in.
  await run(sql`ALTER TABLE consents ADD COLUMN written_on TEXT`);
  await run(sql`CREATE INDEX consents_oral ON consents (obtained_on) WHERE method = 'oral'`);

  // What ホーム reads: reviews by due day, a household's status history by day, issues per meeting.
  await run(
    sql`CREATE INDEX meetings_next_review ON meetings (next_review_on) WHERE next_review_on IS NOT NULL`,
  );
  await run(sql`CREATE INDEX households_status ON households (status)`);
  await run(sql`CREATE INDEX status_changes_day ON status_changes (changed_on)`);
  await run(sql`CREATE INDEX document_issues_meeting ON document_issues (meeting_id, document)`);
}
