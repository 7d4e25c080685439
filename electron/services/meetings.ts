import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { agencyInScope, consentOn, consentState } from '../domain/consent.js';
import { formatWareki } from '../domain/dates.js';
import { defaultAgenda, type MeetingKind } from '../domain/meeting.js';
import { meetingDateProblems } from '../domain/meeting-dates.js';
import { officeDate } from '../domain/office-day.js';
import { planRowHeading } from '../domain/plan.js';
import type { OfficeSettings, ParsedInput } from '../ipc/contract.js';
import type { MeetingDetail, MeetingInput, MeetingSummary } from '../ipc/schemas/meetings.js';
import { assertAgenciesRegistered } from './agencies.js';
import { appendAuditEvent } from './audit.js';
import { listConsents } from './consent.js';
import type { Context } from './context.js';
import { requireReason } from './corrections.js';
import { KasaneError } from './errors.js';
import { listMembers } from './households.js';
import { meetingDateWarning } from './meeting-date.js';
import { consentedMeetingRefusal } from './meeting-rules.js';
import { defaultReportSections } from './meeting-texts.js';
import { planSeed } from './monitoring.js';

type Labels = OfficeSettings['meetingLabels'];

/**
 * The 会次第 as stored: null while it is the default for the meeting's kind (with or without a plan),
 * so the printed agenda follows the kind; the coordinator's own list otherwise.
 */
function storedAgenda(kind: MeetingKind, agenda: string[]): string | null {
  const isDefault = [true, false].some((hasPlan) => sameTexts(defaultAgenda(kind, hasPlan), agenda));
  return isDefault ? null : JSON.stringify(agenda);
}

