import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disorderFromScratch } from '../../db/migrations/1091-search-place-order.js';
import type { Database } from '../../db/schema.js';
import { addDays } from '../domain/calendar.js';
import { KasaneError } from './errors.js';
import { createHousehold, listMembers, saveMembers, updateHousehold } from './households.js';
import { livingMember } from './testing/members.js';
import { seededRandom } from './testing/seeded-random.js';
import { serviceCtx } from './testing/service-context.js';
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

/**
 * Households entered, renumbered, moved to another day, renamed and deleted at random, on three days
 * and with a few ふりがな, so places fill with households in and out of order. `settled` is asked after
 * each write; the run stops at the first false.
 */
async function randomWrites(vault: Vault, seed: number, settled: () => Promise<boolean>): Promise<void> {
  const g = seededRandom(seed);
  const ctx = () => serviceCtx(vault.db, vault.userId, now);
  const caseNo = () => `${g.pick(['R6-', 'R7-', 'A'])}${g.int(60)}`;
  const day = () => addDays('2024-04-01', g.int(3));
  const ids: string[] = [];
  const household = () => ({
    caseNo: caseNo(),
    receivedOn: day(),
    label: '世帯',
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  for (let step = 0; step < 120; step++) {
    const kind = ids.length < 4 ? 0 : g.int(5);
    const id = g.pick(ids) ?? '';
    try {
      if (kind <= 1) ids.push((await createHousehold(ctx(), household())).id);
      else if (kind === 2) await updateHousehold(ctx(), { id, household: household() });
      else if (kind === 3) {
        const kana = g.pick(['やまだ いちろう', 'やまだ いちろうた', 'やまだ いちこ', 'たなか']) ?? '';
        const members = await listMembers(vault.db, id);
        await saveMembers(ctx(), {
          householdId: id,
          members:
            members.length === 0
              ? [
                  {
                    name: '山田 一郎',
                    kana,
                    relationship: '本人',
                    birthDate: null,
                    sex: 'male' as const,
                    isPrincipal: true,
                    ...livingMember,
                  },
                ]
              : members.map((m) => ({ ...m, kana, death: { date: null, year: null } })),
          reason: 'ふりがなの訂正',
        });
      } else {
        vault.session.signedIn().store.sqlite.prepare('DELETE FROM households WHERE id = ?').run(id);
        ids.splice(ids.indexOf(id), 1);
      }
    } catch (err) {
      // A 受付番号 already taken is refused and changes nothing; anything else is a failure.
      if (!(err instanceof KasaneError)) throw err;
    }
    if (!(await settled())) return;
  }
}

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
