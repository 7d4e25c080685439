import { z } from 'zod';
import { attendanceSchema } from '../domain/desk.js';
import { monitoringStatusSchema } from '../domain/monitoring.js';
import type { Channel } from './channels.js';
import type { ErrorCode } from './errors.js';
import { agencyInputSchema, agencySchema } from './schemas/agencies.js';
import { dateInputSchema, idSchema, isoDateSchema, trimmed as trimmedText } from './schemas/common.js';
import { distributedCopySchema, listCopiesInputSchema, markCopyInputSchema } from './schemas/copies.js';
import { voidRecordInputSchema } from './schemas/corrections.js';
import { deskInputSchema, deskSchema } from './schemas/desk.js';
import {
  ecoMapTieSchema,
  familySchema,
  relationSchema,
  saveRelationsInputSchema,
  saveTieInputSchema,
} from './schemas/family.js';
import {
  consentCorrectionInputSchema,
  consentInputSchema,
  consentWithdrawalInputSchema,
  householdDetailSchema,
  householdInputSchema,
  householdListInputSchema,
  householdSummarySchema,
  memberSchema,
  progressNoteCorrectionSchema,
  progressNoteInputSchema,
  progressNoteSchema,
  saveMembersInputSchema,
  statusChangeCorrectionInputSchema,
  statusChangeInputSchema,
  statusChangeVoidInputSchema,
} from './schemas/households.js';
import { importFilesSchema, importReportSchema } from './schemas/imports.js';
import { cancelJobInputSchema, type JobProgress } from './schemas/jobs.js';
import {
  caseRecordExportInputSchema,
  documentPreviewSchema,
  householdListExportInputSchema,
  meetingListExportInputSchema,
} from './schemas/lists.js';
import {
  documentIssueInputSchema,
  documentPreviewInputSchema,
  meetingDetailSchema,
  meetingInputSchema,
  meetingKindCheckSchema,
  meetingReasonInputSchema,
  meetingSummarySchema,
  meetingUpdateResultSchema,
  saveMeetingPlanInputSchema,
  saveReportInputSchema,
} from './schemas/meetings.js';
import { currentPlanSchema, evaluationSchema, monitoringInputSchema } from './schemas/monitoring.js';
import { type OfficeSettings, officeSettingsSchema } from './schemas/settings.js';
import {
  statisticsExportInputSchema,
  statisticsInputSchema,
  statisticsSchema,
} from './schemas/statistics.js';

export type { Channel, OfficeSettings };
export { officeSettingsSchema };

/**
 * The IPC contract: every channel once, with its input schema, output schema and who may call it.
 * Main registers handlers from it, the preload exposes it, the harness serves it, the renderer is
 * typed from it. Types come from the schemas (z.infer), never written twice.
 *
 * access: 'public' — before unlock; 'unlocked' — a user is signed in (no case data);
 *         'acknowledged' — signed in and today's 159条 warning acknowledged (everything else).
 */

const trimmed = (max: number) => z.string().trim().max(max, `${max}文字以内で入力してください`);
export const passphraseSchema = z
  .string()
  .min(12, 'パスフレーズは12文字以上にしてください')
  .max(1024, 'パスフレーズが長すぎます');
export const userNameSchema = trimmed(40).min(1, '利用者名を入力してください');
const noInput = z.object({}).strict();

export const vaultStateSchema = z.enum(['uninitialized', 'locked', 'recovery', 'unlocked', 'recordsLost']);

const auditPointSchema = z.object({ id: z.number().int(), kind: z.string(), at: z.string() });
/** Why the database cannot be trusted to hold every committed record (issue 11, anchor.ts). */
export const recordsLostSchema = z.object({
  reason: z.enum(['behind', 'diverged', 'anchorMissing', 'anchorDamaged']),
  message: z.string(),
  /** The newest audit event the anchor vouches for. */
  lastConfirmed: auditPointSchema.nullable(),
  /** The newest audit event the database holds now. */
  found: auditPointSchema.nullable(),
  commitsExpected: z.number().int().nullable(),
  commitsFound: z.number().int(),
});
export type RecordsLostStatus = z.infer<typeof recordsLostSchema>;

