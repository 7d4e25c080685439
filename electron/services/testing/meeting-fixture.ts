import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MeetingInput } from '../../ipc/schemas/meetings.js';
import { saveAgency } from '../agencies.js';
import { addConsent } from '../consent.js';
import { createHousehold, saveMembers } from '../households.js';
import { livingMember } from './members.js';
import { serviceCtx } from './service-context.js';

export const meetingNow = new Date('2026-11-22T01:00:00Z');

/** A household with three members (real names with 𠮷/髙/﨑) and three agencies; consent optional. */
export async function householdForMeetings(
  db: Kysely<Database>,
  userId: string,
  options: { consentOn?: string; scope?: 'all' | 'first' } = {},
) {
  const { id: householdId } = await createHousehold(serviceCtx(db, userId, meetingNow), {
    caseNo: 'R8-001',
    receivedOn: '2026-04-10',
    label: '𠮷田',
    referralAgencyId: null,
    issues: ['8050'],
    note: '',
  });
  await saveMembers(serviceCtx(db, userId, meetingNow), {
    householdId: householdId,
    members: [
      {
        name: '𠮷田 花子',
        kana: 'よしだ はなこ',
        relationship: '本人',
        birthDate: '1946-05-01',
        sex: 'female',
        isPrincipal: true,
        ...livingMember,
      },
      {
        name: '𠮷田 髙志',
        kana: 'よしだ たかし',
        relationship: '長男',
        birthDate: '1975-08-12',
        sex: 'male',
        isPrincipal: false,
        ...livingMember,
      },
      {
        name: '山﨑 美咲',
        kana: 'やまざき みさき',
        relationship: '孫',
        birthDate: '2010-01-20',
        sex: 'female',
        isPrincipal: false,
        ...livingMember,
      },
    ],
  });
  const agency = (name: string, field: '高齢' | '障がい' | '地域') =>
    saveAgency(serviceCtx(db, userId, meetingNow), {
      field,
      name,
      department: '',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    });
  const agencies = [
    await agency('第一地域包括支援センター', '高齢'),
    await agency('基幹相談支援センター', '障がい'),
    await agency('市社会福祉協議会', '地域'),
  ];
  if (options.consentOn) {
    await addConsent(serviceCtx(db, userId, meetingNow), {
      householdId,
      obtainedOn: options.consentOn,
      method: 'written',
      obtainedBy: '相談 花子',
      allAgencies: options.scope !== 'first',
      agencyIds: options.scope === 'first' ? [agencies[0]?.id ?? ''] : [],
    });
  }
  const meeting = (over: Partial<MeetingInput> = {}): MeetingInput => ({
    householdId,
    kind: 'consented',
    meetingNo: 'R8-001-1',
    heldOn: '2026-11-24',
    startTime: '14:00',
    endTime: '15:30',
    place: '市役所 第2会議室',
    agenda: ['開会', '閉会'],
    handouts: ['家族構成図'],
    attendees: agencies.map((a, i) => ({
      agencyId: a.id,
      title: '相談員',
      personName: `担当 ${i + 1}`,
      scopeReason: '',
    })),
    noticeNumber: '123',
    issuedOn: '2026-11-16',
    replyBy: '2026-11-20',
    ...over,
  });
  return { householdId, agencies, meeting };
}
