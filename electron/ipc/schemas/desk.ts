import { z } from 'zod';
import { preparationGapSchema } from '../../domain/desk.js';
import { meetingKindSchema } from '../../domain/meeting.js';
import { monitoringStatusSchema } from '../../domain/monitoring.js';
import { idSchema, isoDateSchema } from './common.js';

const householdRef = {
  householdId: idSchema,
  caseNo: z.string(),
  householdLabel: z.string(),
};
const meetingRef = {
  ...householdRef,
  meetingId: idSchema,
  meetingNo: z.string(),
  kind: meetingKindSchema,
  date: isoDateSchema,
};

export const deskSchema = z.object({
  asOf: isoDateSchema,
  /** The office's N-days settings the lists were drawn with. */
  window: z.object({
    upcomingMeetingDays: z.number().int(),
    quietHouseholdDays: z.number().int(),
    backupReminderDays: z.number().int(),
  }),
  upcomingMeetings: z.array(
    z.object({
      ...meetingRef,
      startTime: z.string().nullable(),
      endTime: z.string().nullable(),
      replyBy: isoDateSchema.nullable(),
      attendees: z.number().int(),
      unconfirmed: z.number().int(),
      missing: z.array(preparationGapSchema),
    }),
  ),
  reportsMissing: z.array(z.object(meetingRef)),
  plansUnconfirmed: z.array(z.object(meetingRef)),
  reviewsDue: z.array(
    z.object({
      ...householdRef,
      meetingId: idSchema,
      meetingNo: z.string(),
      dueOn: isoDateSchema,
      /** scheduled: the report's 次回見直し予定日; monitoring: a row's latest モニタリング says 見直しが必要. */
      reason: z.enum(['scheduled', 'monitoring']),
      rows: z.array(z.object({ heading: z.string(), status: monitoringStatusSchema.nullable() })),
    }),
  ),
  quietHouseholds: z.array(
    z.object({ ...householdRef, lastActivityOn: isoDateSchema, days: z.number().int() }),
  ),
  /** The latest 支援経過 planned a next contact (次回予定日) that has come, and nothing was recorded since. */
  contactsDue: z.array(
    z.object({
      ...householdRef,
      noteId: idSchema,
      notedOn: isoDateSchema,
      dueOn: isoDateSchema,
      nextPlan: z.string(),
    }),
  ),
  copiesOutstanding: z.array(
    z.object({
      meetingId: idSchema,
      meetingNo: z.string(),
      date: isoDateSchema,
      copyNo: z.number().int(),
      recipient: z.string(),
    }),
  ),
  /** Consent given 口頭, in force, with no 書面 noted yet. */
  oralConsents: z.array(z.object({ ...householdRef, consentId: idSchema, obtainedOn: isoDateSchema })),
  backup: z.object({ lastOn: isoDateSchema.nullable(), due: z.boolean() }),
});
export type Desk = z.infer<typeof deskSchema>;

export const deskInputSchema = z.object({ asOf: isoDateSchema.optional() });
