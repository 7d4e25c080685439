import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldForSearch, searchTextSeparator } from '../../db/search-fold.js';
import {
  keyBits,
  queryPieces,
  type SearchOrder,
  searchTables,
  searchToken,
  writeSearchEntries,
} from '../../db/search-index.js';
import { type HouseholdListSort, type ListDirection, usualDirection } from '../ipc/schemas/households.js';

/** Rewrites one household's search row and index entries (inside the caller's transaction). */
export async function reindexHousehold(trx: Kysely<Database>, householdId: string): Promise<void> {
  await writeSearchEntries(trx, householdId);
}

/** What narrows the list besides the query; each is a condition on `h` (households). */
export interface SearchFilters {
  status?: 'received' | 'active' | 'closed' | undefined;
  issue?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

function filterConditions(f: SearchFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (f.status) conditions.push(sql`h.status = ${f.status}`);
  if (f.issue)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM household_issues hi WHERE hi.household_id = h.id AND hi.issue = ${f.issue})`,
    );
  if (f.receivedFrom) conditions.push(sql`h.received_on >= ${f.receivedFrom}`);
  if (f.receivedTo) conditions.push(sql`h.received_on <= ${f.receivedTo}`);
  return conditions;
}

/** Of the pieces, the two with the fewest households (counted up to `cap`), or none when one has none. */
async function rarestPieces(db: Kysely<Database>, table: string, pieces: string[]): Promise<string[]> {
  if (pieces.length <= 2) return pieces;
  const cap = 2000;
  const counted = await Promise.all(
    pieces.map(async (piece) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.table(table)}
        WHERE ${sql.table(table)} MATCH ${searchToken(piece)} LIMIT ${cap})`.execute(db);
      return { piece, n: rows[0]?.n ?? 0 };
    }),
  );
  if (counted.some((c) => c.n === 0)) return [];
  return counted
    .sort((a, b) => a.n - b.n)
    .slice(0, 2)
    .map((c) => c.piece);
}

/** The households' own columns a list order sorts by; ties on the column go by 受付番号 the same way. */
function listOrderBy(sort: HouseholdListSort, direction: ListDirection): RawBuilder<unknown> {
  const dir = direction === 'ascending' ? sql`ASC` : sql`DESC`;
  if (sort === 'caseNo') return sql`h.case_no ${dir}`;
  return sort === 'kana'
    ? sql`h.sort_kana ${dir}, h.case_no ${dir}`
    : sql`h.received_on ${dir}, h.case_no ${dir}`;
}

/**
 * Household ids whose 受付番号, 表示名, 氏名 or ふりがな contain the query (folded, rule 16), in the
 * list's order, at most `limit` (all when null). For 受付日 and ふりがな, either way, the index gives
 * the first matches in order by place (db/search-index.ts); every match sharing the last one's place
 * is read too, and only those are sorted by the households' own columns. 受付番号 has no place in the
 * index: every match is read from the index and sorted. Neither % nor _ is a wildcard.
 */
export async function searchHouseholdIds(
  db: Kysely<Database>,
  input: {
    query: string;
    sort: HouseholdListSort;
    direction?: ListDirection | undefined;
    limit: number | null;
    filters?: SearchFilters;
  },
): Promise<string[]> {
  const key = foldForSearch(input.query).replaceAll(searchTextSeparator, '');
  if (key === '') return [];
  const direction = input.direction ?? usualDirection[input.sort];
  const order: SearchOrder = input.sort === 'kana' ? 'kana' : 'received';
  const table = searchTables[order];
  const pieces = await rarestPieces(db, table, queryPieces(key));
  if (pieces.length === 0) return [];
  const match = pieces.map(searchToken).join(' AND ');
  // Up to three characters the token is the query itself; longer ones are checked whole.
  const conditions = [
    ...([...key].length > 3 ? [sql`instr(t.text, ${key}) > 0`] : []),
    ...filterConditions(input.filters ?? {}),
  ];
  const matches = (extra: RawBuilder<unknown>[]) =>
    sql`${sql.table(table)} s CROSS JOIN household_search_terms t CROSS JOIN households h
      WHERE s.${sql.table(table)} MATCH ${match} AND t.key = (s.rowid & ${(1n << keyBits) - 1n})
        AND h.id = t.household_id${sql.join(
          [...conditions, ...extra].map((c) => sql` AND ${c}`),
          sql``,
        )}`;
  const listOrder = listOrderBy(input.sort, direction);
  if (input.limit === null || input.sort === 'caseNo') {
    const { rows } = await sql<{ id: string }>`SELECT h.id FROM ${matches([])} ORDER BY ${listOrder}${
      input.limit === null ? sql`` : sql` LIMIT ${input.limit}`
    }`.execute(db);
    return rows.map((r) => r.id);
  }
  // The first `limit` matches by place, then every match up to the end of the last one's place.
  const { rows } =
    direction === 'ascending'
      ? await sql<{ id: string }>`WITH first AS (SELECT s.rowid AS entry FROM ${matches([])}
            ORDER BY s.rowid LIMIT ${input.limit})
          SELECT h.id FROM ${matches([sql`s.rowid < (((SELECT max(entry) FROM first) >> ${keyBits}) + 1) << ${keyBits}`])}
          ORDER BY ${listOrder} LIMIT ${input.limit}`.execute(db)
      : await sql<{ id: string }>`WITH first AS (SELECT s.rowid AS entry FROM ${matches([])}
            ORDER BY s.rowid DESC LIMIT ${input.limit})
          SELECT h.id FROM ${matches([sql`s.rowid >= ((SELECT min(entry) FROM first) >> ${keyBits}) << ${keyBits}`])}
          ORDER BY ${listOrder} LIMIT ${input.limit}`.execute(db);
  return rows.map((r) => r.id);
}
