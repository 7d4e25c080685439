import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { defaultAgenda, type MeetingKind } from '../../domain/meeting.js';
import type { OfficeSettings } from '../../ipc/contract.js';
import { saveAgency } from '../agencies.js';
import { addConsent } from '../consent.js';
import { createHousehold, saveMembers } from '../households.js';
import { createMeeting, savePlan } from '../meetings.js';
import { defaultOfficeSettings, saveOfficeSettings } from '../office-settings.js';
import { livingMember } from './members.js';
import { serviceCtx } from './service-context.js';

/** 2026-11-10 (Tue) in Japan: the day the documents are issued. */
export const issueNow = new Date('2026-11-10T01:00:00Z');
/** Thursday after 勤労感謝の日 (Mon 11/23): three 開庁日 before it is Fri 11/20. */
export const heldOn = '2026-11-26';

/** An office whose settings can sign a letter. */
export const finishedOffice: OfficeSettings = {
  ...defaultOfficeSettings,
  municipalityName: '鹿屋市',
  departmentName: '保健福祉部福祉政策課',
  senderTitle: '鹿屋市保健福祉部福祉政策課長',
  phone: '0994-31-1113',
  email: 'jyuusou@city.kanoya.example.jp',
  documentNumberPrefix: '鹿福政',
  noticeStyle: 'numbered',
  replyBusinessDays: 3,
};

/** Four members, as 8050 and ダブルケア households come: 本人, 母, 長男, 長女. */
const members = [
  {
    name: '山田 太郎',
    kana: 'やまだ たろう',
    relationship: '本人',
    birthDate: '1974-05-01',
    isPrincipal: true,
  },
  { name: '山田 ハナ', kana: 'やまだ はな', relationship: '母', birthDate: '1944-02-11', isPrincipal: false },
  {
    name: '山田 翔',
    kana: 'やまだ しょう',
    relationship: '長男',
    birthDate: '2008-09-30',
    isPrincipal: false,
  },
  {
    name: '山﨑 美咲',
    kana: 'やまざき みさき',
    relationship: '長女',
    birthDate: '2011-01-20',
    isPrincipal: false,
  },
] as const;

/** Every piece of the members' real names, none of which a masked document may hold. */
export const realNameParts = ['山田', '太郎', 'ハナ', '翔', '山﨑', '美咲'];

/** The attending agencies: four others, and the office's own 課, which is never sent a notice. */
const agencyRows = [
  { name: '鹿屋市地域包括支援センター', field: '高齢' },
  { name: '肝属地区障がい者基幹相談支援センター', field: '障がい' },
  { name: '鹿屋市子ども家庭課', field: '子ども' },
  { name: '鹿屋市社会福祉協議会', field: '地域' },
  { name: '鹿屋市福祉政策課', field: '行政' },
] as const;
export const ownOfficeAgency = '鹿屋市福祉政策課';

async function household(db: Kysely<Database>, userId: string, caseNo: string, now: Date) {
  const { id } = await createHousehold(serviceCtx(db, userId, now), {
    caseNo,
    receivedOn: '2026-04-10',
    label: '山田',
    referralAgencyId: null,
    issues: ['8050'],
    note: '',
  });
  const saved = await saveMembers(serviceCtx(db, userId, now), {
    householdId: id,
    members: members.map((m) => ({ ...m, sex: 'unknown' as const, ...livingMember })),
  });
  return { id, members: saved };
}

/**
 * A real encrypted store holding one 重層的支援会議 (consent, a plan with a row per member) and one
 * 支援会議 (no consent, no plan) of four-member households, each attended by five agencies.
 */
export async function meetingsForDocuments(db: Kysely<Database>, userId: string, now: Date = issueNow) {
  await saveOfficeSettings(serviceCtx(db, userId, now), finishedOffice);
  const agencies = [];
  for (const a of agencyRows) {
    agencies.push(
      await saveAgency(serviceCtx(db, userId, now), {
        ...a,
        department: '',
        phone: '',
        email: '',
        address: '',
        contactPerson: '',
      }),
    );
  }
  const attendees = agencies.map((a, i) => ({
    agencyId: a.id,
    title: i === 4 ? '主査' : '相談員',
    personName: `担当 ${i + 1}`,
    scopeReason: '',
  }));
  const meeting = (householdId: string, kind: MeetingKind, meetingNo: string) =>
    createMeeting(serviceCtx(db, userId, now), {
      householdId,
      kind,
      meetingNo,
      heldOn,
      startTime: '14:00',
      endTime: '15:30',
      place: '鹿屋市役所 本庁舎3階 第2会議室',
      agenda: defaultAgenda(kind, false),
      handouts: [],
      attendees,
      noticeNumber: '123',
      issuedOn: '2026-11-10',
      replyBy: null,
    });

  const consentedHousehold = await household(db, userId, 'R8-101', now);
  await addConsent(serviceCtx(db, userId, now), {
    householdId: consentedHousehold.id,
    obtainedOn: '2026-10-01',
    method: 'written',
    obtainedBy: '相談 花子',
    allAgencies: true,
    agencyIds: [],
  });
  const consented = await meeting(consentedHousehold.id, 'consented', 'R8-101-1');
  await savePlan(serviceCtx(db, userId, now), {
    meetingId: consented.id,
    status: 'draft',
    rows: [
      ...consentedHousehold.members.map((m, i) => ({
        target: 'member' as const,
        memberId: m.id,
        goal: `目標 ${i + 1}：生活を立て直す。`,
        discussion: `検討内容 ${i + 1}：関係機関から聞き取った状況を共有し、必要な支援を話し合う。`,
        nextActions: '',
        roles: '',
      })),
      {
        target: 'crisis',
        memberId: null,
        goal: '緊急時の連絡方法を決める。',
        discussion: '',
        nextActions: '',
        roles: '',
      },
      {
        target: 'other',
        memberId: null,
        goal: '家計を安定させる。',
        discussion: '',
        nextActions: '',
        roles: '',
      },
    ],
  });

  const unconsentedHousehold = await household(db, userId, 'R8-102', now);
  const unconsented = await meeting(unconsentedHousehold.id, 'unconsented', 'R8-102-1');
  return { consentedId: consented.id, unconsentedId: unconsented.id };
}
