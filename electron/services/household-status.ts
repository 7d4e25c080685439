import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { writeStatusPeriods } from '../../db/status-periods.js';
import { formatWareki } from '../domain/dates.js';
import { type HouseholdStatus, statusLabels } from '../domain/household.js';
import { officeDate } from '../domain/office-day.js';
import {
  householdStatusOn,
  orderedHistory,
  type StatusChangeFact,
  statusAction,
  statusActionLabels,
  statusHistoryProblems,
} from '../domain/status-history.js';
import type { ParsedInput } from '../ipc/contract.js';
import { type StatusChangeRecord, statusChangeVersionSchema } from '../ipc/schemas/households.js';
import type { Context } from './context.js';
import { correctionsOf, recordCorrection, requireReason } from './corrections.js';
import { KasaneError } from './errors.js';
import { recordClosingEvaluation } from './evaluation.js';

/**
 * 状態 (rule 17): the history of status changes is the truth; `households.status`, `closed_on` and
 * `close_reason` are a cache written from it (for the list's filter) by `refreshStatus` only, and
 * `status_periods` (the status day by day, for the statistics) by `writeStatusPeriods`, in the same
 * transaction as every change of the history or of the 受付日.
 */

interface ChangeRow extends StatusChangeFact {
  id: number;
  reason: string | null;
}

/** The changes that count (not voided), in recorded order, for one or many households. */
export async function activeStatusChanges(
  db: Kysely<Database>,
  householdIds: readonly string[],
): Promise<Map<string, ChangeRow[]>> {
  const byHousehold = new Map<string, ChangeRow[]>();
  if (householdIds.length === 0) return byHousehold;
  const rows = await db
    .selectFrom('status_changes')
    .select(['id', 'household_id', 'status', 'changed_on', 'reason'])
    .where('household_id', 'in', [...householdIds])
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byHousehold.get(r.household_id) ?? [];
    list.push({
      id: r.id,
      seq: r.id,
      status: r.status as HouseholdStatus,
      on: r.changed_on,
      reason: r.reason,
    });
    byHousehold.set(r.household_id, list);
  }
  return byHousehold;
}

