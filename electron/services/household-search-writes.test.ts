import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../domain/calendar.js';
import { KasaneError } from './errors.js';
import { searchHouseholdIds, searchPage } from './household-search.js';
import { createHousehold, listMembers, saveMembers, updateHousehold } from './households.js';
import { livingMember } from './testing/members.js';
import { seededRandom } from './testing/seeded-random.js';
import { serviceCtx } from './testing/service-context.js';
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
    const g = seededRandom(7_302_026);
    const ctx = () => serviceCtx(vault.db, vault.userId, now);
    const household = () => ({
      caseNo: `${g.pick(['R6-', 'R7-', 'A'])}${g.int(40)}`,
      receivedOn: addDays('2024-04-01', g.int(3)),
      label: g.pick(['山田世帯', '世帯', '田中']) ?? '',
      referralAgencyId: null,
      issues: g.int(2) === 0 ? ['8050'] : [],
      note: '',
    });
    const ids: string[] = [];
    let compared = 0;
    for (let step = 0; step < 90; step++) {
      const kind = ids.length < 4 ? 0 : g.int(5);
      const id = g.pick(ids) ?? '';
      try {
        if (kind <= 1) ids.push((await createHousehold(ctx(), household())).id);
        else if (kind === 2) await updateHousehold(ctx(), { id, household: household() });
        else if (kind === 3) {
          const kana = g.pick(kanas) ?? '';
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
        if (!(err instanceof KasaneError)) throw err;
      }
      if (step % 3 !== 2) continue;
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
    }
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);
});
