import { z } from 'zod';
import { idSchema, isoDateSchema, optionalDateInputSchema } from './common.js';

/** Rule 8: a numbered copy is out until it comes back (回収) or is destroyed (廃棄). */
export const copyStatusSchema = z.enum(['outstanding', 'collected', 'destroyed']);
export type CopyStatus = z.infer<typeof copyStatusSchema>;

export const distributedCopySchema = z.object({
  meetingId: idSchema,
  copyNo: z.number().int(),
  /** How many numbered copies the meeting's packet has. */
  total: z.number().int(),
  /** The agency it went to; '' for a spare copy. */
  recipient: z.string(),
  /** Titles of the documents in the copy (「重層会議様式2 会次第」). */
  documents: z.array(z.string()),
  issuedAt: z.string(),
  status: copyStatusSchema,
  collectedOn: isoDateSchema.nullable(),
  destroyedOn: isoDateSchema.nullable(),
  /** Who recorded the last 回収 or 廃棄. */
  recordedBy: z.string().nullable(),
});
export type DistributedCopy = z.infer<typeof distributedCopySchema>;

/** A copy still out, with the meeting it belongs to: what the desk lists. */
export const outstandingCopySchema = distributedCopySchema.extend({
  meetingNo: z.string(),
  heldOn: isoDateSchema,
});
export type OutstandingCopy = z.infer<typeof outstandingCopySchema>;

export const listCopiesInputSchema = z.object({ meetingId: idSchema });

export const markCopyInputSchema = z.object({
  meetingId: idSchema,
  copyNo: z.number().int().min(1),
  /** 'outstanding' takes back a 回収 or 廃棄 recorded by mistake. */
  status: copyStatusSchema,
  /** 回収日 or 廃棄日; empty: today. */
  on: optionalDateInputSchema,
});
export type MarkCopyInput = z.infer<typeof markCopyInputSchema>;
