import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, RecordCorrectionTable } from '../../db/schema.js';
import { appendAuditEvent } from './audit.js';
import { KasaneError } from './errors.js';

/**
 * Rule 18: nothing recorded is silently lost or silently wrong. A consent record, a status change, a
 * member or a 支援経過 entry is corrected by 取消 (void) or 訂正 (correct), each with a reason; the version
 * before is kept here and shown in the history, and each correction is an audit event (ids only).
 */
export type CorrectionTarget = RecordCorrectionTable['target_type'];
export type CorrectionAction = RecordCorrectionTable['action'];

export interface Correction<Before> {
  id: number;
  action: CorrectionAction;
  /** Empty only for round-1 支援経過 edits, saved before reasons were asked for. */
  reason: string;
  /** The record as it was before this correction, in the shape the screens show it. */
  before: Before;
  at: string;
  userName: string | null;
}

/** A reason is required and says something (not only spaces). */
export function requireReason(reason: string, what: '取消' | '訂正' | '中止' | '確定の取消'): string {
  const text = reason.trim();
  if (text === '')
    throw new KasaneError('VALIDATION', `${what}の理由を入力してください。理由は履歴に残ります。`, {
      field: 'reason',
    });
  return text;
}

export async function recordCorrection(
  trx: Kysely<Database>,
  input: {
    householdId: string;
    targetType: CorrectionTarget;
    targetId: string;
    action: CorrectionAction;
    reason: string;
    before: object;
    userId: string | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('record_corrections')
    .values({
      household_id: input.householdId,
      target_type: input.targetType,
      target_id: input.targetId,
      action: input.action,
      reason: input.reason,
      before_json: JSON.stringify(input.before),
      user_id: input.userId,
      created_at: now.toISOString(),
    })
    .execute();
  await appendAuditEvent(
    trx,
    {
      userId: input.userId,
      kind: input.action === 'void' ? 'record.voided' : 'record.corrected',
      target: { type: 'household', id: input.householdId },
      detail: { record: input.targetType, recordId: input.targetId },
    },
    now,
  );
}

/** Corrections of the given records, oldest first, by record id; `before` parsed with the record's schema. */
export async function correctionsOf<Before>(
  db: Kysely<Database>,
  targetType: CorrectionTarget,
  targetIds: readonly string[],
  beforeSchema: z.ZodType<Before>,
): Promise<Map<string, Correction<Before>[]>> {
  const byTarget = new Map<string, Correction<Before>[]>();
  if (targetIds.length === 0) return byTarget;
  const rows = await db
    .selectFrom('record_corrections as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.target_id', 'c.action', 'c.reason', 'c.before_json', 'c.created_at', 'u.name'])
    .where('c.target_type', '=', targetType)
    .where('c.target_id', 'in', [...targetIds])
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    const list = byTarget.get(r.target_id) ?? [];
    list.push({
      id: r.id,
      action: r.action,
      reason: r.reason,
      before: beforeSchema.parse(JSON.parse(r.before_json)),
      at: r.created_at,
      userName: r.name,
    });
    byTarget.set(r.target_id, list);
  }
  return byTarget;
}
