import { z } from 'zod';
import { consentStateSchema } from '../../domain/consent.js';
import { attendanceSchema } from '../../domain/desk.js';
import { documentKeySchema, formKeySchema } from '../../domain/forms.js';
import { meetingKindSchema, planStatusSchema } from '../../domain/meeting.js';
import {
  dateInputSchema,
  idSchema,
  isoDateSchema,
  optionalDateInputSchema,
  timeInputSchema,
  trimmed,
} from './common.js';

const time = timeInputSchema;

export const attendeeInputSchema = z.object({
  agencyId: idSchema,
  title: trimmed(40),
  personName: trimmed(40),
  /** Rule 3: required when the agency is outside the consent's 範囲 at a 重層的支援会議. */
  scopeReason: trimmed(500),
});

export const meetingInputSchema = z
  .object({
    householdId: idSchema,
    kind: meetingKindSchema,
    meetingNo: trimmed(30).min(1, '会議番号を入力してください'),
    heldOn: dateInputSchema,
    startTime: time,
    endTime: time,
    place: trimmed(100),
    agenda: z.array(trimmed(100).min(1, '空の議事は削除してください')).max(30),
    /** 配布資料 added by hand; the documents Kasane issues (検討シート, 家族構成図) are listed by themselves. */
    handouts: z.array(trimmed(100).min(1)).max(20),
    attendees: z.array(attendeeInputSchema).max(60),
    noticeNumber: trimmed(40).nullable(),
    issuedOn: dateInputSchema,
    replyBy: optionalDateInputSchema,
  })
  .refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, {
    message: '終了時刻は開始時刻より後にしてください',
    path: ['endTime'],
  })
  .refine(
    (m) => new Set(m.attendees.map((a) => `${a.agencyId}\u0000${a.personName}`)).size === m.attendees.length,
    {
      message: '同じ機関の同じ出席者が重複しています',
      path: ['attendees'],
    },
  );
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const planRowInputSchema = z.object({
  /** A saved row keeps its id (its モニタリング refers to it); a new row has none. */
  id: idSchema.optional(),
  target: z.enum(['member', 'crisis', 'other']),
  memberId: idSchema.nullable(),
  goal: trimmed(5000),
  discussion: trimmed(5000),
  nextActions: trimmed(5000),
  roles: trimmed(5000),
});

export const saveMeetingPlanInputSchema = z.object({
  meetingId: idSchema,
  status: planStatusSchema,
  rows: z.array(planRowInputSchema).max(40),
});

export const meetingReasonInputSchema = z.object({
  meetingId: idSchema,
  reason: trimmed(500).min(1, '理由を入力してください（記録に残ります）'),
});

/** What an edit changed that the coordinator should know (kind, scope reasons), in Japanese. */
export const meetingUpdateResultSchema = z.object({ changes: z.array(z.string()) });

export const saveReportInputSchema = z.object({
  meetingId: idSchema,
  reportSections: z
    .array(z.object({ title: trimmed(100).min(1, '見出しを入力してください'), body: trimmed(5000) }))
    .max(20),
  nextReviewOn: optionalDateInputSchema,
  monitoringAgencyIds: z.array(idSchema).max(30),
});