function sameTexts(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const textList = z.array(z.string());
const sectionList = z.array(z.object({ title: z.string(), body: z.string() }));

/** 「A氏世帯」, from the household's 本人 (or its first member). */
export function householdTitleOf(members: { label: string; isPrincipal: boolean }[]): string {
  const principal = members.find((m) => m.isPrincipal) ?? members[0];
  return principal ? `${principal.label}氏世帯` : '世帯';
}

/**
 * A meeting's 会次第 and 報告事項 as they print: the coordinator's own when edited, otherwise the
 * defaults for its kind, its plan and whether a 家族構成図 is issued (`genogramInPacket`: issued now).
 */
export async function meetingTexts(
  db: Kysely<Database>,
  meetingId: string,
  labels: Labels,
  genogramInPacket = false,
) {
  const meeting = await db
    .selectFrom('meetings')
    .select(['kind', 'household_id', 'held_on', 'agenda_json', 'report_sections_json'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new KasaneError('NOT_FOUND');
  const [members, planRows, genogram] = await Promise.all([
    listMembers(db, meeting.household_id),
    savedOrSeededPlanRows(db, { id: meetingId, householdId: meeting.household_id, heldOn: meeting.held_on }),
    db
      .selectFrom('document_issues')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('document', '=', 'genogram')
      .executeTakeFirst(),
  ]);
  const hasPlan =
    meeting.kind === 'consented' || planRows.some((r) => r.goal || r.discussion || r.next_actions || r.roles);
  const householdTitle = householdTitleOf(members);
  const defaults = defaultReportSections({
    kind: meeting.kind,
    label: labels[meeting.kind],
    householdTitle,
    genogram: genogramInPacket || genogram !== undefined,
  });
  return {
    kind: meeting.kind,
    hasPlan,
    /** A 家族構成図 is issued for this meeting (now or before): 様式2 lists it among the 配布資料. */
    genogramIssued: genogramInPacket || genogram !== undefined,
    householdTitle,
    members,
    planRows,
    agenda:
      textList.nullable().parse(JSON.parse(meeting.agenda_json)) ?? defaultAgenda(meeting.kind, hasPlan),
    reportSections: sectionList.nullable().parse(JSON.parse(meeting.report_sections_json)) ?? defaults,
    defaultReportSections: defaults,
  };
}

export async function checkMeetingKind(
  ctx: Context,
  { householdId, heldOn }: ParsedInput<'meetings.checkKind'>,
) {
  const consents = await listConsents(ctx.db, householdId);
  const labels = (await ctx.settings()).meetingLabels;
  const reason = consentedMeetingRefusal(consents, heldOn, labels.unconsented);
  const allowed: MeetingKind[] = reason ? ['unconsented'] : ['consented', 'unconsented'];
  return { allowed, reason, dateWarning: meetingDateWarning(heldOn) };
}

/** Rule 18: 発信日 ≤ 回答期限 ≤ 開催日; the refusal names the dates and sits by its field. */
function assertMeetingDates(input: Pick<MeetingInput, 'heldOn' | 'issuedOn' | 'replyBy'>): void {
  const [problem] = meetingDateProblems(input);
  if (problem) throw new KasaneError('VALIDATION', problem.message, { field: problem.field });
}

/** Rule 18: a plan is 確定 on or after the day its meeting is held. */
function assertPlanCanBeFinal(heldOn: string, now: Date): void {
  const today = officeDate(now);
  if (heldOn > today)
    throw new KasaneError(
      'VALIDATION',
      `支援プランは会議の開催日（${formatWareki(heldOn, { weekday: false })}）以降に確定します。今日（${formatWareki(today, { weekday: false })}）はまだ確定できません。`,
      { field: 'status' },
    );
}

/** Rules 2 and 3, checked on every save: the kind the law allows, and attendees inside the 範囲. */
async function assertLawful(trx: Kysely<Database>, input: MeetingInput, labels: Labels): Promise<void> {
  await assertAgenciesRegistered(
    trx,
    input.attendees.map((a) => a.agencyId),
    'attendees',
  );
  const consents = await listConsents(trx, input.householdId);
  if (input.kind === 'consented') {
    const refusal = consentedMeetingRefusal(consents, input.heldOn, labels.unconsented);
    if (refusal) throw new KasaneError('CONSENT_REQUIRED', refusal);
  }
  const consent = consentOn(consents, input.heldOn);
  const outside = input.attendees.filter(
    (a) => !agencyInScope(consent, a.agencyId, input.kind) && a.scopeReason.trim() === '',
  );
  if (outside.length > 0) {
    const names = await trx
      .selectFrom('agencies')
      .select('name')
      .where(
        'id',
        'in',
        outside.map((a) => a.agencyId),
      )
      .execute();
    throw new KasaneError(
      'OUT_OF_SCOPE',
      `本人同意の範囲に含まれない機関があります（${names.map((n) => n.name).join('、')}）。出席させる理由を記録してください。`,
      { agencyIds: outside.map((a) => a.agencyId) },
    );
  }
}

async function writeAttendees(
  trx: Kysely<Database>,
  meetingId: string,
  input: MeetingInput,
  userId: string | null,
  now: Date,
): Promise<void> {
  // 出欠 already recorded stays with the same agency and person when the list is edited.
  const answered = await trx
    .selectFrom('meeting_attendees')
    .select(['agency_id', 'person_name', 'attendance'])
    .where('meeting_id', '=', meetingId)
    .execute();
  await trx.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  const consent = consentOn(await listConsents(trx, input.householdId), input.heldOn);
  for (const [position, a] of input.attendees.entries()) {
    const inScope = agencyInScope(consent, a.agencyId, input.kind);
    await trx
      .insertInto('meeting_attendees')
      .values({
        id: randomUUID(),
        meeting_id: meetingId,
        agency_id: a.agencyId,
        title: a.title,
        person_name: a.personName,
        position,
        // Kept even when the agency is inside the 範囲 on this date: a recorded reason is never lost (rule 18).
        scope_reason: a.scopeReason.trim() === '' ? null : a.scopeReason,
        attendance:
          answered.find((r) => r.agency_id === a.agencyId && r.person_name === a.personName)?.attendance ??
          'unknown',
      })
      .execute();
    if (!inScope) {
      await appendAuditEvent(
        trx,
        {
          userId,
          kind: 'meeting.scopeException',
          target: { type: 'meeting', id: meetingId },
          detail: { agencyId: a.agencyId },
        },
        now,
      );
    }
  }
}

/** Inserts a meeting after the legal checks, inside the caller's transaction (the import shares it). */
export async function insertMeeting(
  trx: Kysely<Database>,
  userId: string | null,
  input: MeetingInput,
  labels: Labels,
  now: Date,
  planStatus: 'none' | 'draft' | 'final' = 'none',
  migrated = false,
): Promise<string> {
  assertMeetingDates(input);
  if (planStatus === 'final') assertPlanCanBeFinal(input.heldOn, now);
  if (
    await trx.selectFrom('meetings').select('id').where('meeting_no', '=', input.meetingNo).executeTakeFirst()
  ) {
    throw new KasaneError('DUPLICATE_MEETING_NO', `会議番号「${input.meetingNo}」はすでに使われています。`);
  }
  await assertLawful(trx, input, labels);
  const id = randomUUID();
  await trx
    .insertInto('meetings')
    .values({
      id,
      meeting_no: input.meetingNo,
      household_id: input.householdId,
      kind: input.kind,
      held_on: input.heldOn,
      start_time: input.startTime,
      end_time: input.endTime,
      place: input.place,
      agenda_json: storedAgenda(input.kind, input.agenda) ?? 'null',
      report_sections_json: 'null',
      handouts_json: JSON.stringify(input.handouts),
      next_review_on: null,
      notice_number: input.noticeNumber,
      issued_on: input.issuedOn,
      reply_by: input.replyBy,
      plan_status: planStatus,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      cancelled_at: null,
      cancel_reason: null,
      migrated: migrated ? 1 : 0,
    })
    .execute();
  await writeAttendees(trx, id, input, userId, now);
  return id;
}

export async function createMeeting(
  ctx: Context,
  input: ParsedInput<'meetings.create'>,
): Promise<{ id: string }> {
  const labels = (await ctx.settings()).meetingLabels;
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    if (
      !(await trx
        .selectFrom('households')
        .select('id')
        .where('id', '=', input.householdId)
        .executeTakeFirst())
    )
      throw new KasaneError('NOT_FOUND');
    const id = await insertMeeting(
      trx,
      user.id,
      input,
      labels,
      now,
      input.kind === 'consented' ? 'draft' : 'none',
    );
    await audit({ kind: 'meeting.created', target: { type: 'meeting', id }, detail: { kind: input.kind } });
    return { id };
  });
}

/**
 * An edit (rule 18): every out-of-範囲 reason recorded for an attendee is kept (the form may send it
 * blank once the field is hidden); the result says in Japanese what changed — the date, the kind, a
 * reason not used on the new date or kind, a reason dropped with its agency.
 */
export async function updateMeeting(
  ctx: Context,
  { id, meeting: input }: ParsedInput<'meetings.update'>,
): Promise<{ id: string; changes: string[] }> {
  assertMeetingDates(input);
  const labels = (await ctx.settings()).meetingLabels;
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    const before = await trx
      .selectFrom('meetings')
      .select(['household_id', 'kind', 'held_on', 'cancelled_at', 'plan_status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw new KasaneError('NOT_FOUND');
    if (before.cancelled_at) throw new KasaneError('MEETING_CANCELLED', '中止した会議は変更できません。');
    if (before.household_id !== input.householdId) throw new KasaneError('MEETING_HOUSEHOLD_FIXED');
    if (before.plan_status === 'final' && input.heldOn > officeDate(now))
      throw new KasaneError(
        'PLAN_FINAL',
        '支援プランが確定しているため、開催日を今日より後にはできません。先に「確定を取り消す」で理由を記録してください。',
        { field: 'heldOn' },
      );
    const clash = await trx
      .selectFrom('meetings')
      .select('id')
      .where('meeting_no', '=', input.meetingNo)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (clash)
      throw new KasaneError('DUPLICATE_MEETING_NO', `会議番号「${input.meetingNo}」はすでに使われています。`);
    const recorded = await trx
      .selectFrom('meeting_attendees as a')
      .innerJoin('agencies as g', 'g.id', 'a.agency_id')
      .select(['a.agency_id', 'a.scope_reason', 'g.name'])
      .where('a.meeting_id', '=', id)
      .where('a.scope_reason', 'is not', null)
      .execute();
    const kept = {
      ...input,
      attendees: input.attendees.map((a) => {
        const earlier = recorded.find((r) => r.agency_id === a.agencyId)?.scope_reason ?? '';
        return a.scopeReason.trim() === '' && earlier ? { ...a, scopeReason: earlier } : a;
      }),
    };
    await assertLawful(trx, kept, labels);
    const consent = consentOn(await listConsents(trx, input.householdId), input.heldOn);
    const changes: string[] = [];
    const w = (iso: string) => formatWareki(iso, { weekday: false });
    if (before.held_on !== input.heldOn)
      changes.push(`開催日を${w(before.held_on)}から${w(input.heldOn)}に変えました。`);
    if (before.kind !== input.kind)
      changes.push(`種別を「${labels[before.kind]}」から「${labels[input.kind]}」に変えました。`);
    for (const r of recorded) {
      const still = kept.attendees.find((a) => a.agencyId === r.agency_id);
      if (!still) changes.push(`${r.name}を出席機関から外したため、記録していた範囲外の理由も外れました。`);
      else if (still.scopeReason !== r.scope_reason)
        changes.push(`${r.name}：範囲外の理由を書き換えました。`);
      else if (input.kind === 'unconsented')
        changes.push(
          `${r.name}：${labels.unconsented}には同意の範囲がないため範囲外の理由は使いませんが、記録は残してあります。`,
        );
      else if (agencyInScope(consent, r.agency_id, input.kind))
        changes.push(
          `${r.name}：この日は同意の範囲内です。範囲外の理由は使いませんが、記録は残してあります。`,
        );
    }
    await trx
      .updateTable('meetings')
      .set({
        meeting_no: input.meetingNo,
        kind: input.kind,
        held_on: input.heldOn,
        start_time: input.startTime,
        end_time: input.endTime,
        place: input.place,
        agenda_json: storedAgenda(input.kind, input.agenda) ?? 'null',
        handouts_json: JSON.stringify(input.handouts),
        notice_number: input.noticeNumber,
        issued_on: input.issuedOn,
        reply_by: input.replyBy,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await writeAttendees(trx, id, kept, user.id, now);
    await audit({ kind: 'meeting.updated', target: { type: 'meeting', id } });
    return { id, changes };
  });
}

export async function savePlan(
  ctx: Context,
  input: ParsedInput<'meetings.savePlan'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const meeting = await trx
      .selectFrom('meetings')
      .select(['household_id', 'kind', 'held_on', 'plan_status', 'cancelled_at'])
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) throw new KasaneError('NOT_FOUND');
    if (meeting.cancelled_at)
      throw new KasaneError('MEETING_CANCELLED', '中止した会議の支援プランは変更できません。');
    if (meeting.plan_status === 'final')
      throw new KasaneError(
        'PLAN_FINAL',
        '確定した支援プランは変更できません。直すときは「確定を取り消す」で理由を記録してから変更してください。',
      );
    if (input.status === 'final') assertPlanCanBeFinal(meeting.held_on, now);
    if (input.status === 'final' && input.rows.every((r) => !r.goal && !r.discussion)) {
      throw new KasaneError('PLAN_EMPTY');
    }
    const members = await listMembers(trx, meeting.household_id);
    // Rows keep their ids across saves: モニタリング and 評価 refer to them (rule 19).
    const existing = await listPlanRows(trx, input.meetingId);
    const kept = new Set(input.rows.flatMap((r) => (r.id ? [r.id] : [])));
    const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (removed.length > 0) {
      const monitored = await trx
        .selectFrom('plan_monitoring')
        .select('plan_row_id')
        .where('plan_row_id', 'in', removed)
        .executeTakeFirst();
      if (monitored) throw new KasaneError('PLAN_ROW_MONITORED');
      await trx.deleteFrom('plan_rows').where('id', 'in', removed).execute();
    }
    for (const [position, r] of input.rows.entries()) {
      const member = r.target === 'member' ? members.find((m) => m.id === r.memberId) : undefined;
      if (r.target === 'member' && !member) throw new KasaneError('NOT_A_MEMBER');
      const values = {
        position,
        target: r.target,
        member_id: member?.id ?? null,
        member_label: member?.label ?? null,
        goal: r.goal,
        discussion: r.discussion,
        next_actions: r.nextActions,
        roles: r.roles,
      };
      if (r.id && existing.some((e) => e.id === r.id))
        await trx.updateTable('plan_rows').set(values).where('id', '=', r.id).execute();
      else
        await trx
          .insertInto('plan_rows')
          .values({ id: randomUUID(), meeting_id: input.meetingId, ...values })
          .execute();
    }
    await trx
      .updateTable('meetings')
      .set({ plan_status: input.status, updated_at: now.toISOString() })
      .where('id', '=', input.meetingId)
      .execute();
    await audit({
      kind: 'plan.saved',
      target: { type: 'meeting', id: input.meetingId },
      detail: { status: input.status, rows: input.rows.length },
    });
    return { id: input.meetingId };
  });
}

