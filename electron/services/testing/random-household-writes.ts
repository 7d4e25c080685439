import { addDays } from '../../domain/calendar.js';
import { KasaneError } from '../errors.js';
import { createHousehold, listMembers, saveMembers, updateHousehold } from '../households.js';
import { livingMember } from './members.js';
import { seededRandom } from './seeded-random.js';
import { serviceCtx } from './service-context.js';
import type { signedInVault } from './signed-in-vault.js';

type Vault = Awaited<ReturnType<typeof signedInVault>>;

/**
 * Households entered, renumbered, moved to another of three 受付日, given another ふりがな (of
 * `kanas`) and deleted at random through the services, so the search index's places fill with
 * households in and out of the list's order. A 受付番号 already taken is refused and changes nothing.
 * `after` runs after each step; the run stops when it returns false.
 */
export async function randomHouseholdWrites(
  vault: Vault,
  input: {
    seed: number;
    steps: number;
    kanas: readonly string[];
    now: Date;
    after: (step: number) => Promise<boolean>;
  },
): Promise<void> {
  const g = seededRandom(input.seed);
  const ctx = () => serviceCtx(vault.db, vault.userId, input.now);
  const household = () => ({
    caseNo: `${g.pick(['R6-', 'R7-', 'A'])}${g.int(50)}`,
    receivedOn: addDays('2024-04-01', g.int(3)),
    label: g.pick(['山田世帯', '世帯', '田中']) ?? '',
    referralAgencyId: null,
    issues: g.int(2) === 0 ? ['8050'] : [],
    note: '',
  });
  const ids: string[] = [];
  for (let step = 0; step < input.steps; step++) {
    const kind = ids.length < 4 ? 0 : g.int(5);
    const id = g.pick(ids) ?? '';
    try {
      if (kind <= 1) ids.push((await createHousehold(ctx(), household())).id);
      else if (kind === 2) await updateHousehold(ctx(), { id, household: household() });
      else if (kind === 3) {
        const kana = g.pick(input.kanas) ?? '';
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
    if (!(await input.after(step))) return;
  }
}