export const meetingSummarySchema = z.object({
  id: idSchema,
  meetingNo: z.string(),
  householdId: idSchema,
  caseNo: z.string(),
  householdLabel: z.string(),
  kind: meetingKindSchema,
  heldOn: isoDateSchema,
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string(),
  attendeeCount: z.number().int(),
  planRowCount: z.number().int(),
  planStatus: planStatusSchema,
  /** What is still missing after the meeting, in Japanese (e.g. 「会議報告（様式4）が未発行」). */
  missing: z.array(z.string()),
  /** 中止 (rule 22): when and why, or null. */
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** 移行データ: imported as a past record; `completing` once the coordinator chose to complete it. */
  migrated: z.enum(['no', 'pastRecord', 'completing']),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  agenda: z.array(z.string()),
  handouts: z.array(z.string()),
  noticeNumber: z.string().nullable(),
  issuedOn: isoDateSchema,
  replyBy: isoDateSchema.nullable(),
  reportSections: z.array(z.object({ title: z.string(), body: z.string() })),
  nextReviewOn: isoDateSchema.nullable(),
  monitoringAgencyIds: z.array(idSchema),
  consentOnDate: consentStateSchema,
  attendees: z.array(
    z.object({
      id: idSchema,
      agencyId: idSchema,
      agencyName: z.string(),
      field: z.string(),
      title: z.string(),
      personName: z.string(),
      inScope: z.boolean(),
      scopeReason: z.string().nullable(),
      attendance: attendanceSchema,
    }),
  ),
  planRows: z.array(
    z.object({
      id: idSchema,
      target: z.enum(['member', 'crisis', 'other']),
      memberId: idSchema.nullable(),
      heading: z.string(),
      goal: z.string(),
      discussion: z.string(),
      nextActions: z.string(),
      roles: z.string(),
    }),
  ),
  /** Weekend or national holiday (a warning, not a refusal). */
  dateWarning: z.string().nullable(),
  /** Documents issued for it (様式, copies): then it can be 中止 but not deleted. */
  issuedDocuments: z.number().int(),
  /** Each withdrawal of the plan's 確定, newest first (rule 18). */
  planUnfinalizations: z.array(
    z.object({ at: z.string(), reason: z.string(), userName: z.string().nullable() }),
  ),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingKindCheckSchema = z.object({
  allowed: z.array(meetingKindSchema),
  /** Why a 重層的支援会議 cannot be held on that date, when it cannot. */
  reason: z.string().nullable(),
  dateWarning: z.string().nullable(),
});

export const purposes = [
  '会議資料として配布',
  '関係機関への送付',
  '事務所内の保管・記録',
  '上司への報告',
  'その他',
] as const;

/** 様式1's 公用文 fields for one issue; empty takes the default (通知番号, today, N 開庁日 before). */
export const noticeChoicesInputSchema = z.object({
  number: z
    .string()
    .transform((t) => t.normalize('NFKC').trim())
    .refine((t) => /^[0-9]{0,10}$/.test(t), '第N号の N を数字で入力してください'),
  issuedOn: optionalDateInputSchema,
  replyBy: optionalDateInputSchema,
});

export const documentPreviewInputSchema = z
  .object({
    /** The meeting the document is for; the 別添資料 may name only its household instead. */
    meetingId: idSchema.optional(),
    householdId: idSchema.optional(),
    /** The 評価シート's 終結 (from the household's history); absent: its latest. */
    evaluationId: idSchema.optional(),
    document: documentKeySchema,
    /** Other 様式 printed with it: numbered copies of all of them share one 配布番号 per recipient. */
    together: z.array(formKeySchema).max(4),
    names: z.enum(['real', 'masked']),
    /** Rule 4: real names in a 支援会議 document need a reason. */
    namesReason: trimmed(500),
    copies: z.number().int().min(1, '部数は1以上にしてください').max(60, '部数は60部までです'),
    /** 様式1 as one file per addressee. */
    perAgency: z.boolean(),
    notice: noticeChoicesInputSchema,
  })
  .refine(
    (v) =>
      v.document === 'evaluation' ||
      v.meetingId !== undefined ||
      (v.document === 'genogram' && v.householdId !== undefined),
    { message: '会議を選んでください', path: ['meetingId'] },
  )
  .refine((v) => v.document !== 'evaluation' || (v.householdId !== undefined && v.meetingId === undefined), {
    message: '評価シートは世帯から出します',
    path: ['householdId'],
  })
  .refine((v) => (v.document !== 'genogram' && v.document !== 'evaluation') || v.together.length === 0, {
    message: '家族構成図・評価シートは様式と一緒には出せません',
    path: ['together'],
  });

export const documentIssueInputSchema = z
  .object({
    previewId: idSchema,
    action: z.enum(['save', 'openInWord']),
    purpose: z.enum(purposes, { message: '目的を選んでください' }),
    purposeNote: trimmed(500),
    /** The person saw the 159条 warning in the confirmation and ticked it. */
    warningAcknowledged: z.literal(true, { message: '守秘義務の警告を確認してください' }),
  })
  .refine((v) => v.purpose !== 'その他' || v.purposeNote.length > 0, {
    message: '「その他」の場合は目的を具体的に入力してください',
    path: ['purposeNote'],
  });
