import { z } from 'zod';
import { trimmed } from './common.js';

/** Rule 18: the reason for a 取消 or 訂正, kept in the history. */
export const correctionReasonSchema = (what: '取消' | '訂正') =>
  trimmed(500).min(1, `${what}の理由を入力してください（履歴に残ります）`);

/** 取消 of one record (consent, status change, member, 支援経過) by its id. */
export const voidRecordInputSchema = z.object({
  id: z.string().min(1),
  reason: correctionReasonSchema('取消'),
});
export type VoidRecordInput = z.infer<typeof voidRecordInputSchema>;

/** One 取消 or 訂正 of a record, with the version it replaced (`before`, in the record's own shape). */
export const correctionSchemaOf = <T extends z.ZodType>(before: T) =>
  z.object({
    id: z.number().int(),
    action: z.enum(['void', 'correct']),
    /** Empty only for round-1 支援経過 edits, saved before reasons were asked for. */
    reason: z.string(),
    before,
    at: z.string(),
    userName: z.string().nullable(),
  });

/** A record that was voided: when and why (it stays visible, no longer counts). */
export const voidedSchema = z.object({ at: z.string(), reason: z.string() }).nullable();
