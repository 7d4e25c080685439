import { type Kysely, sql } from 'kysely';

/**
 * Whether each place of the search index already lists its households in the list's order.
 *
 * Within one place (db/search-index.ts: one 受付日; the first letters of one ふりがな) the index holds
 * its households by key, and the list wants them by 受付番号 (ふりがな first, in the kana order). A
 * search that ends a page inside a place had to read and sort all of that place's matches. Most
 * places hold their households by key in that order already (an office numbers cases as it
 * receives them), and then the index's first entries are the page.
 *
 * household_search_disorder counts, per list order and place, the neighbouring entries (by key) that
 * the list puts the other way round; a place without a row is in order. The search row keeps the
 * 受付番号 and ふりがな it was indexed with, so a row leaving is counted out exactly as it was counted
 * in. Triggers on household_search_terms keep the counts: an entry added or removed changes only
 * the pairs around it (two index lookups), so an import of thousands onto one day stays linear.
 * Search rows are only ever inserted and deleted (indexHousehold), never updated.
 */

/** Per list order: the search row's entry column, and whether row `a` comes after row `b` in the list. */
const orders = {
  received: { entry: 'received_rowid', after: (a: string, b: string) => `(${a}.case_no > ${b}.case_no)` },
  kana: {
    entry: 'kana_rowid',
    after: (a: string, b: string) =>
      `(${a}.sort_kana > ${b}.sort_kana OR (${a}.sort_kana = ${b}.sort_kana AND ${a}.case_no > ${b}.case_no))`,
  },
} as const;
const keyBits = 21;

/** The count's change when `row` (NEW or OLD) joins (+1) or leaves (-1) its place. */
function recount(order: keyof typeof orders, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const { entry, after } = orders[order];
  const neighbour = (side: 'prev' | 'next') =>
    `(SELECT t.key FROM household_search_terms t WHERE ${
      side === 'prev'
        ? `t.${entry} >= (${row}.${entry} >> ${keyBits}) << ${keyBits} AND t.${entry} < ${row}.${entry} ORDER BY t.${entry} DESC`
        : `t.${entry} > ${row}.${entry} AND t.${entry} < ((${row}.${entry} >> ${keyBits}) + 1) << ${keyBits} ORDER BY t.${entry} ASC`
    } LIMIT 1)`;
  const place = `${row}.${entry} >> ${keyBits}`;
  const change = `${sign} * (coalesce(${after('p', row)}, 0) + coalesce(${after(row, 'n')}, 0) - coalesce(${after('p', 'n')}, 0))`;
  return `INSERT INTO household_search_disorder (list_order, place, descents)
      SELECT '${order}', ${place}, ${change}
      FROM (SELECT 1) LEFT JOIN household_search_terms p ON p.key = ${neighbour('prev')}
        LEFT JOIN household_search_terms n ON n.key = ${neighbour('next')}
      WHERE true
      ON CONFLICT (list_order, place) DO UPDATE SET descents = descents + excluded.descents;
    DELETE FROM household_search_disorder WHERE list_order = '${order}' AND place = ${place} AND descents = 0;`;
}

/** Every place's count from scratch (the backfill; the tests compare the kept counts with it). */
export function disorderFromScratch(order: keyof typeof orders): string {
  const { entry, after } = orders[order];
  return `SELECT '${order}' AS list_order, place, sum(descent) AS descents FROM (
      SELECT t.${entry} >> ${keyBits} AS place, coalesce(${after('p', 't')}, 0) AS descent
      FROM household_search_terms t LEFT JOIN household_search_terms p ON p.key = (
        SELECT q.key FROM household_search_terms q
        WHERE q.${entry} >= (t.${entry} >> ${keyBits}) << ${keyBits} AND q.${entry} < t.${entry}
        ORDER BY q.${entry} DESC LIMIT 1))
    GROUP BY place HAVING sum(descent) > 0`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE household_search_terms ADD COLUMN case_no TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE household_search_terms ADD COLUMN sort_kana TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE household_search_terms SET (case_no, sort_kana) =
    (SELECT h.case_no, h.sort_kana FROM households h WHERE h.id = household_search_terms.household_id)
    WHERE household_id IN (SELECT id FROM households)`.execute(db);
  await sql`CREATE TABLE household_search_disorder (
    list_order TEXT NOT NULL,
    place INTEGER NOT NULL,
    descents INTEGER NOT NULL,
    PRIMARY KEY (list_order, place)
  ) WITHOUT ROWID`.execute(db);
  for (const order of ['received', 'kana'] as const)
    await sql
      .raw(
        `INSERT INTO household_search_disorder (list_order, place, descents) ${disorderFromScratch(order)}`,
      )
      .execute(db);
  await sql
    .raw(`CREATE TRIGGER household_search_disorder_ai AFTER INSERT ON household_search_terms BEGIN
      ${recount('received', 'NEW', 1)} ${recount('kana', 'NEW', 1)} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER household_search_disorder_ad AFTER DELETE ON household_search_terms BEGIN
      ${recount('received', 'OLD', -1)} ${recount('kana', 'OLD', -1)} END`)
    .execute(db);
}
