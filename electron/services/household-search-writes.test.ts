import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchHouseholdIds, searchPage } from './household-search.js';
import { randomHouseholdWrites } from './testing/random-household-writes.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * A page of 世帯一覧's search (searchPage: the one statement where the index's order is the list's)
 * after every kind of write, against every match sorted by the households' own columns: both orders,
 * both directions, pages that end before, on and after the last match, with and without filters.
 */
type Vault = Awaited<ReturnType<typeof signedInVault>>;
const now = new Date('2026-11-30T01:00:00Z');
const kanas = ['やまだ いちろう', 'やまだ いちろうた', 'やまだ いちこ', 'たなか', 'やまだ'];
const queries = ['やま', 'やまだいち', '山', 'R6', 'A1', '世帯'];

describe('書き込みのたびに、検索の1ページは全件を並べた先頭と同じ', () => {
  let vault: Vault;
  beforeEach(async () => {
    vault = await signedInVault(() => now);
  });
  afterEach(async () => vault.close());

  it('登録・受付番号と受付日の訂正・ふりがなの変更・削除のあと、どの順・向き・件数でも', async () => {
    let compared = 0;
    await randomHouseholdWrites(vault, {
      seed: 7_302_026,
      steps: 90,
      kanas,
      now,
      after: async (step) => {
        if (step % 3 !== 2) return true;
        for (const query of queries)
          for (const sort of ['receivedOn', 'kana'] as const)
            for (const direction of ['ascending', 'descending'] as const)
              for (const filters of [
                {},
                { issue: '8050' },
                { receivedFrom: '2024-04-02', receivedTo: '2024-04-02' },
              ]) {
                const all = await searchHouseholdIds(vault.db, {
                  query,
                  sort,
                  direction,
                  limit: null,
                  filters,
                });
                for (const limit of new Set([1, 2, all.length - 1, all.length, all.length + 1, 50]))
                  if (limit > 0) {
                    const page = await searchPage(vault.db, {
                      query,
                      sort,
                      direction,
                      limit,
                      filters,
                      tiedCap: 2,
                    });
                    expect(
                      page.map((r) => r.id),
                      `step ${step}「${query}」${sort} ${direction} ${JSON.stringify(filters)} limit ${limit}`,
                    ).toEqual(all.slice(0, limit));
                    compared++;
                  }
              }
        return true;
      },
    });
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);
});
