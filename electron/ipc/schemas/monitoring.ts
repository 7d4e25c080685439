import { z } from 'zod';
import { meetingKindSchema } from '../../domain/meeting.js';
import { achievementSchema, monitoringStatusSchema } from '../../domain/monitoring.js';
import { dateInputSchema, idSchema, isoDateSchema, trimmed } from './common.js';

export const monitoringInputSchema = z.object({
  planRowId: idSchema,
  checkedOn: dateInputSchema,
  status: monitoringStatusSchema,
  note: trimmed(2000),
  /** The agency that reported it; null when the coordinator checked it. */
  agencyId: idSchema.nullable(),
});

export const monitoringEntrySchema = z.object({
  id: idSchema,
  checkedOn: isoDateSchema,
  status: monitoringStatusSchema,
  note: z.string(),
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
});
export type MonitoringEntry = z.infer<typeof monitoringEntrySchema>;

/** The household's current plan (the latest 確定 one), each row with its モニタリング newest first. */
export const currentPlanSchema = z
  .object({
    meetingId: idSchema,
    meetingNo: z.string(),
    heldOn: isoDateSchema,
    nextReviewOn: isoDateSchema.nullable(),
    rows: z.array(
      z.object({
        id: idSchema,
        heading: z.string(),
        goal: z.string(),
        nextActions: z.string(),
        roles: z.string(),
        entries: z.array(monitoringEntrySchema),
      }),
    ),
  })
  .nullable();
export type CurrentPlan = z.infer<typeof currentPlanSchema>;

export const evaluationSchema = z.object({
  id: idSchema,
  meetingNo: z.string().nullable(),
  /** The kind of the meeting whose plan was evaluated: a 支援会議's prints by label (rule 4). */
  meetingKind: meetingKindSchema.nullable(),
  closedOn: isoDateSchema,
  closeReason: z.string(),
  handoverAgencyName: z.string().nullable(),
  /** The 終結 it was recorded with was later taken back (取消), or the household was reopened since. */
  closingVoided: z.boolean(),
  reopenedOn: isoDateSchema.nullable(),
  createdAt: z.string(),
  rows: z.array(
    z.object({
      heading: z.string(),
      goal: z.string(),
      progress: z.string(),
      achievement: achievementSchema,
      comment: z.string(),
    }),
  ),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
