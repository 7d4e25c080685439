import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { formatWareki } from '../domain/dates.js';
import { type MonitoringStatus, reviewSeed } from '../domain/monitoring.js';
import { planRowHeading } from '../domain/plan.js';
import type { ParsedInput } from '../ipc/contract.js';
import type { CurrentPlan } from '../ipc/schemas/monitoring.js';
import type { Context } from './context.js';
import { KasaneError } from './errors.js';
import { listMembers } from './households.js';

/**
 * モニタリング (rule 19): dated entries per row of a 確定 plan, and the household's current plan they
 * are read against. The next meeting's 検討シート starts from that plan and its latest entries.
 */

/** A row that says something (目標, 検討内容 or 取組): blank rows are the draft's placeholders. */
const written = sql<boolean>`(r.goal != '' OR r.discussion != '' OR r.next_actions != '' OR r.roles != '')`;

/** The latest meeting held on or before `day` whose plan is 確定: the plan the household works to. */
export async function currentPlanMeeting(db: Kysely<Database>, householdId: string, day: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_no', 'held_on', 'next_review_on'])
    .where('household_id', '=', householdId)
    .where('plan_status', '=', 'final')
    .where('held_on', '<=', day)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The plan's written rows with their 見出し (label and 続柄, never the name) and latest entry on `day`. */
export async function planRowsWithLatest(
  db: Kysely<Database>,
  meetingId: string,
  householdId: string,
  day: string,
) {
  const [rows, members] = await Promise.all([
    db
      .selectFrom('plan_rows as r')
      .leftJoin('agencies as a', (join) =>
        join.on(
          'a.id',
          '=',
          sql`(SELECT pm.agency_id FROM plan_monitoring pm WHERE pm.plan_row_id = r.id AND pm.checked_on <= ${day} ORDER BY pm.checked_on DESC, pm.created_at DESC LIMIT 1)`,
        ),
      )
      .select([
        'r.id',
        'r.target',
        'r.member_id',
        'r.member_label',
        'r.goal',
        'r.discussion',
        'r.next_actions',
        'r.roles',
        'a.name as latest_agency',
        sql<
          string | null
        >`(SELECT pm.checked_on FROM plan_monitoring pm WHERE pm.plan_row_id = r.id AND pm.checked_on <= ${day} ORDER BY pm.checked_on DESC, pm.created_at DESC LIMIT 1)`.as(
          'latest_on',
        ),
        sql<MonitoringStatus | null>`(SELECT pm.status FROM plan_monitoring pm WHERE pm.plan_row_id = r.id AND pm.checked_on <= ${day} ORDER BY pm.checked_on DESC, pm.created_at DESC LIMIT 1)`.as(
          'latest_status',
        ),
        sql<
          string | null
        >`(SELECT pm.note FROM plan_monitoring pm WHERE pm.plan_row_id = r.id AND pm.checked_on <= ${day} ORDER BY pm.checked_on DESC, pm.created_at DESC LIMIT 1)`.as(
          'latest_note',
        ),
      ])
      .where('r.meeting_id', '=', meetingId)
      .where(written)
      .orderBy('r.position')
      .execute(),
    listMembers(db, householdId),
  ]);
  return rows.map((r) => {
    const member = members.find((m) => m.id === r.member_id) ?? null;
    const latest =
      r.latest_status && r.latest_on
        ? { status: r.latest_status, on: r.latest_on, by: r.latest_agency, note: r.latest_note ?? '' }
        : null;
    return {
      id: r.id,
      target: r.target,
      member,
      memberLabel: r.member_label,
      heading: planRowHeading({ target: r.target, member, memberLabel: r.member_label }, () => null),
      goal: r.goal,
      discussion: r.discussion,
      nextActions: r.next_actions,
      roles: r.roles,
      latest,
      /** 取組の経過 as the 評価シート and the next 検討シート read it. */
      progress: reviewSeed(latest, (iso) => formatWareki(iso, { weekday: false })),
    };
  });
}

export async function currentPlan(
  ctx: { db: Kysely<Database>; today: string },
  { householdId }: ParsedInput<'monitoring.currentPlan'>,
): Promise<CurrentPlan> {
  const meeting = await currentPlanMeeting(ctx.db, householdId, ctx.today);
  if (!meeting) return null;
  const rows = await planRowsWithLatest(ctx.db, meeting.id, householdId, ctx.today);
  const entries = await ctx.db
    .selectFrom('plan_monitoring as pm')
    .leftJoin('agencies as a', 'a.id', 'pm.agency_id')
    .select(['pm.id', 'pm.plan_row_id', 'pm.checked_on', 'pm.status', 'pm.note', 'pm.agency_id', 'a.name'])
    .where('pm.plan_row_id', 'in', rows.length ? rows.map((r) => r.id) : [''])
    .orderBy('pm.checked_on', 'desc')
    .orderBy('pm.created_at', 'desc')
    .execute();
  const byRow = Map.groupBy(entries, (e) => e.plan_row_id);
  return {
    meetingId: meeting.id,
    meetingNo: meeting.meeting_no,
    heldOn: meeting.held_on,
    nextReviewOn: meeting.next_review_on,
    rows: rows.map((r) => ({
      id: r.id,
      heading: r.heading,
      goal: r.goal,
      nextActions: r.nextActions,
      roles: r.roles,
      entries: (byRow.get(r.id) ?? []).map((e) => ({
        id: e.id,
        checkedOn: e.checked_on,
        status: e.status,
        note: e.note,
        agencyId: e.agency_id,
        agencyName: e.name,
      })),
    })),
  };
}

/** Records one モニタリング entry on a row of a 確定 plan, dated between the meeting and today. */
export async function addMonitoring(
  ctx: Context,
  input: ParsedInput<'monitoring.add'>,
): Promise<{ id: string; householdId: string }> {
  const { today, now, user } = ctx;
  return ctx.transaction(async ({ db, audit }) => {
    const row = await db
      .selectFrom('plan_rows as r')
      .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
      .select(['r.id', 'm.id as meeting_id', 'm.household_id', 'm.held_on', 'm.plan_status'])
      .where('r.id', '=', input.planRowId)
      .executeTakeFirst();
    if (!row) throw new KasaneError('NOT_FOUND');
    if (row.plan_status !== 'final')
      throw new KasaneError(
        'PLAN_NOT_FINAL',
        'モニタリングは確定した支援プランの行に記録します。先にプランを確定してください。',
      );
    if (input.checkedOn > today)
      throw new KasaneError(
        'MONITORING_DATE_OUT_OF_RANGE',
        `実施状況を確認した日（${formatWareki(input.checkedOn)}）が今日より後です。確認した日を入力してください。`,
        { field: 'checkedOn' },
      );
    if (input.checkedOn < row.held_on)
      throw new KasaneError(
        'MONITORING_DATE_OUT_OF_RANGE',
        `確認した日は、プランを決めた会議（${formatWareki(row.held_on)}）以降の日付にしてください。`,
        { field: 'checkedOn' },
      );
    if (
      input.agencyId &&
      !(await db.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst())
    )
      throw new KasaneError('NOT_FOUND');
    const id = randomUUID();
    await db
      .insertInto('plan_monitoring')
      .values({
        id,
        plan_row_id: row.id,
        checked_on: input.checkedOn,
        status: input.status,
        note: input.note,
        agency_id: input.agencyId,
        user_id: user.id,
        created_at: now.toISOString(),
      })
      .execute();
    await audit({
      kind: 'monitoring.added',
      target: { type: 'household', id: row.household_id },
      detail: { meetingId: row.meeting_id, planRowId: row.id, status: input.status },
    });
    return { id, householdId: row.household_id };
  });
}

/**
 * The rows a meeting's 検討シート (様式3) starts from while its own plan is not written yet: the rows
 * of the household's current plan from an earlier meeting, 目標 carried over and 検討内容 seeded with
 * the latest 実施状況; members not in that plan get blank rows, as a first meeting would.
 */
export async function planSeed(
  db: Kysely<Database>,
  meeting: { id: string; householdId: string; heldOn: string },
): Promise<SeedRow[]> {
  const previous = await db
    .selectFrom('meetings')
    .select(['id', 'held_on'])
    .where('household_id', '=', meeting.householdId)
    .where('plan_status', '=', 'final')
    .where('id', '!=', meeting.id)
    .where('held_on', '<=', meeting.heldOn)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return [];
  // Monitoring up to the new meeting's day (or today, for one being prepared).
  const rows = await planRowsWithLatest(db, previous.id, meeting.householdId, meeting.heldOn);
  const members = await listMembers(db, meeting.householdId);
  const carried = (target: 'member' | 'crisis' | 'other', memberId: string | null) =>
    rows.find((r) => r.target === target && (target !== 'member' || r.member?.id === memberId));
  const seed = (target: 'member' | 'crisis' | 'other', member: (typeof members)[number] | null): SeedRow => {
    const from = carried(target, member?.id ?? null);
    return {
      id: randomUUID(),
      meeting_id: meeting.id,
      position: 0,
      target,
      member_id: member?.id ?? null,
      member_label: member?.label ?? null,
      goal: from?.goal ?? '',
      discussion: from?.progress ?? '',
      next_actions: '',
      roles: '',
    };
  };
  const seeded = [...members.map((m) => seed('member', m)), seed('crisis', null), seed('other', null)];
  return seeded.map((r, position) => ({ ...r, position }));
}

export type SeedRow = Database['plan_rows'];
