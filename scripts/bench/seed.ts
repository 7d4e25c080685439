import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defaultAgenda } from '../../electron/domain/meeting.js';
import { insertConsent } from '../../electron/services/consent.js';
import { insertHousehold, replaceMembers } from '../../electron/services/households.js';
import { insertMeeting } from '../../electron/services/meetings.js';
import { livingMember } from '../../electron/services/testing/members.js';

const surnames = [
  '山田',
  '𠮷田',
  '髙橋',
  '山﨑',
  '佐藤',
  '鈴木',
  '田中',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
];
const surnameKana = [
  'やまだ',
  'よしだ',
  'たかはし',
  'やまざき',
  'さとう',
  'すずき',
  'たなか',
  'いとう',
  'わたなべ',
  'なかむら',
  'こばやし',
  'かとう',
];
const given = ['太郎', '花子', '一郎', '美咲', '健', '由美', '翔', '和子'];
const givenKana = ['たろう', 'はなこ', 'いちろう', 'みさき', 'けん', 'ゆみ', 'しょう', 'かずこ'];
const issues = ['8050', 'ダブルケア', '社会的孤立・ひきこもり', 'ヤングケアラー', '生活困窮'];

/**
 * The budget's data set: households with four members each, consent on half, notes spread over them.
 * `from` continues an earlier seeding (the growth runs add households to the same file); 受付日 fall
 * in 2019–2024, never after today.
 */
export async function seedBenchData(
  db: Kysely<Database>,
  counts: { households: number; notesPerHousehold: number; from?: number },
): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  const from = counts.from ?? 0;
  await db.transaction().execute(async (trx) => {
    for (let i = from; i < from + counts.households; i++) {
      const s = i % surnames.length;
      const receivedOn = `${2019 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
      const id = await insertHousehold(
        trx,
        null,
        {
          caseNo: `B-${String(i).padStart(6, '0')}`,
          receivedOn,
          label: `${surnames[s]}${i}`,
          referralAgencyId: null,
          issues: [issues[i % issues.length] ?? '8050'],
          note: '',
        },
        now,
      );
      await replaceMembers(
        trx,
        id,
        Array.from({ length: 4 }, (_, m) => ({
          name: `${surnames[s]} ${given[(i + m) % given.length]}${i}`,
          kana: `${surnameKana[s]} ${givenKana[(i + m) % givenKana.length]}`,
          relationship: m === 0 ? '本人' : '家族',
          birthDate: `${1940 + ((i + m * 17) % 70)}-01-15`,
          sex: m % 2 === 0 ? ('male' as const) : ('female' as const),
          isPrincipal: m === 0,
          ...livingMember,
        })),
        { userId: null, now },
      );
      if (i % 2 === 0)
        await insertConsent(
          trx,
          {
            householdId: id,
            obtainedOn: receivedOn,
            method: 'written',
            obtainedBy: 'bench',
            allAgencies: true,
            agencyIds: [],
          },
          now,
        );
      if (counts.notesPerHousehold > 0)
        await trx
          .insertInto('progress_notes')
          .values(
            Array.from({ length: counts.notesPerHousehold }, (_, n) => ({
              id: randomUUID(),
              household_id: id,
              noted_on: receivedOn,
              agency_id: null,
              staff: 'bench',
              content: `経過記録 ${n}`,
              next_plan: '',
              revision: 1,
              created_at: now.toISOString(),
              updated_at: now.toISOString(),
            })),
          )
          .execute();
      ids.push(id);
    }
  });
  return ids;
}

/**
 * Meetings for the budget: `count` 重層的支援会議 with three agencies and a plan each, plus (unless
 * `large` is false) one with 14 agencies, the one the 様式 are rendered for.
 */
export async function seedBenchMeetings(
  db: Kysely<Database>,
  householdIds: string[],
  count: number,
  large = true,
): Promise<{ largeMeetingId: string }> {
  const now = new Date();
  const labels = { consented: '重層的支援会議', unconsented: '支援会議' };
  const agencies = (await db.selectFrom('agencies').select('id').orderBy('name').execute()).map((a) => a.id);
  let largeMeetingId = '';
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < (large ? count + 1 : count); i++) {
      // As in a working office, a past meeting has its plan 確定 and its 様式4 issued; one in fifty is
      // still open, so the desk's 会議の後の作業 holds about a hundred meetings, not all of them.
      const open = i % 50 === 1;
      const householdId = householdIds[(i * 2) % householdIds.length] ?? '';
      const household = await trx
        .selectFrom('households')
        .select(['received_on', 'case_no'])
        .where('id', '=', householdId)
        .executeTakeFirstOrThrow();
      const isLarge = i === count;
      const attendees = (isLarge ? agencies.slice(0, 14) : agencies.slice(i % 10, (i % 10) + 3)).map(
        (agencyId, n) => ({
          agencyId,
          title: '相談員',
          personName: `担当者${n + 1}`,
          scopeReason: '',
        }),
      );
      const id = await insertMeeting(
        trx,
        null,
        {
          householdId,
          kind: 'consented',
          meetingNo: `${household.case_no}-M${i}`,
          heldOn: household.received_on,
          startTime: '14:00',
          endTime: '15:30',
          place: '会議室',
          agenda: defaultAgenda('consented', true),
          handouts: [],
          attendees,
          noticeNumber: null,
          issuedOn: household.received_on,
          replyBy: null,
        },
        labels,
        now,
        open ? 'draft' : 'final',
      );
      if (!open)
        await trx
          .insertInto('document_issues')
          .values({
            id: randomUUID(),
            meeting_id: id,
            household_id: householdId,
            document: 'form4',
            copies: 1,
            purpose: 'meeting',
            purpose_note: '',
            names: 'real',
            names_reason: null,
            action: 'save',
            user_id: userId,
            created_at: `${household.received_on}T06:00:00.000Z`,
          })
          .execute();
      const members = await trx
        .selectFrom('members')
        .select(['id', 'label'])
        .where('household_id', '=', householdId)
        .orderBy('position')
        .execute();
      const targets = [
        ...members.map((m) => ({ target: 'member' as const, member_id: m.id, member_label: m.label })),
        { target: 'crisis' as const, member_id: null, member_label: null },
        { target: 'other' as const, member_id: null, member_label: null },
      ];
      await trx
        .insertInto('plan_rows')
        .values(
          targets.map((t, position) => ({
            id: randomUUID(),
            meeting_id: id,
            position,
            ...t,
            goal: '安定した生活を送る',
            discussion: '見守り体制を確認した',
            next_actions: '週1回の訪問',
            roles: '地域包括支援センター',
          })),
        )
        .execute();
      if (isLarge) largeMeetingId = id;
    }
  });
  return { largeMeetingId };
}
