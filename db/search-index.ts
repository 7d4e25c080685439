import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { householdSearchText, searchTextSeparator } from './search-fold.js';

/**
 * The household search index (rule 16; design.md: an index for every query length).
 *
 * Every 1-, 2- and 3-character piece of a household's folded search text is one token of two FTS5
 * tables, one per order of 世帯一覧. The id of a household's entry is its place in that order
 * (`received`: the 受付日; `kana`: the first letters of the principal's ふりがな and the 受付番号)
 * above a key of its own in the low `keyBits` bits. So the first page of matches, in order, is the
 * first entries of one token's list: a search reads about as many entries as it shows, whatever
 * the query's length and however many households match.
 */
export const keyBits = 21n;
/** Households an index can hold (the key's width): two million, far above any office. */
export const maxSearchKey = 2 ** Number(keyBits) - 1;

export const searchTables = { received: 'household_search_received', kana: 'household_search_kana' } as const;
export type SearchOrder = keyof typeof searchTables;

/** A piece of folded text as one FTS5 token: each code point as six hex digits (no tokenizer can split it). */
export function searchToken(piece: string): string {
  let token = '';
  for (const ch of piece) token += (ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
  return token;
}

/** The tokens a household is found by: every piece of one to three characters inside one text. */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const segment of text.split(searchTextSeparator)) {
    const chars = [...segment];
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= chars.length; i++) tokens.add(searchToken(chars.slice(i, i + n).join('')));
  }
  return [...tokens];
}

/**
 * The pieces a folded query is looked up by: the query itself up to three characters; above that, the
 * three-character pieces that cover it (every third one and the last). Each household found by all of
 * them is then checked against the whole query.
 */
export function queryPieces(key: string): string[] {
  const chars = [...key];
  if (chars.length <= 3) return [key];
  const pieces = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 3) pieces.add(chars.slice(i, i + 3).join(''));
  pieces.add(chars.slice(-3).join(''));
  return [...pieces];
}

/** 受付日 as YYYYMMDD: its order is the date's. The list's ties on one day (受付番号) are sorted after. */
export function receivedPlace(receivedOn: string): bigint {
  const digits = receivedOn.replace(/\D/g, '').slice(0, 8).padEnd(8, '0');
  return BigInt(digits);
}

/**
 * The 受付日 of every household with this received place: 受付日 are ISO dates (YYYY-MM-DD) everywhere
 * (the schemas, the import, and the 年度 ranges the lists and statistics compare them with).
 */
export function receivedPlaceRange(place: bigint): { from: string; below: null; upTo: string } {
  const digits = place.toString().padStart(8, '0');
  const day = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return { from: day, below: null, upTo: day };
}

/**
 * One symbol (7 bits) per character, never against the characters' own order: hiragana, digits and
 * a–z one each (exact), every other range shared by many characters (`shared`). 0 ends the ふりがな.
 */
function kanaSymbol(ch: string): { symbol: number; shared: boolean } {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x30 && c <= 0x39) return { symbol: 2 + (c - 0x30), shared: false };
  if (c >= 0x61 && c <= 0x7a) return { symbol: 13 + (c - 0x61), shared: false };
  if (c >= 0x3041 && c <= 0x3096) return { symbol: 40 + (c - 0x3041), shared: false };
  const symbol = c < 0x30 ? 1 : c < 0x61 ? 12 : c < 0x3041 ? 39 : c <= 0x30ff ? 126 : 127;
  return { symbol, shared: true };
}
const kanaSymbols = 6;

/**
 * The first six symbols of (ふりがな, 受付番号), never out of the list's kana order: after a shared
 * symbol the characters that follow cannot be compared, so the place stops there. Households with the
 * same place are the only ones the list sorts after the index.
 */
export function kanaPlace(sortKana: string, caseNo: string): bigint {
  const symbols: number[] = [];
  for (const s of [
    ...[...sortKana].map(kanaSymbol),
    { symbol: 0, shared: false },
    ...[...caseNo].map(kanaSymbol),
  ]) {
    if (symbols.length === kanaSymbols) break;
    symbols.push(s.symbol);
    if (s.shared) break;
  }
  while (symbols.length < kanaSymbols) symbols.push(0);
  return symbols.reduce((place, s) => (place << 7n) | BigInt(s), 0n);
}

/** The characters each shared symbol stands for (kanaSymbol), lowest and highest code point. */
const sharedRanges: Readonly<Record<number, readonly [number, number]>> = {
  1: [0, 0x2f],
  12: [0x3a, 0x60],
  39: [0x7b, 0x3040],
  126: [0x3097, 0x30ff],
  127: [0x3100, 0x10ffff],
};

/** The character an exact symbol stands for (kanaSymbol). */
function exactChar(symbol: number): string {
  const code = symbol <= 11 ? 0x30 + symbol - 2 : symbol <= 38 ? 0x61 + symbol - 13 : 0x3041 + symbol - 40;
  return String.fromCodePoint(code);
}

