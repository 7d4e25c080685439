import { type Kysely, sql } from 'kysely';

/**
 * 世帯一覧's ふりがな order: when a page ends inside a kana place that many households share, the
 * search counts the place's households (electron/services/household-search.ts walkIsShorter) to
 * choose between walking the ふりがな index and sorting the matches. This index makes that count a
 * range of index entries instead of a scan of every household's search row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX household_search_terms_kana ON household_search_terms (kana_rowid)`.execute(db);
}