export const vaultStatusSchema = z.object({
  state: vaultStateSchema,
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  needsAcknowledgement: z.boolean(),
  /** Seconds before the next unlock attempt is accepted (back-off after repeated failures). */
  backoffSeconds: z.number().int().min(0),
  autoLockMinutes: z.number().int(),
  /** Only in state 'recovery': whose passphrase is being reset. */
  recoveryUsers: z.array(z.object({ id: z.string(), name: z.string() })),
  /** In state 'locked': more than one user, so unlock asks who is unlocking. */
  userNameRequired: z.boolean(),
  /** Only in state 'recordsLost': what was lost; nothing is written until restore or acceptance. */
  recordsLost: recordsLostSchema.nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const auditKinds = [
  'vault.initialized',
  'unlock',
  'unlock.failed',
  'unlock.recovery',
  'unlock.failuresMissing',
  'records.lossAccepted',
  'keyslots.changeResumed',
  'keyslots.replaced',
  'lock',
  'acknowledgement',
  'user.added',
  'user.passphraseChanged',
  'recoveryCode.reissued',
  'settings.changed',
  'audit.verified',
  'backup.created',
  'backup.restored',
  'household.viewed',
  'household.created',
  'household.updated',
  'members.saved',
  'relations.saved',
  'ecoMap.tieSaved',
  'household.statusChanged',
  'consent.added',
  'consent.withdrawn',
  'progressNote.added',
  'progressNote.updated',
  'agency.saved',
  'agency.retired',
  'agency.deleted',
  'issueTag.added',
  'issueTag.retired',
  'import.completed',
  'import.cancelled',
  'template.saved',
  'meeting.created',
  'meeting.updated',
  'meeting.viewed',
  'meeting.scopeException',
  'plan.saved',
  'report.saved',
  'document.issued',
  'meeting.cancelled',
  'meeting.deleted',
  'plan.unfinalized',
  'monitoring.added',
  'attendance.recorded',
  'consent.writtenNoted',
  'record.voided',
  'record.corrected',
  'copy.collected',
  'copy.destroyed',
  'copy.reopened',
] as const;
export const auditKindSchema = z.enum(auditKinds);
export type AuditKind = z.infer<typeof auditKindSchema>;

/** Ids, kinds and counts only: the log never holds names or case text. */
export const auditDetailSchema = z.record(
  z.string(),
  z.union([z.string().max(200), z.number(), z.boolean(), z.null(), z.array(z.string().max(100))]),
);
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  kind: auditKindSchema,
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: auditDetailSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), kind: z.string(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditListInputSchema = z.object({
  kind: auditKindSchema.optional(),
  userId: z.string().uuid().optional(),
  /** 日時 order of the whole log (the chain's order): newest first (absent), or oldest first. */
  order: z.enum(['newest', 'oldest']).optional(),
  /** The next page: events before this one (newest first) or after it (oldest first). */
  beforeId: z.number().int().positive().optional(),
  afterId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** false: the events only, no verification (ホーム's count of failed unlocks shows no banner). Absent: true. */
  verify: z.boolean().optional(),
});
export type AuditListInput = z.infer<typeof auditListInputSchema>;

export const legalTextSchema = z.object({
  textId: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  title: z.string(),
  body: z.string(),
});

const userSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

type Access = 'public' | 'unlocked' | 'acknowledged';
interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
}

export const contract = {
  'vault.status': { input: noInput, output: vaultStatusSchema, access: 'public' },
  'vault.setup': {
    input: z
      .object({ userName: userNameSchema, passphrase: passphraseSchema, passphraseConfirm: z.string() })
      .refine((v) => v.passphrase === v.passphraseConfirm, {
        message: '確認用のパスフレーズが一致しません',
        path: ['passphraseConfirm'],
      }),
    output: z.object({ recoveryCode: z.string(), status: vaultStatusSchema }),
    access: 'public',
  },
  'vault.unlock': {
    input: z.object({
      /** Who is unlocking; may be left out when only one user is registered. */
      userName: z.string().trim().max(40, '40文字以内で入力してください').optional(),
      passphrase: z.string().min(1, 'パスフレーズを入力してください').max(1024),
    }),
    output: vaultStatusSchema,
    access: 'public',
  },
  'vault.acceptRecordsLoss': {
    input: z.object({ confirm: z.literal(true) }),
    output: vaultStatusSchema,
    access: 'public',
  },
  'vault.unlockWithRecoveryCode': {
    input: z.object({ recoveryCode: z.string().min(1, '回復コードを入力してください').max(200) }),
    output: vaultStatusSchema,
    access: 'public',
  },
  'vault.completeRecovery': {
    input: z
      .object({
        userId: z.string().uuid(),
        newPassphrase: passphraseSchema,
        newPassphraseConfirm: z.string(),
      })
      .refine((v) => v.newPassphrase === v.newPassphraseConfirm, {
        message: '確認用のパスフレーズが一致しません',
        path: ['newPassphraseConfirm'],
      }),
    output: z.object({ recoveryCode: z.string(), status: vaultStatusSchema }),
    access: 'public',
  },
  'vault.lock': { input: noInput, output: vaultStatusSchema, access: 'public' },
  'legal.confidentialityWarning': { input: noInput, output: legalTextSchema, access: 'public' },
  'acknowledgement.acknowledge': {
    input: z.object({ textVersion: z.string().min(1).max(40) }),
    output: vaultStatusSchema,
    access: 'unlocked',
  },
  'users.list': { input: noInput, output: z.array(userSchema), access: 'acknowledged' },
  'users.add': {
    input: z
      .object({ name: userNameSchema, passphrase: passphraseSchema, passphraseConfirm: z.string() })
      .refine((v) => v.passphrase === v.passphraseConfirm, {
        message: '確認用のパスフレーズが一致しません',
        path: ['passphraseConfirm'],
      }),
    output: userSchema,
    access: 'acknowledged',
  },
  'users.changePassphrase': {
    input: z
      .object({
        currentPassphrase: z.string().min(1).max(1024),
        newPassphrase: passphraseSchema,
        newPassphraseConfirm: z.string(),
      })
      .refine((v) => v.newPassphrase === v.newPassphraseConfirm, {
        message: '確認用のパスフレーズが一致しません',
        path: ['newPassphraseConfirm'],
      }),
    output: z.object({ changed: z.literal(true) }),
    access: 'acknowledged',
  },
  // Office settings hold no case data; the set-up wizard edits them before the first acknowledgement.
  'settings.get': { input: noInput, output: officeSettingsSchema, access: 'unlocked' },
  'settings.save': { input: officeSettingsSchema, output: officeSettingsSchema, access: 'unlocked' },
  'audit.list': {
    input: auditListInputSchema,
    output: z.object({
      /** The whole chain's verification, on the first page only: pages after it (beforeId, afterId) only read. */
      verification: auditVerificationSchema.nullable(),
      events: z.array(auditEventSchema),
    }),
    access: 'acknowledged',
  },
  'legal.unconsentedBanner': {
    input: noInput,
    output: z.object({ version: z.string(), text: z.string() }),
    access: 'acknowledged',
  },
  'desk.get': { input: deskInputSchema, output: deskSchema, access: 'acknowledged' },
  'monitoring.currentPlan': {
    input: z.object({ householdId: idSchema }),
    output: currentPlanSchema,
    access: 'acknowledged',
  },
  'monitoring.add': {
    input: monitoringInputSchema,
    output: z.object({ id: idSchema, householdId: idSchema }),
    access: 'acknowledged',
  },
  'evaluations.draft': {
    input: z.object({ householdId: idSchema }),
    output: z.object({
      meetingId: idSchema.nullable(),
      meetingNo: z.string().nullable(),
      rows: z.array(
        z.object({
          planRowId: idSchema,
          heading: z.string(),
          goal: z.string(),
          progress: z.string(),
          latestStatus: monitoringStatusSchema.nullable(),
        }),
      ),
    }),
    access: 'acknowledged',
  },
  'evaluations.list': {
    input: z.object({ householdId: idSchema }),
    output: z.array(evaluationSchema),
    access: 'acknowledged',
  },
  'backup.create': {
    input: noInput,
    output: z.object({ saved: z.boolean(), name: z.string().nullable() }),
    access: 'acknowledged',
  },
  'meetings.setAttendance': {
    input: z.object({ meetingId: idSchema, attendeeId: idSchema, attendance: attendanceSchema }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'consents.noteWritten': {
    input: z.object({ consentId: idSchema, writtenOn: dateInputSchema }),
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'backup.history': {
    input: noInput,
    output: z.array(
      z.object({ at: z.string(), userName: z.string().nullable(), via: z.enum(['app', 'cli']) }),
    ),
    access: 'acknowledged',
  },
  'households.list': {
    input: householdListInputSchema,
    output: z.array(householdSummarySchema),
    access: 'acknowledged',
  },
  'households.get': {
    input: z.object({ id: idSchema }),
    output: householdDetailSchema,
    access: 'acknowledged',
  },
  'households.create': {
    input: householdInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'households.update': {
    input: z.object({ id: idSchema, household: householdInputSchema }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'households.saveMembers': {
    input: saveMembersInputSchema,
    output: z.array(memberSchema),
    access: 'acknowledged',
  },
  'households.voidMember': {
    input: voidRecordInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'households.changeStatus': {
    input: statusChangeInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'households.voidStatusChange': {
    input: statusChangeVoidInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'households.correctStatusChange': {
    input: statusChangeCorrectionInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'households.suggestCaseNo': {
    input: noInput,
    output: z.object({ caseNo: z.string() }),
    access: 'acknowledged',
  },
  'family.get': {
    input: z.object({ householdId: idSchema }),
    output: familySchema,
    access: 'acknowledged',
  },
  'family.saveRelations': {
    input: saveRelationsInputSchema,
    output: z.array(relationSchema),
    access: 'acknowledged',
  },
  'family.saveTie': {
    input: saveTieInputSchema,
    output: z.array(ecoMapTieSchema),
    access: 'acknowledged',
  },
  'consents.add': {
    input: consentInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'consents.withdraw': {
    input: consentWithdrawalInputSchema,
    output: z.object({ consentId: idSchema }),
    access: 'acknowledged',
  },
  'consents.void': {
    input: voidRecordInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'consents.correct': {
    input: consentCorrectionInputSchema,
    output: z.object({ householdId: idSchema }),
    access: 'acknowledged',
  },
  'progressNotes.list': {
    input: z.object({ householdId: idSchema }),
    output: z.array(progressNoteSchema),
    access: 'acknowledged',
  },
  'progressNotes.save': {
    input: progressNoteInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'progressNotes.search': {
    input: z.object({
      query: z.string().max(100),
      householdId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(
      z.object({
        noteId: idSchema,
        householdId: idSchema,
        caseNo: z.string(),
        householdLabel: z.string(),
        notedOn: isoDateSchema,
        content: z.string(),
        nextPlan: z.string(),
      }),
    ),
    access: 'acknowledged',
  },
  'progressNotes.history': {
    input: z.object({ noteId: idSchema }),
    output: z.array(progressNoteCorrectionSchema),
    access: 'acknowledged',
  },
  'progressNotes.void': {
    input: voidRecordInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'agencies.list': {
    input: z.object({ includeRetired: z.boolean().default(false) }),
    output: z.array(agencySchema),
    access: 'acknowledged',
  },
  'agencies.save': { input: agencyInputSchema, output: z.object({ id: idSchema }), access: 'acknowledged' },
  'agencies.setRetired': {
    input: z.object({ id: idSchema, retired: z.boolean() }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'agencies.delete': {
    input: z.object({ id: idSchema }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'issueTags.list': {
    input: noInput,
    output: z.array(z.object({ name: z.string(), retired: z.boolean() })),
    access: 'acknowledged',
  },
  'issueTags.add': {
    input: z.object({ name: trimmedText(40).min(1, '課題名を入力してください') }),
    output: z.object({ name: z.string() }),
    access: 'acknowledged',
  },
  'issueTags.retire': {
    input: z.object({ name: z.string().min(1).max(40) }),
    output: z.object({ name: z.string() }),
    access: 'acknowledged',
  },
  'imports.preview': { input: importFilesSchema, output: importReportSchema, access: 'acknowledged' },
  'imports.run': { input: importFilesSchema, output: importReportSchema, access: 'acknowledged' },
  'imports.saveTemplate': {
    input: noInput,
    output: z.object({ saved: z.boolean(), fileName: z.string() }),
    access: 'acknowledged',
  },
  'meetings.list': {
    input: z.object({
      householdId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(meetingSummarySchema),
    access: 'acknowledged',
  },
  'meetings.get': { input: z.object({ id: idSchema }), output: meetingDetailSchema, access: 'acknowledged' },
  'meetings.checkKind': {
    input: z.object({ householdId: idSchema, heldOn: dateInputSchema }),
    output: meetingKindCheckSchema,
    access: 'acknowledged',
  },
  'meetings.defaults': {
    input: z.object({ householdId: idSchema }),
    output: z.object({
      meetingNo: z.string(),
      /** The household's latest meeting not 中止: a second meeting starts from its time, place and attendees. */
      previous: z
        .object({
          meetingNo: z.string(),
          startTime: z.string().nullable(),
          endTime: z.string().nullable(),
          place: z.string(),
          attendees: z.array(z.object({ agencyId: idSchema, title: z.string(), personName: z.string() })),
        })
        .nullable(),
    }),
    access: 'acknowledged',
  },
  'meetings.create': {
    input: meetingInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.update': {
    input: z.object({ id: idSchema, meeting: meetingInputSchema }),
    output: z.object({ id: idSchema }).merge(meetingUpdateResultSchema),
    access: 'acknowledged',
  },
  'meetings.cancel': {
    input: meetingReasonInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.delete': {
    input: z.object({ meetingId: idSchema }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.completeMigrated': {
    input: z.object({ meetingId: idSchema }),
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.unfinalizePlan': {
    input: meetingReasonInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.savePlan': {
    input: saveMeetingPlanInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'meetings.saveReport': {
    input: saveReportInputSchema,
    output: z.object({ id: idSchema }),
    access: 'acknowledged',
  },
  'documents.preview': {
    input: documentPreviewInputSchema,
    output: documentPreviewSchema,
    access: 'acknowledged',
  },
  'documents.householdList': {
    input: householdListExportInputSchema,
    output: documentPreviewSchema,
    access: 'acknowledged',
  },
  'documents.meetingList': {
    input: meetingListExportInputSchema,
    output: documentPreviewSchema,
    access: 'acknowledged',
  },
  'documents.caseRecord': {
    input: caseRecordExportInputSchema,
    output: documentPreviewSchema,
    access: 'acknowledged',
  },
  'documents.issue': {
    input: documentIssueInputSchema,
    output: z.object({ done: z.boolean(), fileNames: z.array(z.string()) }),
    access: 'acknowledged',
  },
  'copies.list': {
    input: listCopiesInputSchema,
    output: z.array(distributedCopySchema),
    access: 'acknowledged',
  },
  'copies.mark': {
    input: markCopyInputSchema,
    output: distributedCopySchema,
    access: 'acknowledged',
  },
  'statistics.years': {
    input: noInput,
    output: z.object({ years: z.array(z.number().int()), current: z.number().int() }),
    access: 'acknowledged',
  },
  'statistics.compute': { input: statisticsInputSchema, output: statisticsSchema, access: 'acknowledged' },
  'statistics.export': {
    input: statisticsExportInputSchema,
    output: z.object({ saved: z.boolean(), fileNames: z.array(z.string()) }),
    access: 'acknowledged',
  },
  'jobs.cancel': {
    input: cancelJobInputSchema,
    output: z.object({ cancelled: z.boolean() }),
    access: 'acknowledged',
  },
} as const satisfies Record<Channel, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** What crosses the IPC edge: a value, or a Japanese message with a code — never a stack trace. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string>;
      details?: Record<string, unknown>;
    };

/** `window.kasane` as the renderer sees it. */
export type KasaneApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  /** Main tells the renderer the vault was locked (idle, suspend, screen lock, Ctrl+L elsewhere). */
  onLocked(listener: (reason: string) => void): () => void;
  /** A long job's progress; the renderer parses each event with jobProgressSchema before using it. */
  onProgress(listener: (progress: unknown) => void): () => void;
};
export type { JobProgress };
