import { type Kysely, sql } from 'kysely';

/**
 * 世帯一覧's page (electron/services/household-summaries.ts) reads index entries only, besides each
 * household's own row: its 最終活動日 takes the latest 支援経過 not voided from a partial index that
 * holds the column it tests (SQLite does not infer it from the WHERE of the index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX progress_notes_latest ON progress_notes (household_id, noted_on, voided_at)
    WHERE voided_at IS NULL`.execute(db);
}
