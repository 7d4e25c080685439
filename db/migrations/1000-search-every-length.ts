import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { writeSearchEntries } from '../search-index.js';

/**
 * Search uses an index for every query length (db/search-index.ts): the trigram table found three
 * characters or more, and one- and two-character queries (most surnames) read every household's row.
 * The row gets an integer key; two token tables, one per list order, replace the trigram table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['household_search_ai', 'household_search_ad', 'household_search_au'])
    await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  await sql`DROP TABLE household_search`.execute(db);
  await sql`DROP TABLE household_search_terms`.execute(db);
  await sql`CREATE TABLE household_search_terms (
    key INTEGER PRIMARY KEY,
    household_id TEXT NOT NULL UNIQUE REFERENCES households (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    received_rowid INTEGER NOT NULL,
    kana_rowid INTEGER NOT NULL)`.execute(db);
  for (const table of ['household_search_received', 'household_search_kana'])
    await sql`CREATE VIRTUAL TABLE ${sql.id(table)} USING fts5(tokens, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii')`.execute(
      db,
    );
  // A row leaves (edit or cascade from its household) with its entries.
  await sql`CREATE TRIGGER household_search_terms_ad AFTER DELETE ON household_search_terms BEGIN
    DELETE FROM household_search_received WHERE rowid = old.received_rowid;
    DELETE FROM household_search_kana WHERE rowid = old.kana_rowid; END`.execute(db);
  const households = (await sql<{ id: string }>`SELECT id FROM households ORDER BY rowid`.execute(db)).rows;
  for (const h of households) await writeSearchEntries(db as Kysely<Database>, h.id);
}
