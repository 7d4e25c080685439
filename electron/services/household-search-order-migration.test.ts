import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { caseNoKey } from '../../db/case-number-key.js';
import { disorderFromScratch } from '../../db/migrations/1091-search-place-order.js';
import type { Database } from '../../db/schema.js';
import { writeSearchEntries } from '../../db/search-index.js';
import { searchHouseholdIds, searchPage } from './household-search.js';
import { insertHousehold } from './households.js';
import { olderStores } from './testing/older-store.js';

/**
 * A store searched before 1090/1091 (its search rows keyed by their own counter, its 世帯一覧 rows
 * by theirs) is searched after them exactly as every match sorted: the search rows take the list
 * rows' keys, and the places entered out of the list's order are counted from the backfill.
 */
const storeAt = olderStores();

async function rowsOf(db: Kysely<Database>, text: string): Promise<unknown[]> {
  return (await sql.raw(text).execute(db)).rows;
}

async function pagesAgree(db: Kysely<Database>): Promise<number> {
  let compared = 0;
  for (const query of ['山田', '世帯', 'R6', 'やまだ', 'R6-1'])
    for (const sort of ['receivedOn', 'kana'] as const)
      for (const direction of ['ascending', 'descending'] as const) {
        const all = await searchHouseholdIds(db, { query, sort, direction, limit: null });
        for (const limit of [1, 3, 7, 50]) {
          const page = await searchPage(db, { query, sort, direction, limit, tiedCap: 2 });
          expect(
            page.map((r) => r.id),
            `「${query}」${sort} ${direction} ${limit}`,
          ).toEqual(all.slice(0, limit));
          compared += page.length;
        }
      }
  return compared;
}

describe('移行（1090・1091）の前に検索された金庫', () => {
  it('移行後の検索の1ページは、全件を並べた先頭と同じ（新しい世帯を足しても）', async () => {
    const { old, upgrade } = await storeAt(1081);
    const now = new Date('2026-11-30T01:00:00Z').toISOString();
    const db = old.db as Kysely<Database>;
    // 受付番号 entered last first on two days, and ふりがな against the order they were entered in.
    const entered: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = randomUUID();
      const caseNo = `R6-${String(30 - i * 2).padStart(2, '0')}`;
      await sql`INSERT INTO households (id, case_no, case_no_key, received_on, label, referral_agency_id, status,
          closed_on, close_reason, note, sort_kana, created_at, updated_at)
        VALUES (${id}, ${caseNo}, ${caseNoKey(caseNo)}, ${i % 2 === 0 ? '2024-05-01' : '2024-05-02'},
          ${i % 3 === 0 ? '山田世帯' : '世帯'}, NULL, 'received', NULL, NULL, '',
          ${`やまだ ${['たろう', 'はなこ', 'いちろう'][i % 3]}`}, ${now}, ${now})`.execute(db);
      entered.push(id);
    }
    // Search rows under keys of their own, not the list rows': entered from the last household.
    for (const id of entered.toReversed()) await writeSearchEntries(db, id);
    await old.close();

    const store = await upgrade();
    try {
      const keys = await rowsOf(
        store.db,
        `SELECT count(*) AS n FROM household_search_terms t JOIN household_list_rows r
          ON r.household_id = t.household_id WHERE r.key <> t.key`,
      );
      expect(keys).toEqual([{ n: 0 }]);
      const kept = await rowsOf(
        store.db,
        'SELECT list_order, place, descents FROM household_search_disorder ORDER BY list_order, place',
      );
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(
        await rowsOf(
          store.db,
          `SELECT * FROM (${disorderFromScratch('kana')} UNION ALL ${disorderFromScratch('received')})
            ORDER BY list_order, place`,
        ),
      );
      expect(await pagesAgree(store.db)).toBeGreaterThan(100);
      await store.db.transaction().execute(async (trx) => {
        for (const caseNo of ['R6-01', 'R6-99', 'R6-15'])
          await insertHousehold(
            trx,
            null,
            {
              caseNo,
              receivedOn: '2024-05-01',
              label: '山田世帯',
              referralAgencyId: null,
              issues: [],
              note: '',
            },
            new Date(now),
          );
      });
      expect(await pagesAgree(store.db)).toBeGreaterThan(100);
    } finally {
      await store.close();
    }
  }, 120_000);
});
