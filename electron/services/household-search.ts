import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldForSearch, householdSearchText, searchTextSeparator } from '../../db/search-fold.js';

/** Rewrites one household's search row (inside the caller's transaction); triggers update the index. */
export async function reindexHousehold(trx: Kysely<Database>, householdId: string): Promise<void> {
  const household = await trx
    .selectFrom('households')
    .select(['case_no', 'label'])
    .where('id', '=', householdId)
    .executeTakeFirst();
  await trx.deleteFrom('household_search_terms').where('household_id', '=', householdId).execute();
  if (!household) return;
  const members = await trx
    .selectFrom('members')
    .select(['name', 'kana'])
    .where('household_id', '=', householdId)
    .execute();
  const text = householdSearchText([
    household.case_no,
    household.label,
    ...members.flatMap((m) => [m.name, m.kana]),
  ]);
  await trx.insertInto('household_search_terms').values({ household_id: householdId, text }).execute();
}

/**
 * Household ids whose 受付番号, 表示名, 氏名 or ふりがな contain the query. Three characters or more
 * go through the FTS5 trigram index as a phrase (a substring match); shorter ones (most surnames are
 * two kanji) scan the one row per household with instr(), fast enough at the budget's 10,000
 * households (see npm run bench). Neither path treats % or _ as wildcards.
 */
export function matchingHouseholdIds(query: string) {
  const key = foldForSearch(query).replaceAll(searchTextSeparator, '');
  if ([...key].length >= 3) {
    const phrase = `"${key.replaceAll('"', '""')}"`;
    return sql<string>`(SELECT household_id FROM household_search_terms WHERE rowid IN
      (SELECT rowid FROM household_search WHERE household_search MATCH ${phrase}))`;
  }
  return sql<string>`(SELECT household_id FROM household_search_terms WHERE instr(text, ${key}) > 0)`;
}
