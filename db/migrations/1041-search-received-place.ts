import { type Kysely, sql } from 'kysely';

/**
 * 世帯一覧's 受付日 order, as 1040 for ふりがな: many households can share one 受付日 (a ledger imported
 * with one date), and the search counts a place's households to choose between walking the 受付日
 * index and sorting the matches; this index makes the count a range of index entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX household_search_terms_received ON household_search_terms (received_rowid)`.execute(
    db,
  );
}
