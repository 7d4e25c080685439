import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MemberInput } from '../../ipc/schemas/households.js';
import type { ImportCounts } from '../../ipc/schemas/imports.js';
import { findOrAddAgency } from '../agencies.js';
import { insertConsent } from '../consent.js';
import { insertHousehold, replaceMembers } from '../households.js';
import type { HouseholdRow } from './households-sheet.js';

/** The ledger names agencies by text only; ones not in the list yet join it under その他. */
const newAgencyField = 'その他';
/** The ledger has no 方法 / 取得者 columns: migrated consents are recorded as written, by this name. */
const migratedConsent = { method: 'written', obtainedBy: '（移行データ）' } as const;

/** Writes validated rows with the same service functions the screens use, inside `trx`. */
export async function writeRows(
  trx: Kysely<Database>,
  userId: string | null,
  households: readonly HouseholdRow[],
  members: ReadonlyMap<string, readonly MemberInput[]>,
  now: Date,
): Promise<ImportCounts> {
  const counts: ImportCounts = { households: 0, members: 0, consents: 0, agenciesAdded: 0 };
  const agencyIds = new Map<string, string>();
  const agencyId = async (name: string) => {
    let id = agencyIds.get(name);
    if (id === undefined) {
      const found = await findOrAddAgency(trx, name, newAgencyField, now);
      if (found.added) counts.agenciesAdded += 1;
      id = found.id;
      agencyIds.set(name, id);
    }
    return id;
  };

  for (const row of households) {
    const householdId = await insertHousehold(
      trx,
      userId,
      {
        caseNo: row.caseNo,
        receivedOn: row.receivedOn,
        label: row.label,
        referralAgencyId: row.referralAgencyName ? await agencyId(row.referralAgencyName) : null,
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
      await replaceMembers(trx, householdId, people);
      counts.members += people.length;
    }
    if (row.consent) {
      const agencyIdsInScope: string[] = [];
      for (const name of row.consent.agencyNames) agencyIdsInScope.push(await agencyId(name));
      await insertConsent(
        trx,
        {
          householdId,
          obtainedOn: row.consent.obtainedOn,
          ...migratedConsent,
          allAgencies: agencyIdsInScope.length === 0,
          agencyIds: agencyIdsInScope,
        },
        now,
      );
      counts.consents += 1;
    }
  }
  return counts;
}