export async function saveReport(
  ctx: Context,
  input: ParsedInput<'meetings.saveReport'>,
): Promise<{ id: string }> {
  const labels = (await ctx.settings()).meetingLabels;
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    // Sections left as the defaults stay defaults, so they keep following the meeting.
    const texts = await meetingTexts(trx, input.meetingId, labels);
    const edited = !sameTexts(input.reportSections, texts.defaultReportSections);
    const result = await trx
      .updateTable('meetings')
      .set({
        report_sections_json: edited ? JSON.stringify(input.reportSections) : 'null',
        next_review_on: input.nextReviewOn,
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    await trx.deleteFrom('meeting_monitors').where('meeting_id', '=', input.meetingId).execute();
    const monitors = [...new Set(input.monitoringAgencyIds)];
    if (monitors.length)
      await trx
        .insertInto('meeting_monitors')
        .values(monitors.map((agency_id) => ({ meeting_id: input.meetingId, agency_id })))
        .execute();
    await audit({ kind: 'report.saved', target: { type: 'meeting', id: input.meetingId } });
    return { id: input.meetingId };
  });
}

/** 「確定を取り消す」 (rule 18): the plan can be changed again; the reason is kept and audited. */
export async function unfinalizePlan(
  ctx: Context,
  input: ParsedInput<'meetings.unfinalizePlan'>,
): Promise<{ id: string }> {
  const reason = requireReason(input.reason, '確定の取消');
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    const meeting = await trx
      .selectFrom('meetings')
      .select(['plan_status'])
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) throw new KasaneError('NOT_FOUND');
    if (meeting.plan_status !== 'final') throw new KasaneError('PLAN_NOT_FINAL');
    await trx
      .updateTable('meetings')
      .set({ plan_status: 'draft', updated_at: now.toISOString() })
      .where('id', '=', input.meetingId)
      .execute();
    await trx
      .insertInto('plan_unfinalizations')
      .values({ meeting_id: input.meetingId, reason, user_id: user.id, created_at: now.toISOString() })
      .execute();
    await audit({ kind: 'plan.unfinalized', target: { type: 'meeting', id: input.meetingId } });
    return { id: input.meetingId };
  });
}

