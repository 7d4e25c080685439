import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** What is already in the database that the sheets' rules check against (read in the import's transaction). */
export interface KnownInDatabase {
  /** The office's today: nothing imported may be dated after it (rules 15, 17, 18). */
  today: string;
  /** 課題 names in use (not retired). */
  issues: ReadonlySet<string>;
  caseNos: ReadonlySet<string>;
  /** Registered 受付番号 by their normalised key (rule 18). */
  caseNoKeys: ReadonlyMap<string, string>;
  meetingNos: ReadonlySet<string>;
  /** Member 記号 by 受付番号, for プラン rows of households already registered. */
  memberLabels: ReadonlyMap<string, ReadonlySet<string>>;
  /** 機関名 findOrAddAgency finds rather than adds. */
  agencyNames: ReadonlySet<string>;
}

export async function knownInDatabase(trx: Kysely<Database>, today: string): Promise<KnownInDatabase> {
  const [issues, caseNos, meetingNos, members, agencies] = await Promise.all([
    trx.selectFrom('issue_tags').select('name').where('retired_at', 'is', null).execute(),
    trx.selectFrom('households').select(['case_no', 'case_no_key']).execute(),
    trx.selectFrom('meetings').select('meeting_no').execute(),
    trx
      .selectFrom('members as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['h.case_no', 'm.label'])
      .execute(),
    trx.selectFrom('agencies').select('name').execute(),
  ]);
  const memberLabels = new Map<string, Set<string>>();
  for (const { case_no, label } of members) {
    const labels = memberLabels.get(case_no) ?? new Set<string>();
    labels.add(label);
    memberLabels.set(case_no, labels);
  }
  return {
    today,
    issues: new Set(issues.map((i) => i.name)),
    caseNos: new Set(caseNos.map((c) => c.case_no)),
    caseNoKeys: new Map(caseNos.map((c) => [c.case_no_key, c.case_no])),
    meetingNos: new Set(meetingNos.map((m) => m.meeting_no)),
    memberLabels,
    agencyNames: new Set(agencies.map((a) => a.name)),
  };
}
