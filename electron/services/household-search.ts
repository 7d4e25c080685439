import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldForSearch, searchTextSeparator } from '../../db/search-fold.js';
import {
  kanaPlaceRange,
  keyBits,
  queryPieces,
  receivedPlaceRange,
  type SearchOrder,
  searchTables,
  searchToken,
  writeSearchEntries,
} from '../../db/search-index.js';
import { type HouseholdListSort, type ListDirection, usualDirection } from '../domain/household.js';

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
  const ascending = direction === 'ascending';
  // The first `limit` matches by place: every place before the last one's is whole among them.
  const { rows: first } = await sql<{ id: string; place: number }>`SELECT h.id, s.rowid >> ${keyBits} AS place
    FROM ${matches([])} ORDER BY s.rowid ${ascending ? sql`ASC` : sql`DESC`} LIMIT ${input.limit}`.execute(
    db,
  );
  const last = first.at(-1);
  if (!last || first.length < input.limit) return (await inListOrder(db, first, listOrder)).map((r) => r.id);
  // The page ends inside the last one's place: its households go by the list's own columns.
  const before = first.filter((r) => r.place !== last.place);
  const need = input.limit - before.length;
  const place = BigInt(last.place);
  const [lo, hi] = [place << keyBits, (place + 1n) << keyBits];
  const inPlace = [sql`s.rowid >= ${lo}`, sql`s.rowid < ${hi}`];
  const rest = (await walkIsShorter(db, { order, table, match, place, need }))
    ? await walkPlace(db, { order, place, key, need, ascending, filters: input.filters ?? {} })
    : (
        await sql<{
          id: string;
        }>`SELECT h.id FROM ${matches(inPlace)} ORDER BY ${listOrder} LIMIT ${need}`.execute(db)
      ).rows;
  return [...(await inListOrder(db, before, listOrder)), ...rest].map((r) => r.id);
}

/** A few households (a page at most) in the list's order. */
async function inListOrder(
  db: Kysely<Database>,
  rows: readonly { id: string }[],
  listOrder: RawBuilder<unknown>,
): Promise<{ id: string }[]> {
  if (rows.length <= 1) return [...rows];
  const ids = JSON.stringify(rows.map((r) => r.id));
  return (
    await sql<{ id: string }>`SELECT h.id FROM households h
      WHERE h.id IN (SELECT value FROM json_each(${ids})) ORDER BY ${listOrder}`.execute(db)
  ).rows;
}

/** Counts stop here: past it, either way is long and the estimate no longer matters. */
const countCap = 4096;

/** Per list order: the search row's entry column, and the households' columns the order sorts by. */
const placeColumns = {
  kana: { entry: sql.ref('kana_rowid'), column: sql.ref('h.sort_kana') },
  received: { entry: sql.ref('received_rowid'), column: sql.ref('h.received_on') },
} as const;

/**
 * Whether walking the order's index through the place reads fewer rows than sorting the place's
 * matches. Many households can share a place (one 受付日; one principal's ふりがな, or none): the
 * walk reads about need × households ÷ matches of them, the sort every match.
 */
async function walkIsShorter(
  db: Kysely<Database>,
  input: { order: SearchOrder; table: string; match: string; place: bigint; need: number },
): Promise<boolean> {
  const [lo, hi] = [input.place << keyBits, (input.place + 1n) << keyBits];
  const table = sql.table(input.table);
  const entry = placeColumns[input.order].entry;
  const { rows } = await sql<{ matches: number; households: number }>`SELECT
    (SELECT count(*) FROM (SELECT 1 FROM ${table} s WHERE s.${table} MATCH ${input.match}
      AND s.rowid >= ${lo} AND s.rowid < ${hi} LIMIT ${countCap})) AS matches,
    (SELECT count(*) FROM (SELECT 1 FROM household_search_terms WHERE ${entry} >= ${lo} AND ${entry} < ${hi}
      LIMIT ${countCap})) AS households`.execute(db);
  const counted = rows[0];
  return (
    counted !== undefined &&
    counted.matches > input.need &&
    input.need * counted.households < counted.matches ** 2
  );
}

/**
 * The first `need` households of one place that contain the key, in the list's order: the order's
 * index (受付日 or ふりがな, then 受付番号) is walked over the place's range (db/search-index.ts) and
 * each household's search text is checked whole. `instr` finds exactly what the tokens find: the
 * key holds no separator, so it is inside one text, as every token is.
 */
async function walkPlace(
  db: Kysely<Database>,
  input: {
    order: SearchOrder;
    place: bigint;
    key: string;
    need: number;
    ascending: boolean;
    filters: SearchFilters;
  },
): Promise<{ id: string }[]> {
  const range = input.order === 'kana' ? kanaPlaceRange(input.place) : receivedPlaceRange(input.place);
  const [lo, hi] = [input.place << keyBits, (input.place + 1n) << keyBits];
  const { entry, column } = placeColumns[input.order];
  const conditions = [
    sql`${column} >= ${range.from}`,
    ...(range.upTo !== undefined
      ? [sql`${column} <= ${range.upTo}`]
      : range.below !== null
        ? [sql`${column} < ${range.below}`]
        : []),
    sql`t.household_id = h.id`,
    sql`t.${entry} >= ${lo}`,
    sql`t.${entry} < ${hi}`,
    sql`instr(t.text, ${input.key}) > 0`,
    ...filterConditions(input.filters),
  ];
  const dir = input.ascending ? sql`ASC` : sql`DESC`;
  const { rows } = await sql<{ id: string }>`SELECT h.id FROM households h CROSS JOIN household_search_terms t
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${column} ${dir}, h.case_no ${dir} LIMIT ${input.need}`.execute(db);
  return rows;
}