async function issuedFor(db: Kysely<Database>, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('document_issues')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** 中止 (rule 22): the meeting was not held. What was issued for it stays, and so do its audit events. */
export async function cancelMeeting(
  ctx: Context,
  input: ParsedInput<'meetings.cancel'>,
): Promise<{ id: string }> {
  const reason = requireReason(input.reason, '中止');
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const meeting = await trx
      .selectFrom('meetings')
      .select(['cancelled_at'])
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) throw new KasaneError('NOT_FOUND');
    if (meeting.cancelled_at)
      throw new KasaneError('MEETING_CANCELLED', 'この会議はすでに中止になっています。');
    await trx
      .updateTable('meetings')
      .set({ cancelled_at: now.toISOString(), cancel_reason: reason, updated_at: now.toISOString() })
      .where('id', '=', input.meetingId)
      .execute();
    await audit({ kind: 'meeting.cancelled', target: { type: 'meeting', id: input.meetingId } });
    return { id: input.meetingId };
  });
}

/** A meeting with nothing issued can be deleted (after the screen asks); otherwise only 中止 (rule 22). */
export async function deleteMeeting(
  ctx: Context,
  input: ParsedInput<'meetings.delete'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, audit }) => {
    const meeting = await trx
      .selectFrom('meetings')
      .select(['id'])
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) throw new KasaneError('NOT_FOUND');
    const issued = await issuedFor(trx, input.meetingId);
    if (issued > 0)
      throw new KasaneError(
        'MEETING_HAS_DOCUMENTS',
        `この会議では文書を${issued}回発行しています。発行の記録を残すため削除はできません。開かなかった会議は「中止」にしてください。`,
      );
    await trx.deleteFrom('meetings').where('id', '=', input.meetingId).execute();
    await audit({ kind: 'meeting.deleted', target: { type: 'meeting', id: input.meetingId } });
    return { id: input.meetingId };
  });
}

