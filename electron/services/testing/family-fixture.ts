import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RelationKind } from '../../domain/family.js';
import { memberInputSchema } from '../../ipc/schemas/households.js';
import { saveAgency } from '../agencies.js';
import { addConsent } from '../consent.js';
import { saveEcoMapTie, saveRelations } from '../family.js';
import { createHousehold, listMembers, saveMembers } from '../households.js';
import { createMeeting } from '../meetings.js';
import { serviceCtx } from './service-context.js';

/**
 * Households for the 家族構成図 tests, built through the services as the screens build them. Names
 * carry 𠮷, 髙 and 﨑; `realNameParts` lists every piece that must not appear in a masked document.
 */

type Person = {
  name: string;
  relationship: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  principal?: boolean;
  apart?: boolean;
  died?: string;
  key?: boolean;
};

/** Three generations, nine people: 本人 A, his wife, three children (the eldest apart), his late father, mother, brother and sister-in-law. */
export const ninePeople: Person[] = [
  { name: '髙橋 𠮷男', relationship: '本人', sex: 'male', birthDate: '1976-05-01', principal: true },
  { name: '髙橋 花子', relationship: '妻', sex: 'female', birthDate: '1978-09-12' },
  { name: '髙橋 翔太', relationship: '長男', sex: 'male', birthDate: '2004-04-20', apart: true },
  { name: '髙橋 美咲', relationship: '長女', sex: 'female', birthDate: '2008-11-03' },
  { name: '髙橋 陽向', relationship: '次子', sex: 'unknown', birthDate: '2012-02-14' },
  {
    name: '髙橋 茂',
    relationship: '父',
    sex: 'male',
    birthDate: '1946-03-03',
    apart: true,
    died: '令和元年',
  },
  { name: '髙橋 ハル', relationship: '母', sex: 'female', birthDate: '1948-07-07', key: true },
  { name: '髙橋 健二', relationship: '弟', sex: 'male', birthDate: '1980-01-15', apart: true },
  { name: '山﨑 由美', relationship: '弟の妻', sex: 'female', birthDate: '1982-06-30', apart: true },
];

export const nineRelations: [string, string, RelationKind, number | null][] = [
  ['F', 'G', 'married', 1974],
  ['F', 'A', 'parentChild', null],
  ['G', 'A', 'parentChild', null],
  ['F', 'H', 'parentChild', null],
  ['G', 'H', 'parentChild', null],
  ['A', 'B', 'married', 2003],
  ['H', 'I', 'separated', 2023],
  ['A', 'C', 'parentChild', null],
  ['B', 'C', 'parentChild', null],
  ['A', 'D', 'parentChild', null],
  ['B', 'D', 'parentChild', null],
  ['A', 'E', 'parentChild', null],
  ['B', 'E', 'parentChild', null],
];

/** A small household: a mother and her son living together, the son's divorced father elsewhere. */
export const fourPeople: Person[] = [
  { name: '𠮷田 光', relationship: '本人', sex: 'male', birthDate: '1975-08-12', principal: true },
  { name: '𠮷田 和子', relationship: '母', sex: 'female', birthDate: '1946-05-01', key: true },
  { name: '山﨑 正', relationship: '父', sex: 'male', birthDate: '1944-02-02', apart: true },
  { name: '𠮷田 恵', relationship: '姉', sex: 'female', birthDate: '1972-10-10', apart: true },
];

export const fourRelations: [string, string, RelationKind, number | null][] = [
  ['C', 'B', 'divorced', 1990],
  ['C', 'A', 'parentChild', null],
  ['B', 'A', 'parentChild', null],
  ['C', 'D', 'parentChild', null],
  ['B', 'D', 'parentChild', null],
];

export const realNameParts = [...new Set([...ninePeople, ...fourPeople].flatMap((p) => p.name.split(' ')))];

export async function familyHousehold(
  db: Kysely<Database>,
  userId: string,
  options: {
    caseNo: string;
    people: Person[];
    relations: [string, string, RelationKind, number | null][];
    consentOn?: string;
    now: Date;
  },
) {
  const ctx = serviceCtx(db, userId, options.now);
  const { id: householdId } = await createHousehold(ctx, {
    caseNo: options.caseNo,
    receivedOn: '2026-04-10',
    label: '髙橋',
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  await saveMembers(ctx, {
    householdId,
    members: options.people.map((p) =>
      memberInputSchema.parse({
        name: p.name,
        kana: '',
        relationship: p.relationship,
        birthDate: p.birthDate ?? '',
        sex: p.sex,
        isPrincipal: p.principal ?? false,
        livesInHousehold: !p.apart,
        deceased: p.died !== undefined,
        death: p.died ?? '',
        isKeyPerson: p.key ?? false,
      }),
    ),
  });
  const idOf = new Map((await listMembers(db, householdId)).map((m) => [m.label, m.id]));
  await saveRelations(ctx, {
    householdId,
    relations: options.relations.map(([a, b, kind, year]) => ({
      kind,
      memberId: idOf.get(a) ?? '',
      otherMemberId: idOf.get(b) ?? '',
      year,
    })),
  });
  if (options.consentOn)
    await addConsent(ctx, {
      householdId,
      obtainedOn: options.consentOn,
      method: 'written',
      obtainedBy: '相談 花子',
      allAgencies: true,
      agencyIds: [],
    });
  const agencies = [];
  for (const [name, field] of [
    ['鹿屋市地域包括支援センター', '高齢'],
    ['肝属地区障がい者基幹相談支援センター', '障がい'],
    ['鹿屋市社会福祉協議会', '地域'],
  ] as const) {
    const known = await db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirst();
    agencies.push(
      known ??
        (await saveAgency(ctx, {
          field,
          name,
          department: '',
          phone: '',
          email: '',
          address: '',
          contactPerson: '',
        })),
    );
  }
  const { id: meetingId } = await createMeeting(ctx, {
    householdId,
    kind: options.consentOn ? 'consented' : 'unconsented',
    meetingNo: `${options.caseNo}-1`,
    heldOn: '2026-11-24',
    startTime: '14:00',
    endTime: '15:30',
    place: '市役所 第2会議室',
    agenda: ['開会', '閉会'],
    handouts: [],
    attendees: agencies.map((a, i) => ({
      agencyId: a.id,
      title: '相談員',
      personName: `担当 ${i + 1}`,
      scopeReason: '',
    })),
    noticeNumber: null,
    issuedOn: '2026-11-16',
    replyBy: '2026-11-20',
  });
  const [first] = agencies;
  if (first)
    await saveEcoMapTie(ctx, {
      householdId,
      agencyId: first.id,
      strength: 'strong',
      direction: 'toHousehold',
    });
  return { householdId, meetingId, agencies };
}
