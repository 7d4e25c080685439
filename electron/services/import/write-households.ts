import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ImportCounts } from '../../ipc/schemas/imports.js';
import { insertConsent } from '../consent.js';
import { replaceRelations } from '../family.js';
import { insertHousehold, listMembers, replaceMembers } from '../households.js';
import type { AgencyResolver } from './agency-resolver.js';
import type { HouseholdRow } from './households-sheet.js';
import type { LabelledMember } from './members-sheet.js';
import type { RelationRow } from './relations-sheet.js';

/** The ledger has no 取得者 column: migrated consents are recorded by this name. */
const migratedBy = '（移行データ）';

export type HouseholdCounts = Pick<ImportCounts, 'households' | 'members' | 'relations' | 'consents'>;

/** Writes validated 世帯 and 世帯員 rows with the same service functions the screens use, inside `trx`. */
export async function writeHouseholds(
  trx: Kysely<Database>,
  userId: string | null,
  households: readonly HouseholdRow[],
  members: ReadonlyMap<string, readonly LabelledMember[]>,
  relations: ReadonlyMap<string, readonly RelationRow[]>,
  agencies: AgencyResolver,
  now: Date,
  /** Told before each household (done, total) and at the end: progress, and where 「中止」 stops. */
  written: (done: number, total: number) => void = () => {},
): Promise<HouseholdCounts> {
  const counts: HouseholdCounts = { households: 0, members: 0, relations: 0, consents: 0 };

  for (const [index, row] of households.entries()) {
    written(index, households.length);
    const householdId = await insertHousehold(
      trx,
      userId,
      {
        caseNo: row.caseNo,
        receivedOn: row.receivedOn,
        label: row.label,
        referralAgencyId: row.referralAgencyName ? await agencies.idOf(row.referralAgencyName) : null,
        issues: row.issues,
        note: row.note,
        status: row.status,
        closedOn: row.closedOn,
        closeReason: row.closeReason,
      },
      now,
    );
    counts.households += 1;
    const people = members.get(row.caseNo) ?? [];
    if (people.length > 0) {
      await replaceMembers(trx, householdId, people, { userId, now });
      counts.members += people.length;
    }
    const lines = relations.get(row.caseNo) ?? [];
    if (lines.length > 0) {
      const idOf = new Map((await listMembers(trx, householdId)).map((m) => [m.label, m.id]));
      await replaceRelations(
        trx,
        householdId,
        lines.map((r) => ({
          kind: r.kind,
          memberId: idOf.get(r.label) ?? '',
          otherMemberId: idOf.get(r.otherLabel) ?? '',
          year: r.year,
        })),
      );
      counts.relations += lines.length;
    }
    if (row.consent) {
      const agencyIdsInScope: string[] = [];
      for (const name of row.consent.agencyNames) agencyIdsInScope.push(await agencies.idOf(name));
      await insertConsent(
        trx,
        {
          householdId,
          obtainedOn: row.consent.obtainedOn,
          method: row.consent.method,
          obtainedBy: migratedBy,
          allAgencies: agencyIdsInScope.length === 0,
          agencyIds: agencyIdsInScope,
        },
        now,
      );
      counts.consents += 1;
    }
  }
  written(households.length, households.length);
  return counts;
}
