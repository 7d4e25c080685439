import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Achievement } from '../domain/monitoring.js';
import type { ParsedInput } from '../ipc/contract.js';
import type { Evaluation } from '../ipc/schemas/monitoring.js';
import { KasaneError } from './errors.js';
import { currentPlanMeeting, planRowsWithLatest } from './monitoring.js';

/**
 * 評価 at 終結 (rule 20). Closing a household that has a 確定 plan records, with that 終結, how far each
 * row's 目標 was reached and a comment; the 終結理由; and the 引継ぎ先 when the case goes back to
 * 包括的相談支援事業. The rows are copied as they stood, so a later 再開 leaves the evaluation in the
 * household's history unchanged.
 */

export const handoverReason = '包括的相談支援事業へ戻す';

/** What the 終結 dialog asks about: the current plan's rows with their 取組の経過 (latest モニタリング). */
export async function evaluationDraft(
  ctx: { db: Kysely<Database>; today: string },
  { householdId }: ParsedInput<'evaluations.draft'>,
) {
  const meeting = await currentPlanMeeting(ctx.db, householdId, ctx.today);
  if (!meeting) return { meetingId: null, meetingNo: null, rows: [] };
  const rows = await planRowsWithLatest(ctx.db, meeting.id, householdId, ctx.today);
  return {
    meetingId: meeting.id,
    meetingNo: meeting.meeting_no,
    rows: rows.map((r) => ({
      planRowId: r.id,
      heading: r.heading,
      goal: r.goal,
      progress: r.progress,
      latestStatus: r.latest?.status ?? null,
    })),
  };
}

export interface ClosingEvaluation {
  handoverAgencyId: string | null;
  rows: { planRowId: string; achievement: Achievement; comment: string }[];
}

/**
 * Called inside the 終結's transaction, after its status change is written: refuses a 終結 that
 * leaves a plan unevaluated or a hand-back without its 引継ぎ先, and records the evaluation.
 */
export async function recordClosingEvaluation(
  trx: Kysely<Database>,
  closing: {
    householdId: string;
    statusChangeId: number;
    on: string;
    reason: string;
    evaluation: ClosingEvaluation | undefined;
    userId: string;
  },
  now: Date,
): Promise<string | null> {
  const evaluation = closing.evaluation ?? { handoverAgencyId: null, rows: [] };
  if (closing.reason === handoverReason && !evaluation.handoverAgencyId)
    throw new KasaneError('HANDOVER_REQUIRED', undefined, { field: 'handoverAgencyId' });
  if (
    evaluation.handoverAgencyId &&
    !(await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', evaluation.handoverAgencyId)
      .executeTakeFirst())
  )
    throw new KasaneError('NOT_FOUND');
  const meeting = await currentPlanMeeting(trx, closing.householdId, closing.on);
  const planRows = meeting ? await planRowsWithLatest(trx, meeting.id, closing.householdId, closing.on) : [];
  const missing = planRows.filter((r) => !evaluation.rows.some((e) => e.planRowId === r.id));
  if (missing.length > 0)
    throw new KasaneError(
      'EVALUATION_REQUIRED',
      `支援プランのある世帯を終結するには、プランの各行の達成状況を記録してください（未記録: ${missing.map((r) => r.heading).join('、')}）。`,
      { field: 'rows' },
    );
  if (evaluation.rows.some((e) => !planRows.some((r) => r.id === e.planRowId)))
    throw new KasaneError(
      'VALIDATION',
      '評価の行がこの世帯の現在の支援プランの行と一致しません。画面を開き直してください。',
      { field: 'evaluation' },
    );
  if (!meeting && !evaluation.handoverAgencyId) return null;
  const id = randomUUID();
  await trx
    .insertInto('evaluations')
    .values({
      id,
      household_id: closing.householdId,
      status_change_id: closing.statusChangeId,
      meeting_id: meeting?.id ?? null,
      closed_on: closing.on,
      close_reason: closing.reason,
      handover_agency_id: evaluation.handoverAgencyId,
      user_id: closing.userId,
      created_at: now.toISOString(),
    })
    .execute();
  for (const [position, row] of planRows.entries()) {
    const given = evaluation.rows.find((e) => e.planRowId === row.id);
    await trx
      .insertInto('evaluation_rows')
      .values({
        evaluation_id: id,
        position,
        plan_row_id: row.id,
        heading: row.heading,
        goal: row.goal,
        progress: row.progress,
        achievement: given?.achievement ?? 'notAchieved',
        comment: given?.comment ?? '',
      })
      .execute();
  }
  return id;
}

/** Every evaluation the household has had, newest 終結 first, kept through 再開 and 取消. */
export async function listEvaluations(
  ctx: { db: Kysely<Database> },
  { householdId }: ParsedInput<'evaluations.list'>,
): Promise<Evaluation[]> {
  const evaluations = await ctx.db
    .selectFrom('evaluations as e')
    .innerJoin('status_changes as s', 's.id', 'e.status_change_id')
    .leftJoin('meetings as m', 'm.id', 'e.meeting_id')
    .leftJoin('agencies as a', 'a.id', 'e.handover_agency_id')
    .select([
      'e.id',
      'e.closed_on',
      'e.close_reason',
      'e.created_at',
      'e.status_change_id',
      's.voided_at',
      'm.meeting_no',
      'm.kind as meeting_kind',
      'a.name as handover_name',
    ])
    .where('e.household_id', '=', householdId)
    .orderBy('e.closed_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
  if (evaluations.length === 0) return [];
  const [rows, reopenings] = await Promise.all([
    ctx.db
      .selectFrom('evaluation_rows')
      .selectAll()
      .where(
        'evaluation_id',
        'in',
        evaluations.map((e) => e.id),
      )
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('status_changes')
      .select(['id', 'changed_on'])
      .where('household_id', '=', householdId)
      .where('status', '=', 'active')
      .where('voided_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  const byEvaluation = Map.groupBy(rows, (r) => r.evaluation_id);
  return evaluations.map((e) => ({
    id: e.id,
    meetingNo: e.meeting_no,
    meetingKind: e.meeting_kind,
    closedOn: e.closed_on,
    closeReason: e.close_reason,
    handoverAgencyName: e.handover_name,
    closingVoided: e.voided_at !== null,
    reopenedOn: reopenings.find((r) => r.id > e.status_change_id)?.changed_on ?? null,
    createdAt: e.created_at,
    rows: (byEvaluation.get(e.id) ?? []).map((r) => ({
      heading: r.heading,
      goal: r.goal,
      progress: r.progress,
      achievement: r.achievement,
      comment: r.comment,
    })),
  }));
}
