import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { defaultAgenda } from '../../domain/meeting.js';
import { officeDate } from '../../domain/office-day.js';
import type { MeetingInput } from '../../ipc/schemas/meetings.js';
import { KasaneError } from '../errors.js';
import { listMembers } from '../households.js';
import { insertMeeting } from '../meetings.js';
import { getOfficeSettings } from '../office-settings.js';
import type { AgencyResolver } from './agency-resolver.js';
import type { AttendeeRow } from './attendees-sheet.js';
import type { MeetingRow } from './meetings-sheet.js';
import type { PlanRowDraft } from './plan-sheet.js';
import type { SheetErrors } from './table.js';

export interface MeetingsToWrite {
  meetings: readonly MeetingRow[];
  attendees: ReadonlyMap<string, readonly AttendeeRow[]>;
  plan: ReadonlyMap<string, readonly PlanRowDraft[]>;
}

export interface MeetingCounts {
  meetings: number;
  attendees: number;
  planRows: number;
}

/** Where the legal checks' refusals land: the 会議 row's 種別 (rule 2), the 出席者 row's 機関名 (rule 3). */
export interface MeetingErrors {
  meetings: SheetErrors;
  attendees: SheetErrors;
}

const outOfScope = (name: string) =>
  `「${name}」は、この世帯の本人同意の範囲（同意範囲）に含まれていません。範囲外の機関が重層的支援会議に出席するには理由の記録が必要ですが、取り込みでは記録できません。この行を除いて取り込み、会議の画面で理由を添えて追加してください`;

async function householdIds(trx: Kysely<Database>, caseNos: string[]): Promise<Map<string, string>> {
  if (caseNos.length === 0) return new Map();
  const rows = await trx
    .selectFrom('households')
    .select(['id', 'case_no'])
    .where('case_no', 'in', caseNos)
    .execute();
  return new Map(rows.map((r) => [r.case_no, r.id]));
}

/** A refusal from insertMeeting, put on the row and column the office has to change. */
function reportRefusal(
  err: KasaneError,
  meeting: MeetingRow,
  attendees: readonly AttendeeRow[],
  agencyIds: readonly string[],
  errors: MeetingErrors,
): void {
  if (err.code === 'CONSENT_REQUIRED') errors.meetings.add(meeting.rowNumber, '種別', err.message);
  else if (err.code === 'DUPLICATE_MEETING_NO')
    errors.meetings.add(meeting.rowNumber, '会議番号', err.message);
  else if (err.code === 'VALIDATION' && err.details?.field === 'status')
    errors.meetings.add(meeting.rowNumber, '支援プラン作成', err.message);
  else if (err.code === 'OUT_OF_SCOPE') {
    const outside = new Set((err.details?.agencyIds as string[] | undefined) ?? []);
    for (const [i, attendee] of attendees.entries()) {
      if (outside.has(agencyIds[i] ?? ''))
        errors.attendees.add(attendee.rowNumber, '機関名', outOfScope(attendee.agencyName));
    }
  } else throw err;
}

async function insertPlanRows(
  trx: Kysely<Database>,
  meetingId: string,
  householdId: string,
  rows: readonly PlanRowDraft[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const members = await listMembers(trx, householdId);
  let position = 0;
  for (const row of rows) {
    const member = row.target === 'member' ? members.find((m) => m.label === row.label) : undefined;
    // A 記号 named in a 世帯員 row that failed: that row carries the error, and nothing is written.
    if (row.target === 'member' && !member) continue;
    await trx
      .insertInto('plan_rows')
      .values({
        id: randomUUID(),
        meeting_id: meetingId,
        position,
        target: row.target,
        member_id: member?.id ?? null,
        member_label: member?.label ?? null,
        goal: row.goal,
        discussion: row.discussion,
        next_actions: row.nextActions,
        roles: row.roles,
      })
      .execute();
    position += 1;
  }
  return position;
}

/**
 * Writes each meeting with its attendees through insertMeeting, so rules 2 and 3 are the
 * service's own checks; a refusal becomes an error on its row and the import carries on
 * collecting. Plan rows are stored as the plan screen stores them.
 */
export async function writeMeetings(
  trx: Kysely<Database>,
  userId: string | null,
  rows: MeetingsToWrite,
  agencies: AgencyResolver,
  errors: MeetingErrors,
  now: Date,
  /** Told after each meeting row (done, total): the app's progress bar, and where 「中止」 stops. */
  written: (done: number, total: number) => void = () => {},
): Promise<MeetingCounts> {
  const counts: MeetingCounts = { meetings: 0, attendees: 0, planRows: 0 };
  if (rows.meetings.length === 0) return counts;
  const labels = (await getOfficeSettings(trx)).meetingLabels;
  const households = await householdIds(trx, [...new Set(rows.meetings.map((m) => m.caseNo))]);
  for (const [index, meeting] of rows.meetings.entries()) {
    written(index, rows.meetings.length);
    // Missing only when its 世帯 row failed: that row carries the error.
    const householdId = households.get(meeting.caseNo);
    if (!householdId) continue;
    const attendees = rows.attendees.get(meeting.meetingNo) ?? [];
    const agencyIds: string[] = [];
    for (const attendee of attendees) agencyIds.push(await agencies.idOf(attendee.agencyName));
    const input: MeetingInput = {
      householdId,
      kind: meeting.kind,
      meetingNo: meeting.meetingNo,
      heldOn: meeting.heldOn,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      agenda: defaultAgenda(meeting.kind, false),
      handouts: [],
      attendees: attendees.map((a, i) => ({
        agencyId: agencyIds[i] ?? '',
        title: a.title,
        personName: a.personName,
        // The ledger has no reason column, and a reason is never invented (rule 3).
        scopeReason: '',
      })),
      noticeNumber: null,
      issuedOn: meeting.heldOn,
      replyBy: null,
    };
    let meetingId: string;
    try {
      // A meeting already held is a past record (移行データ): it raises no 「未作成」 flags (rule 21).
      const pastRecord = meeting.heldOn <= officeDate(now);
      meetingId = await insertMeeting(trx, userId, input, labels, now, meeting.planStatus, pastRecord);
    } catch (err) {
      if (!(err instanceof KasaneError)) throw err;
      reportRefusal(err, meeting, attendees, agencyIds, errors);
      continue;
    }
    counts.meetings += 1;
    counts.attendees += attendees.length;
    counts.planRows += await insertPlanRows(
      trx,
      meetingId,
      householdId,
      rows.plan.get(meeting.meetingNo) ?? [],
    );
  }
  return counts;
}