/** The string right after every string that starts with `prefix` (its last character raised by one). */
function pastPrefix(prefix: string): string | null {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return null;
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

/**
 * The ふりがな (sort_kana) every household of one kana place has, as a range in SQLite's BINARY order:
 * at least `from`, and below `below` (or at most `upTo` when the place holds one ふりがな only; null:
 * no upper bound). Households with the place are among those in the range, never outside it, so a
 * walk of the ふりがな index over the range, kept to the place's entries, meets each of them in order.
 */
export function kanaPlaceRange(place: bigint): { from: string; below: string | null; upTo?: string } {
  const symbols: number[] = [];
  for (let i = 0; i < kanaSymbols; i++) symbols.unshift(Number((place >> BigInt(7 * i)) & 127n));
  let prefix = '';
  for (const symbol of symbols) {
    if (symbol === 0) return { from: prefix, below: null, upTo: prefix };
    const shared = sharedRanges[symbol];
    if (shared) {
      const [low, high] = shared;
      return {
        from: low === 0 ? prefix : prefix + String.fromCodePoint(low),
        below: high === 0x10ffff ? pastPrefix(prefix) : prefix + String.fromCodePoint(high + 1),
      };
    }
    prefix += exactChar(symbol);
  }
  return { from: prefix, below: pastPrefix(prefix) };
}

export const entryId = (place: bigint, key: number): bigint => (place << keyBits) | BigInt(key);

/** What a household is indexed by: its search text, its two entries' ids and their tokens. */
export interface SearchEntry {
  text: string;
  received: bigint;
  kana: bigint;
  tokens: string;
}

/**
 * One household's search row and index entries under `key`, from its 受付番号, 表示名, members' 氏名
 * and ふりがな (in their order), 受付日 and sort ふりがな. Pure: indexHousehold and the bench's bulk
 * seeding (scripts/bench/seed.ts) write the same entries.
 */
export function searchEntry(
  household: { case_no: string; label: string; received_on: string; sort_kana: string },
  members: readonly { name: string; kana: string }[],
  key: number,
): SearchEntry {
  if (key > maxSearchKey) throw new Error(`the search index holds at most ${maxSearchKey} households`);
  const text = householdSearchText([
    household.case_no,
    household.label,
    ...members.flatMap((m) => [m.name, m.kana]),
  ]);
  return {
    text,
    received: entryId(receivedPlace(household.received_on), key),
    kana: entryId(kanaPlace(household.sort_kana, household.case_no), key),
    tokens: searchTokens(text).join(' '),
  };
}

/**
 * The search row's shape: `indexed` (migration 1000's, which indexes every household through
 * writeSearchEntries) takes the next free key; `current` takes the household's 世帯一覧 row's key
 * (1090), so an entry's low bits find that row, and keeps the 受付番号 and ふりがな the place order is
 * counted with (1091).
 */
type SearchRowShape = 'indexed' | 'current';

async function newSearchKey(
  db: Kysely<Database>,
  householdId: string,
  shape: SearchRowShape,
): Promise<number> {
  if (shape === 'current') {
    const row = await db
      .selectFrom('household_list_rows')
      .select('key')
      .where('household_id', '=', householdId)
      .executeTakeFirst();
    if (row) return row.key;
  }
  const last = await db
    .selectFrom('household_search_terms')
    .select(({ fn }) => fn.max('key').as('last'))
    .executeTakeFirst();
  return (last?.last ?? 0) + 1;
}

/**
 * Writes one household's search row and index entries again (inside the caller's transaction). The
 * key is kept; the old entries go with the old row (trigger household_search_terms_ad).
 */
export async function indexHousehold(db: Kysely<Database>, householdId: string): Promise<void> {
  await writeEntries(db, householdId, 'current');
}

/** As indexHousehold, on migration 1000's schema: only that migration calls it. */
export async function writeSearchEntries(db: Kysely<Database>, householdId: string): Promise<void> {
  await writeEntries(db, householdId, 'indexed');
}

async function writeEntries(db: Kysely<Database>, householdId: string, shape: SearchRowShape): Promise<void> {
  const household = await db
    .selectFrom('households')
    .select(['case_no', 'label', 'received_on', 'sort_kana'])
    .where('id', '=', householdId)
    .executeTakeFirst();
  const existing = await db
    .selectFrom('household_search_terms')
    .select('key')
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  if (existing) await db.deleteFrom('household_search_terms').where('key', '=', existing.key).execute();
  if (!household) return;
  const members = await db
    .selectFrom('members')
    .select(['name', 'kana'])
    .where('household_id', '=', householdId)
    .execute();
  const key = existing?.key ?? (await newSearchKey(db, householdId, shape));
  const { text, received, kana, tokens } = searchEntry(household, members, key);
  await db
    .insertInto('household_search_terms')
    .values({
      key,
      household_id: householdId,
      text,
      received_rowid: received,
      kana_rowid: kana,
      ...(shape === 'current' ? { case_no: household.case_no, sort_kana: household.sort_kana } : {}),
    })
    .execute();
  await sql`INSERT INTO household_search_received (rowid, tokens) VALUES (${received}, ${tokens})`.execute(
    db,
  );
  await sql`INSERT INTO household_search_kana (rowid, tokens) VALUES (${kana}, ${tokens})`.execute(db);
}

/**
 * Merges each search index into one segment (FTS5 'optimize'). Every write transaction leaves a
 * segment and FTS5 merges only four of a level at a time, so an index written in many steps has a
 * dozen or more, and a query reads its tokens' entries from each: at 10,000 households (17 segments)
 * a two-token query (over three characters) read its first 50 matches in 0.11–0.13 ms, 0.04–0.08 ms
 * merged. Run after a job that wrote many households (an import), outside its transaction.
 */
export async function mergeSearchIndex(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of Object.values(searchTables))
      await sql`INSERT INTO ${sql.id(table)} (${sql.id(table)}) VALUES ('optimize')`.execute(trx);
  });
}