/** 移行データ: the coordinator chooses to complete an imported meeting; from then on what is missing shows. */
export async function completeMigratedMeeting(
  ctx: Context,
  input: ParsedInput<'meetings.completeMigrated'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const result = await trx
      .updateTable('meetings')
      .set({ migrated: 2, updated_at: now.toISOString() })
      .where('id', '=', input.meetingId)
      .where('migrated', '=', 1)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new KasaneError(
        'NOT_MIGRATED_DATA',
        'この会議は移行データではないか、すでに完成させる対象になっています。',
      );
    await audit({ kind: 'meeting.updated', target: { type: 'meeting', id: input.meetingId } });
    return { id: input.meetingId };
  });
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select([
      'm.id',
      'm.meeting_no',
      'm.household_id',
      'h.case_no',
      'h.label as household_label',
      'm.kind',
      'm.held_on',
      'm.start_time',
      'm.end_time',
      'm.place',
      'm.plan_status',
      'm.cancelled_at',
      'm.cancel_reason',
      'm.migrated',
      sql<number>`(SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id)`.as('attendee_count'),
      sql<number>`(SELECT count(*) FROM plan_rows p WHERE p.meeting_id = m.id AND (p.goal != '' OR p.discussion != '' OR p.next_actions != '' OR p.roles != ''))`.as(
        'plan_row_count',
      ),
      sql<number>`(SELECT count(*) FROM plan_rows p WHERE p.meeting_id = m.id AND p.next_actions != '')`.as(
        'result_row_count',
      ),
      sql<number>`EXISTS (SELECT 1 FROM document_issues d WHERE d.meeting_id = m.id AND d.document = 'form4')`.as(
        'reported',
      ),
      sql<number>`(SELECT count(*) FROM distributed_copies c WHERE c.meeting_id = m.id AND c.collected_on IS NULL AND c.destroyed_on IS NULL)`.as(
        'outstanding_copies',
      ),
    ]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function missingAfter(r: SummaryRow, today: string): string[] {
  // A meeting not held, or a past record imported as such (rule 21), lacks nothing.
  if (r.held_on > today || r.cancelled_at || r.migrated === 1) return [];
  const missing: string[] = [];
  if (r.kind === 'consented' && r.plan_status !== 'final') missing.push('支援プランが未確定');
  if (r.kind === 'consented' && r.result_row_count === 0) missing.push('会議結果（当面の取組事項）が未入力');
  if (!r.reported) missing.push('会議報告（様式4）が未発行');
  if (r.outstanding_copies > 0) missing.push(`配布資料が未回収（${r.outstanding_copies}部）`);
  return missing;
}

function toSummary(r: SummaryRow, today: string): MeetingSummary {
  return {
    id: r.id,
    meetingNo: r.meeting_no,
    householdId: r.household_id,
    caseNo: r.case_no,
    householdLabel: r.household_label,
    kind: r.kind,
    heldOn: r.held_on,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    attendeeCount: r.attendee_count,
    planRowCount: r.plan_row_count,
    planStatus: r.plan_status,
    missing: missingAfter(r, today),
    cancelled: r.cancelled_at ? { at: r.cancelled_at, reason: r.cancel_reason ?? '' } : null,
    migrated: r.migrated === 1 ? 'pastRecord' : r.migrated === 2 ? 'completing' : 'no',
  };
}

/** 会議一覧: upcoming meetings first (soonest first), then past ones (newest first). */
export async function listMeetings(
  ctx: Pick<Context, 'db' | 'today'>,
  input: ParsedInput<'meetings.list'>,
): Promise<MeetingSummary[]> {
  const { db, today } = ctx;
  let q = summaryQuery(db);
  if (input.householdId) q = q.where('m.household_id', '=', input.householdId);
  const rows = await q
    .orderBy(sql`m.held_on >= ${today}`, 'desc')
    .orderBy(sql`CASE WHEN m.held_on >= ${today} THEN m.held_on END`, 'asc')
    .orderBy('m.held_on', 'desc')
    .orderBy('m.start_time')
    .limit(input.limit)
    .execute();
  return rows.map((r) => toSummary(r, today));
}

export async function getMeeting(ctx: Context, { id }: ParsedInput<'meetings.get'>): Promise<MeetingDetail> {
  const { db, today } = ctx;
  const row = await summaryQuery(db)
    .select(['m.handouts_json', 'm.notice_number', 'm.issued_on', 'm.reply_by', 'm.next_review_on'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new KasaneError('NOT_FOUND');
  const [consents, texts, attendees, monitors, issuedDocuments, unfinalizations] = await Promise.all([
    listConsents(db, row.household_id),
    meetingTexts(db, id, (await ctx.settings()).meetingLabels),
    db
      .selectFrom('meeting_attendees as a')
      .innerJoin('agencies as g', 'g.id', 'a.agency_id')
      .select([
        'a.id',
        'a.agency_id',
        'g.name',
        'g.field',
        'a.title',
        'a.person_name',
        'a.scope_reason',
        'a.attendance',
      ])
      .where('a.meeting_id', '=', id)
      .orderBy('a.position')
      .execute(),
    db.selectFrom('meeting_monitors').select('agency_id').where('meeting_id', '=', id).execute(),
    issuedFor(db, id),
    db
      .selectFrom('plan_unfinalizations as p')
      .leftJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.created_at', 'p.reason', 'u.name'])
      .where('p.meeting_id', '=', id)
      .orderBy('p.id', 'desc')
      .execute(),
  ]);
  const consent = consentOn(consents, row.held_on);
  await ctx.audit({ kind: 'meeting.viewed', target: { type: 'meeting', id } });
  return {
    ...toSummary(row, today),
    agenda: texts.agenda,
    handouts: textList.parse(JSON.parse(row.handouts_json)),
    reportSections: texts.reportSections,
    noticeNumber: row.notice_number,
    issuedOn: row.issued_on,
    replyBy: row.reply_by,
    nextReviewOn: row.next_review_on,
    monitoringAgencyIds: monitors.map((m) => m.agency_id),
    consentOnDate: consentState(consents, row.held_on),
    attendees: attendees.map((a) => ({
      id: a.id,
      agencyId: a.agency_id,
      agencyName: a.name,
      field: a.field,
      title: a.title,
      personName: a.person_name,
      inScope: agencyInScope(consent, a.agency_id, row.kind),
      scopeReason: a.scope_reason,
      attendance: a.attendance,
    })),
    planRows: effectivePlanRows(texts.planRows, texts.members).map((r) => ({
      id: r.id,
      target: r.target,
      memberId: r.member?.id ?? null,
      heading: planRowHeading(r, (m) => m.name),
      goal: r.goal,
      discussion: r.discussion,
      nextActions: r.nextActions,
      roles: r.roles,
    })),
    dateWarning: meetingDateWarning(row.held_on),
    issuedDocuments,
    planUnfinalizations: unfinalizations.map((u) => ({
      at: u.created_at,
      reason: u.reason,
      userName: u.name,
    })),
  };
}

type StoredPlanRow = Awaited<ReturnType<typeof listPlanRows>>[number];
type Members = Awaited<ReturnType<typeof listMembers>>;

/** The plan as saved; before anything is saved, the seed from the household's current plan (rule 19). */
async function savedOrSeededPlanRows(
  db: Kysely<Database>,
  meeting: { id: string; householdId: string; heldOn: string },
): Promise<StoredPlanRow[]> {
  const saved = await listPlanRows(db, meeting.id);
  return saved.length > 0 ? saved : planSeed(db, meeting);
}

export function listPlanRows(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('plan_rows')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export interface EffectivePlanRow {
  id: string;
  target: 'member' | 'crisis' | 'other';
  member: Members[number] | null;
  memberLabel: string | null;
  goal: string;
  discussion: string;
  nextActions: string;
  roles: string;
}

/**
 * The saved plan rows; before anything is saved, forms.md's draft: one row per member, then
 * 危機介入 and その他 (shown and printed, not stored, so a meeting's row count is what was written).
 */
export function effectivePlanRows(saved: StoredPlanRow[], members: Members): EffectivePlanRow[] {
  if (saved.length > 0) {
    return saved.map((p) => ({
      id: p.id,
      target: p.target,
      member: members.find((m) => m.id === p.member_id) ?? null,
      memberLabel: p.member_label,
      goal: p.goal,
      discussion: p.discussion,
      nextActions: p.next_actions,
      roles: p.roles,
    }));
  }
  const blank = { goal: '', discussion: '', nextActions: '', roles: '' };
  return [
    ...members.map((m) => ({
      id: randomUUID(),
      target: 'member' as const,
      member: m,
      memberLabel: m.label,
      ...blank,
    })),
    { id: randomUUID(), target: 'crisis' as const, member: null, memberLabel: null, ...blank },
    { id: randomUUID(), target: 'other' as const, member: null, memberLabel: null, ...blank },
  ];
}

export type PlanRowMember = Members[number];

/** What a new meeting form starts with: a suggested 会議番号 (the 会次第 follows the kind chosen). */
export async function meetingDefaults(
  ctx: Pick<Context, 'db'>,
  { householdId }: ParsedInput<'meetings.defaults'>,
) {
  const { db } = ctx;
  const household = await db
    .selectFrom('households')
    .select('case_no')
    .where('id', '=', householdId)
    .executeTakeFirst();
  if (!household) throw new KasaneError('NOT_FOUND');
  const count = await db
    .selectFrom('meetings')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  let n = Number(count.n) + 1;
  while (
    await db
      .selectFrom('meetings')
      .select('id')
      .where('meeting_no', '=', `${household.case_no}-${n}`)
      .executeTakeFirst()
  )
    n += 1;
  const latest = await db
    .selectFrom('meetings')
    .select(['id', 'meeting_no', 'start_time', 'end_time', 'place'])
    .where('household_id', '=', householdId)
    .where('cancelled_at', 'is', null)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const attendees = latest
    ? await db
        .selectFrom('meeting_attendees')
        .select(['agency_id', 'title', 'person_name'])
        .where('meeting_id', '=', latest.id)
        .orderBy('position')
        .execute()
    : [];
  return {
    meetingNo: `${household.case_no}-${n}`,
    previous: latest
      ? {
          meetingNo: latest.meeting_no,
          startTime: latest.start_time,
          endTime: latest.end_time,
          place: latest.place,
          attendees: attendees.map((a) => ({
            agencyId: a.agency_id,
            title: a.title,
            personName: a.person_name,
          })),
        }
      : null,
  };
}

/** 出欠 of one attendee, as the agency answered the notice; the desk counts those still unknown. */
export async function setAttendance(
  ctx: Context,
  input: ParsedInput<'meetings.setAttendance'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db, audit }) => {
    const result = await db
      .updateTable('meeting_attendees')
      .set({ attendance: input.attendance })
      .where('id', '=', input.attendeeId)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    await audit({
      kind: 'attendance.recorded',
      target: { type: 'meeting', id: input.meetingId },
      detail: { attendeeId: input.attendeeId, attendance: input.attendance },
    });
    return { id: input.attendeeId };
  });
}
