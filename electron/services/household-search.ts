import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldForSearch, searchTextSeparator } from '../../db/search-fold.js';
import {
  indexHousehold,
  kanaPlaceRange,
  keyBits,
  queryPieces,
  receivedPlaceRange,
  type SearchOrder,
  searchTables,
  searchToken,
} from '../../db/search-index.js';
import { type HouseholdListSort, type ListDirection, usualDirection } from '../domain/household.js';
import { type SummaryRow, summaryColumns, summaryRows } from './household-summaries.js';

/** Rewrites one household's search row and index entries (inside the caller's transaction). */
export async function reindexHousehold(trx: Kysely<Database>, householdId: string): Promise<void> {
  await indexHousehold(trx, householdId);
}

/** What narrows the list besides the query; each is a condition on `h` (households). */
export interface SearchFilters {
  status?: 'received' | 'active' | 'closed' | undefined;
  issue?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

/**
 * SQL text and its parameters. Every statement here is written as text, not through Kysely's sql``:
 * a list call ran four of them, and compiling each template per call cost about as much as running
 * it. The texts vary only with the shape of the request (order, filters), so each is prepared once
 * (db/commit-watch.ts) and the parameters carry the rest.
 */
interface Part {
  text: string;
  params: unknown[];
}

async function rowsOf<R>(db: Kysely<Database>, text: string, params: unknown[]): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

function filterConditions(f: SearchFilters): Part[] {
  const conditions: Part[] = [];
  if (f.status) conditions.push({ text: 'h.status = ?', params: [f.status] });
  if (f.issue)
    conditions.push({
      text: 'EXISTS (SELECT 1 FROM household_issues hi WHERE hi.household_id = h.id AND hi.issue = ?)',
      params: [f.issue],
    });
  if (f.receivedFrom) conditions.push({ text: 'h.received_on >= ?', params: [f.receivedFrom] });
  if (f.receivedTo) conditions.push({ text: 'h.received_on <= ?', params: [f.receivedTo] });
  return conditions;
}

/** ` AND a AND b…` of the parts, and their parameters in order. */
function andAll(parts: readonly Part[]): Part {
  return { text: parts.map((p) => ` AND ${p.text}`).join(''), params: parts.flatMap((p) => p.params) };
}

/** Of the pieces, the two with the fewest households (counted up to `cap`), or none when one has none. */
async function rarestPieces(db: Kysely<Database>, table: string, pieces: string[]): Promise<string[]> {
  if (pieces.length <= 2) return pieces;
  const cap = 2000;
  const counted = await Promise.all(
    pieces.map(async (piece) => {
      const [row] = await rowsOf<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM (SELECT 1 FROM "${table}" WHERE "${table}" MATCH ? LIMIT ?)`,
        [searchToken(piece), cap],
      );
      return { piece, n: row?.n ?? 0 };
    }),
  );
  if (counted.some((c) => c.n === 0)) return [];
  return counted
    .sort((a, b) => a.n - b.n)
    .slice(0, 2)
    .map((c) => c.piece);
}

/** The households' own columns a list order sorts by; ties on the column go by 受付番号 the same way. */
function listOrderBy(sort: HouseholdListSort, direction: ListDirection, of = 'h'): string {
  const dir = direction === 'ascending' ? 'ASC' : 'DESC';
  if (sort === 'caseNo') return `${of}.case_no ${dir}`;
  return sort === 'kana'
    ? `${of}.sort_kana ${dir}, ${of}.case_no ${dir}`
    : `${of}.received_on ${dir}, ${of}.case_no ${dir}`;
}

/** The low bits of an index entry's id: the household's key in household_search_terms. */
const keyMask = (1n << keyBits) - 1n;

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
  const filters = filterConditions(input.filters ?? {});
  const conditions = [...wholeKey(key), ...filters];
  const matches = (households: boolean, extra: Part[]) =>
    matchesOf({ table, match, conditions: [...conditions, ...extra], households });
  const listOrder = listOrderBy(input.sort, direction);
  if (input.limit === null || input.sort === 'caseNo') {
    const all = matches(true, []);
    return (
      await rowsOf<{ id: string }>(
        db,
        `SELECT h.id FROM ${all.text} ORDER BY ${listOrder}${input.limit === null ? '' : ' LIMIT ?'}`,
        [...all.params, ...(input.limit === null ? [] : [input.limit])],
      )
    ).map((r) => r.id);
  }
  const ascending = direction === 'ascending';
  // The first `limit` matches by place: every place before the last one's is whole among them. The
  // households' rows are read only when a filter asks about them.
  const firstMatches = matches(filters.length > 0, []);
  const first = await rowsOf<{ id: string; place: number }>(
    db,
    `SELECT t.household_id AS id, s.rowid >> ${keyBits} AS place FROM ${firstMatches.text}
    ORDER BY s.rowid ${ascending ? 'ASC' : 'DESC'} LIMIT ?`,
    [...firstMatches.params, input.limit],
  );
  if (first.length < input.limit) return (await inListOrder(db, first, listOrder)).map((r) => r.id);
  // The page ends inside the last one's place: its households go by the list's own columns.
  const { before, rest } = await restOfPlace(db, first, {
    order,
    match,
    key,
    limit: input.limit,
    sort: input.sort,
    direction,
    conditions,
    filters,
  });
  return [...(await inListOrder(db, before, listOrder)), ...rest].map((r) => r.id);
}

/** The matches of `match` that meet the conditions, joined to their households when asked. */
function matchesOf(input: { table: string; match: string; conditions: Part[]; households: boolean }): Part {
  const { table, households } = input;
  const where = andAll(input.conditions);
  return {
    text: `"${table}" s CROSS JOIN household_search_terms t${households ? ' CROSS JOIN households h' : ''}
      WHERE s."${table}" MATCH ? AND t.key = (s.rowid & ${keyMask})${households ? ' AND h.id = t.household_id' : ''}${where.text}`,
    params: [input.match, ...where.params],
  };
}

/** Up to three characters the token is the query itself; a longer key is checked whole. */
function wholeKey(key: string): Part[] {
  return [...key].length > 3 ? [{ text: 'instr(t.text, ?) > 0', params: [key] }] : [];
}

/**
 * A page read by place (`read`, in the list's order up to its last row's place) that ends inside
 * that place with more matches there: the rows before the place, and the rest of the page from the
 * place in the list's order. The place is walked in the order's index, or its matches are sorted,
 * whichever reads fewer rows (walkIsShorter). `conditions` apply to every match (the whole query,
 * the filters), `filters` to the walked households.
 */
async function restOfPlace<R extends { place: number }>(
  db: Kysely<Database>,
  read: readonly R[],
  input: {
    order: SearchOrder;
    match: string;
    key: string;
    limit: number;
    sort: HouseholdListSort;
    direction: ListDirection;
    conditions: Part[];
    filters: Part[];
  },
): Promise<{ before: R[]; rest: { id: string }[] }> {
  const { order, match, key, filters } = input;
  const lastPlace = read.at(-1)?.place;
  const before = read.filter((r) => r.place !== lastPlace);
  if (lastPlace === undefined) return { before, rest: [] };
  const place = BigInt(lastPlace);
  const need = input.limit - before.length;
  const ascending = input.direction === 'ascending';
  const table = searchTables[order];
  if (await walkIsShorter(db, { order, table, match, place, need }))
    return { before, rest: await walkPlace(db, { order, place, key, need, ascending, filters }) };
  const [lo, hi] = [place << keyBits, (place + 1n) << keyBits];
  const inPlace = matchesOf({
    table,
    match,
    conditions: [...input.conditions, { text: 's.rowid >= ? AND s.rowid < ?', params: [lo, hi] }],
    households: true,
  });
  const listOrder = listOrderBy(input.sort, input.direction);
  const rest = await rowsOf<{ id: string }>(
    db,
    `SELECT h.id FROM ${inPlace.text} ORDER BY ${listOrder} LIMIT ?`,
    [...inPlace.params, need],
  );
  return { before, rest };
}

/** A few households (a page at most) in the list's order. */
async function inListOrder(
  db: Kysely<Database>,
  rows: readonly { id: string }[],
  listOrder: string,
): Promise<{ id: string }[]> {
  if (rows.length <= 1) return [...rows];
  return rowsOf<{ id: string }>(
    db,
    `SELECT h.id FROM households h WHERE h.id IN (SELECT value FROM json_each(?)) ORDER BY ${listOrder}`,
    [JSON.stringify(rows.map((r) => r.id))],
  );
}

/** Per list order: the search row's entry column, and the households' column the order sorts by. */
const placeColumns = {
  kana: { entry: '"kana_rowid"', column: '"h"."sort_kana"' },
  received: { entry: '"received_rowid"', column: '"h"."received_on"' },
} as const;

/** Counts stop here: past it, either way is long and the estimate no longer matters. */
const countCap = 4096;

/**
 * Whether walking the order's index through the place reads fewer rows than sorting the place's
 * matches. Many households can share a place (one 受付日; one principal's ふりがな, or none): the
 * walk reads about need × households ÷ matches of them, the sort every match. The households are
 * counted first (index entries only); the matches, which cost more to count, only as far as the
 * answer needs: past √(need × households) the walk is shorter, however many more there are. At
 * 100,000 households a place holds about a thousand, and counting all their matches cost more than
 * the walk itself.
 */
async function walkIsShorter(
  db: Kysely<Database>,
  input: { order: SearchOrder; table: string; match: string; place: bigint; need: number },
): Promise<boolean> {
  const [lo, hi] = [input.place << keyBits, (input.place + 1n) << keyBits];
  const { entry } = placeColumns[input.order];
  const [place] = await rowsOf<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM household_search_terms WHERE ${entry} >= ? AND ${entry} < ? LIMIT ?)`,
    [lo, hi, countCap],
  );
  const households = place?.n ?? 0;
  if (households <= input.need) return false;
  const enough = Math.floor(Math.sqrt(input.need * households)) + 1;
  const [counted] = await rowsOf<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM "${input.table}" s WHERE s."${input.table}" MATCH ?
      AND s.rowid >= ? AND s.rowid < ? LIMIT ?)`,
    [input.match, lo, hi, enough],
  );
  const matches = counted?.n ?? 0;
  return matches > input.need && input.need * households < matches ** 2;
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
    filters: Part[];
  },
): Promise<{ id: string }[]> {
  const range = input.order === 'kana' ? kanaPlaceRange(input.place) : receivedPlaceRange(input.place);
  const [lo, hi] = [input.place << keyBits, (input.place + 1n) << keyBits];
  const { entry, column } = placeColumns[input.order];
  const conditions = andAll([
    { text: `${column} >= ?`, params: [range.from] },
    ...(range.upTo !== undefined
      ? [{ text: `${column} <= ?`, params: [range.upTo] }]
      : range.below !== null
        ? [{ text: `${column} < ?`, params: [range.below] }]
        : []),
    { text: 't.household_id = h.id', params: [] },
    { text: `t.${entry} >= ?`, params: [lo] },
    { text: `t.${entry} < ?`, params: [hi] },
    { text: 'instr(t.text, ?) > 0', params: [input.key] },
    ...input.filters,
  ]);
  const dir = input.ascending ? 'ASC' : 'DESC';
  return rowsOf<{ id: string }>(
    db,
    `SELECT h.id FROM households h CROSS JOIN household_search_terms t
    WHERE ${conditions.text.slice(' AND '.length)}
    ORDER BY ${column} ${dir}, h.case_no ${dir} LIMIT ?`,
    [...conditions.params, input.need],
  );
}

/** Matches of the last place a page reads in its one statement; past them the place is walked. */
const tiedCap = 200;

/**
 * The statement of one page of search results, per order, direction and whether the query is
 * longer than three characters (then each match's search text is checked whole). It reads the first
 * `limit` matches by place; when they fill the page, also the matches of the last one's place (at
 * most `tiedCap`: only that place can hold households the list puts before some of those read); and
 * their 世帯一覧 rows by key, in the list's order. `tied`: how many of that place were read.
 * Parameters: the match, [the key], the limit, the limit, the match, [the key], the cap, the limit.
 */
const pageStatements = new Map<string, string>();
function pageStatement(order: SearchOrder, ascending: boolean, long: boolean): string {
  const shape = `${order} ${ascending} ${long}`;
  const known = pageStatements.get(shape);
  if (known) return known;
  const table = searchTables[order];
  const dir = ascending ? 'ASC' : 'DESC';
  const terms = long ? ' CROSS JOIN household_search_terms t' : '';
  const whole = long ? ` AND t.key = (s.rowid & ${keyMask}) AND instr(t.text, ?) > 0` : '';
  const sortColumn = order === 'kana' ? 'r.sort_kana' : 'r.received_on';
  const place = '(SELECT place FROM edge)';
  const text = `WITH first AS MATERIALIZED (
      SELECT s.rowid AS e FROM "${table}" s${terms} WHERE s."${table}" MATCH ?${whole}
      ORDER BY s.rowid ${dir} LIMIT ?),
    edge AS MATERIALIZED (
      SELECT CASE WHEN count(*) = ? THEN ${ascending ? 'max' : 'min'}(e) >> ${keyBits} END AS place FROM first),
    tied AS MATERIALIZED (
      SELECT s.rowid AS e FROM "${table}" s${terms} WHERE ${place} IS NOT NULL AND s."${table}" MATCH ?${whole}
        AND s.rowid >= ${place} << ${keyBits} AND s.rowid < (${place} + 1) << ${keyBits}
      LIMIT ?),
    picked AS (
      SELECT e FROM first WHERE (e >> ${keyBits}) IS NOT ${place}
      UNION ALL SELECT e FROM tied)
    SELECT ${summaryColumns}, p.e >> ${keyBits} AS place, (SELECT count(*) FROM tied) AS tied
    FROM picked p CROSS JOIN household_list_rows r ON r.key = (p.e & ${keyMask})
    ORDER BY ${sortColumn} ${dir}, r.case_no ${dir} LIMIT ?`;
  pageStatements.set(shape, text);
  return text;
}

/**
 * The statement of a page when the index's order is the list's: the first `limit` matches by
 * entry id (of those the filters keep: a subset of a place in order is in order) and their 世帯一覧
 * rows by key, each with whether its place holds households out of the list's order (migration
 * 1091). The outer ORDER BY states the order the rows already come in: SQLite keeps the subquery's
 * order and sorts nothing (the plan tests check there is no temporary B-tree). Parameters: the
 * match, [the key], the filters' own, the limit.
 */
const orderedStatements = new Map<string, string>();
function orderedStatement(order: SearchOrder, ascending: boolean, long: boolean, filters: string): string {
  const shape = `${order} ${ascending} ${long} ${filters}`;
  const known = orderedStatements.get(shape);
  if (known) return known;
  const table = searchTables[order];
  const dir = ascending ? 'ASC' : 'DESC';
  const terms = long ? ' CROSS JOIN household_search_terms t' : '';
  const whole = long ? ` AND t.key = (s.rowid & ${keyMask}) AND instr(t.text, ?) > 0` : '';
  const households = filters
    ? ` CROSS JOIN household_list_rows f ON f.key = (s.rowid & ${keyMask}) CROSS JOIN households h ON h.id = f.household_id`
    : '';
  const text = `SELECT ${summaryColumns},
      EXISTS (SELECT 1 FROM household_search_disorder d WHERE d.list_order = '${order}' AND d.place = p.e >> ${keyBits}) AS disordered
    FROM (SELECT s.rowid AS e FROM "${table}" s${terms}${households} WHERE s."${table}" MATCH ?${whole}${filters}
      ORDER BY s.rowid ${dir} LIMIT ?) p
    CROSS JOIN household_list_rows r ON r.key = (p.e & ${keyMask})
    ORDER BY p.e ${dir}`;
  orderedStatements.set(shape, text);
  return text;
}

/**
 * One page of 世帯一覧's search (受付日 or ふりがな order): the rows of the households
 * searchHouseholdIds would give. One statement when the page's places are in the list's order
 * (orderedStatement). Else, without filters, one more that sorts them (pageStatement), and only when
 * the page ends in a place with more than `tiedCap` matches is that place walked or sorted as
 * searchHouseholdIds does; with filters, searchHouseholdIds itself.
 */
export async function searchPage(
  db: Kysely<Database>,
  input: {
    query: string;
    sort: 'receivedOn' | 'kana';
    direction?: ListDirection | undefined;
    limit: number;
    filters?: SearchFilters;
    /** Tests lower it to reach the walk with a few households. */
    tiedCap?: number;
  },
): Promise<SummaryRow[]> {
  const cap = input.tiedCap ?? tiedCap;
  const key = foldForSearch(input.query).replaceAll(searchTextSeparator, '');
  if (key === '' || input.limit <= 0) return [];
  const direction = input.direction ?? usualDirection[input.sort];
  const order: SearchOrder = input.sort === 'kana' ? 'kana' : 'received';
  const table = searchTables[order];
  const pieces = await rarestPieces(db, table, queryPieces(key));
  if (pieces.length === 0) return [];
  const match = pieces.map(searchToken).join(' AND ');
  const ascending = direction === 'ascending';
  const long = [...key].length > 3;
  // Where every place the page reaches holds its households in the list's order, the index's first
  // entries are the page.
  const filters = andAll(filterConditions(input.filters ?? {}));
  const ordered = await rowsOf<SummaryRow & { disordered: number }>(
    db,
    orderedStatement(order, ascending, long, filters.text),
    [match, ...(long ? [key] : []), ...filters.params, input.limit],
  );
  if (!ordered.some((r) => r.disordered)) return ordered;
  if (filters.text) {
    const { query, sort } = input;
    return summaryRows(
      db,
      await searchHouseholdIds(db, { query, sort, direction, limit: input.limit, filters: input.filters }),
    );
  }
  const rows = await rowsOf<SummaryRow & { place: number; tied: number }>(
    db,
    pageStatement(order, ascending, long),
    long
      ? [match, key, input.limit, input.limit, match, key, cap, input.limit]
      : [match, input.limit, input.limit, match, cap, input.limit],
  );
  const last = rows.at(-1);
  if (!last || last.tied < cap) return rows;
  // The last place has more matches than were read. The page holds every match before that place
  // (fewer than `limit`), so its last row is of that place: the rest of the page comes from it.
  const { before, rest } = await restOfPlace(db, rows, {
    order,
    match,
    key,
    limit: input.limit,
    sort: input.sort,
    direction,
    conditions: wholeKey(key),
    filters: [],
  });
  return [
    ...before,
    ...(await summaryRows(
      db,
      rest.map((r) => r.id),
    )),
  ];
}