/** Writes the cached status from the history: the state on `today` by the one function, and its periods. */
async function refreshStatus(trx: Kysely<Database>, householdId: string, today: string, now: Date) {
  await writeStatusPeriods(trx, householdId);
  const changes = (await activeStatusChanges(trx, [householdId])).get(householdId) ?? [];
  const status = householdStatusOn(changes, today) ?? 'received';
  const closing =
    status === 'closed' ? orderedHistory(changes).findLast((c) => c.status === 'closed') : undefined;
  await trx
    .updateTable('households')
    .set({
      status,
      closed_on: closing?.on ?? null,
      close_reason: closing?.reason ?? null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', householdId)
    .execute();
}

const problemTexts = (receivedOn: string, changes: readonly StatusChangeFact[], today: string) =>
  statusHistoryProblems(receivedOn, changes, today).map((p) => p.message);

/**
 * A corrected history may keep problems recorded before rule 17 (so they can be fixed one at a time)
 * but may not add any.
 */
function assertNoNewProblem(
  receivedOn: string,
  before: readonly StatusChangeFact[],
  after: readonly StatusChangeFact[],
  today: string,
): void {
  const known = new Set(problemTexts(receivedOn, before, today));
  const added = problemTexts(receivedOn, after, today).filter((m) => !known.has(m));
  if (added[0]) throw new KasaneError('STATUS_HISTORY_CONFLICT', added[0], { field: 'on' });
}

async function householdOf(trx: Kysely<Database>, id: string) {
  const household = await trx
    .selectFrom('households')
    .select(['id', 'received_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!household) throw new KasaneError('NOT_FOUND');
  return household;
}

const statusAfter = { start: 'active', close: 'closed', reopen: 'active' } as const;

export async function changeHouseholdStatus(
  ctx: Context,
  input: ParsedInput<'households.changeStatus'>,
): Promise<{ id: string }> {
  const { today } = ctx;
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    const household = await householdOf(trx, input.householdId);
    const changes = (await activeStatusChanges(trx, [household.id])).get(household.id) ?? [];
    const current = orderedHistory(changes).at(-1)?.status ?? 'received';
    const status = statusAfter[input.action];
    if (statusAction(current, status) !== input.action)
      throw new KasaneError(
        'STATUS_NOT_ALLOWED',
        `「${statusLabels[current]}」の世帯にはこの操作はできません。`,
      );
    const next = { seq: Number.MAX_SAFE_INTEGER, status, on: input.on };
    assertNoNewProblem(household.received_on, changes, [...changes, next], today);
    const { id } = await trx
      .insertInto('status_changes')
      .values({
        household_id: household.id,
        status,
        changed_on: input.on,
        reason: input.action === 'close' ? input.reason : null,
        user_id: user.id,
        created_at: now.toISOString(),
        voided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.action === 'close')
      await recordClosingEvaluation(
        trx,
        {
          householdId: household.id,
          statusChangeId: id,
          on: input.on,
          reason: input.reason ?? '',
          evaluation: { handoverAgencyId: input.handoverAgencyId ?? null, rows: input.evaluation ?? [] },
          userId: user.id,
        },
        now,
      );
    await refreshStatus(trx, household.id, today, now);
    await audit({
      kind: 'household.statusChanged',
      target: { type: 'household', id: household.id },
      detail: { status, statusChangeId: id },
    });
    return { id: input.householdId };
  });
}

async function changeOf(trx: Kysely<Database>, id: number) {
  const row = await trx.selectFrom('status_changes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new KasaneError('NOT_FOUND');
  if (row.voided_at)
    throw new KasaneError(
      'RECORD_VOIDED',
      'この状態の変更は取り消されています。取り消した記録は直せません。',
    );
  return row;
}

const versionOf = (row: { status: string; changed_on: string; reason: string | null }) => ({
  status: row.status,
  on: row.changed_on,
  reason: row.reason,
});

/** 取消 of a 支援開始, 終結 or 再開 recorded by mistake; the 受付 itself is corrected through the 受付日. */
export async function voidStatusChange(
  ctx: Context,
  input: ParsedInput<'households.voidStatusChange'>,
): Promise<{ householdId: string }> {
  const reason = requireReason(input.reason, '取消');
  const { today } = ctx;
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const row = await changeOf(trx, input.id);
    if (row.status === 'received')
      throw new KasaneError(
        'STATUS_NOT_ALLOWED',
        '受付の記録は取り消せません。受付日が違うときは、世帯の基本情報で受付日を直してください。',
      );
    const household = await householdOf(trx, row.household_id);
    const changes = (await activeStatusChanges(trx, [household.id])).get(household.id) ?? [];
    const remaining = changes.filter((c) => c.id !== row.id);
    const after = problemTexts(household.received_on, remaining, today);
    const known = new Set(problemTexts(household.received_on, changes, today));
    const added = after.filter((m) => !known.has(m));
    if (added[0]) {
      const label =
        statusActionLabels[
          statusAction(prevStatus(changes, row.id), row.status as HouseholdStatus) ?? 'close'
        ];
      throw new KasaneError(
        'STATUS_HISTORY_CONFLICT',
        `この${label}を取り消すと、状態の記録が続かなくなります（${added[0]}）。後の変更から順に取り消してください。`,
      );
    }
    await trx
      .updateTable('status_changes')
      .set({ voided_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await refreshStatus(trx, household.id, today, now);
    await recordCorrection(
      trx,
      {
        householdId: household.id,
        targetType: 'statusChange',
        targetId: String(row.id),
        action: 'void',
        reason,
        before: versionOf(row),
        userId: user.id,
      },
      now,
    );
    return { householdId: household.id };
  });
}

function prevStatus(changes: readonly ChangeRow[], id: number): HouseholdStatus | null {
  const ordered = orderedHistory(changes);
  const i = ordered.findIndex((c) => c.id === id);
  return ordered[i - 1]?.status ?? null;
}

/** 訂正 of a change's date (and, for a 終結, its 終結理由); it keeps its place in the history. */
export async function correctStatusChange(
  ctx: Context,
  input: ParsedInput<'households.correctStatusChange'>,
): Promise<{ householdId: string }> {
  const reason = requireReason(input.reason, '訂正');
  const { today } = ctx;
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const row = await changeOf(trx, input.id);
    if (row.status === 'received')
      throw new KasaneError('STATUS_NOT_ALLOWED', '受付日は世帯の基本情報で直してください。');
    const household = await householdOf(trx, row.household_id);
    const changes = (await activeStatusChanges(trx, [household.id])).get(household.id) ?? [];
    const corrected = changes.map((c) => (c.id === row.id ? { ...c, on: input.on } : c));
    assertNoNewProblem(household.received_on, changes, corrected, today);
    await trx
      .updateTable('status_changes')
      .set({
        changed_on: input.on,
        reason: row.status === 'closed' ? (input.closeReason ?? row.reason) : row.reason,
      })
      .where('id', '=', row.id)
      .execute();
    await refreshStatus(trx, household.id, today, now);
    await recordCorrection(
      trx,
      {
        householdId: household.id,
        targetType: 'statusChange',
        targetId: String(row.id),
        action: 'correct',
        reason,
        before: versionOf(row),
        userId: user.id,
      },
      now,
    );
    return { householdId: household.id };
  });
}

/**
 * The 受付日 is the date of the history's first entry: changing it moves that entry, and it may not
 * pass a later change or today (called inside the household update's transaction).
 */
export async function moveReceivedOn(
  trx: Kysely<Database>,
  householdId: string,
  receivedOn: string,
  now: Date,
): Promise<void> {
  const today = officeDate(now);
  if (receivedOn > today)
    throw new KasaneError(
      'VALIDATION',
      `受付日（${formatWareki(receivedOn, { weekday: false })}）が今日（${formatWareki(today, { weekday: false })}）より後です。まだ来ていない日付では登録できません。`,
      { field: 'receivedOn' },
    );
  const changes = (await activeStatusChanges(trx, [householdId])).get(householdId) ?? [];
  const first = orderedHistory(changes)[0];
  if (!first || first.on === receivedOn) return;
  const household = await householdOf(trx, householdId);
  const moved = changes.map((c) => (c.id === first.id ? { ...c, on: receivedOn } : c));
  const known = new Set(problemTexts(household.received_on, changes, today));
  const added = problemTexts(receivedOn, moved, today).filter((m) => !known.has(m));
  if (added[0]) throw new KasaneError('STATUS_HISTORY_CONFLICT', added[0], { field: 'receivedOn' });
  await trx
    .updateTable('status_changes')
    .set({ changed_on: receivedOn })
    .where('id', '=', first.id)
    .execute();
}

/** The whole history for the detail: every change, voided ones included, each with its corrections. */
export async function statusHistory(
  db: Kysely<Database>,
  householdId: string,
): Promise<StatusChangeRecord[]> {
  const rows = await db
    .selectFrom('status_changes')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute();
  const corrections = await correctionsOf(
    db,
    'statusChange',
    rows.map((r) => String(r.id)),
    statusChangeVersionSchema,
  );
  let previous: HouseholdStatus | null = null;
  return rows.map((r) => {
    const status = r.status as HouseholdStatus;
    const action = statusAction(previous, status) ?? (status === 'closed' ? 'close' : 'start');
    if (!r.voided_at) previous = status;
    const history = corrections.get(String(r.id)) ?? [];
    return {
      id: r.id,
      action,
      status,
      on: r.changed_on,
      closeReason: r.reason,
      voided: r.voided_at
        ? { at: r.voided_at, reason: history.findLast((c) => c.action === 'void')?.reason ?? '' }
        : null,
      corrections: history,
    };
  });
}
