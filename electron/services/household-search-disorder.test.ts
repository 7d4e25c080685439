import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disorderFromScratch } from '../../db/migrations/1091-search-place-order.js';
import type { Database } from '../../db/schema.js';
import { randomHouseholdWrites } from './testing/random-household-writes.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * household_search_disorder (migration 1091) names the places of the search index that do not hold
 * their households by key in the list's order; a search trusts the index's order everywhere else.
 */
const kept = 'SELECT list_order, place, descents FROM household_search_disorder ORDER BY list_order, place';
const scratch = `SELECT * FROM (${disorderFromScratch('kana')} UNION ALL ${disorderFromScratch('received')})
  ORDER BY list_order, place`;

type Vault = Awaited<ReturnType<typeof signedInVault>>;
const now = new Date('2026-11-30T01:00:00Z');

async function rowsOf(db: Kysely<Database>, text: string): Promise<unknown[]> {
  return (await sql.raw(text).execute(db)).rows;
}

/** The disorder test's writes: the kept counts are compared after each (`settled`), until one differs. */
const randomWrites = (vault: Vault, seed: number, settled: () => Promise<boolean>) =>
  randomHouseholdWrites(vault, {
    seed,
    steps: 120,
    kanas: ['やまだ いちろう', 'やまだ いちろうた', 'やまだ いちこ', 'たなか'],
    now,
    after: settled,
  });

describe('検索索引の場所ごとの並び（household_search_disorder）', () => {
  let vault: Vault;
  beforeEach(async () => {
    vault = await signedInVault(() => now);
  });
  afterEach(async () => vault.close());

  it('登録・訂正・ふりがなの変更・削除のたびに、一から数え直したものと同じ', async () => {
    let disordered = 0;
    let checks = 0;
    await randomWrites(vault, 20261130, async () => {
      const rows = await rowsOf(vault.db, kept);
      expect(rows).toEqual(await rowsOf(vault.db, scratch));
      disordered = Math.max(disordered, rows.length);
      checks++;
      return true;
    });
    expect(checks).toBe(120);
    // Places out of order did occur: the comparisons are not of two empty lists.
    expect(disordered).toBeGreaterThan(2);
  }, 120_000);

  it('トリガーを1つでも外すと、どこかで食い違う', async () => {
    for (const name of ['household_search_disorder_ai', 'household_search_disorder_ad']) {
      await vault.close();
      vault = await signedInVault(() => now);
      vault.session.signedIn().store.sqlite.exec(`DROP TRIGGER ${name}`);
      let differed = false;
      await randomWrites(vault, 20261130, async () => {
        differed =
          JSON.stringify(await rowsOf(vault.db, kept)) !== JSON.stringify(await rowsOf(vault.db, scratch));
        return !differed;
      });
      expect(differed, name).toBe(true);
    }
  }, 120_000);
});
