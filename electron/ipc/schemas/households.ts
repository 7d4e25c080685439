import { z } from 'zod';
import {
  consentMethodSchema,
  consentStateSchema,
  recordedConsentMethodSchema,
} from '../../domain/consent.js';
import { parseJapaneseDate, parseJapaneseYear } from '../../domain/dates.js';
import { householdListSorts, householdStatusSchema, sexSchema, trackSchema } from '../../domain/household.js';
import { achievementSchema } from '../../domain/monitoring.js';
import { contactMeansSchema } from '../../domain/progress-note.js';
import {
  dateInputSchema,
  idSchema,
  isoDateSchema,
  optionalDateInputSchema,
  timeInputSchema,
  trimmed,
} from './common.js';
import { correctionSchemaOf, voidedSchema } from './corrections.js';

export const closeReasons = ['課題解決', '包括的相談支援事業へ戻す', '転出', '死亡', 'その他'] as const;
export const closeReasonSchema = z.enum(closeReasons, { message: '終結理由を選んでください' });

export const caseNoSchema = trimmed(30)
  .min(1, '受付番号を入力してください')
  .regex(/^[^\s]+$/, '受付番号に空白は使えません');

export const householdInputSchema = z.object({
  caseNo: caseNoSchema,
  receivedOn: dateInputSchema,
  label: trimmed(60).min(1, '表示名を入力してください'),
  referralAgencyId: idSchema.nullable(),
  issues: z.array(z.string().max(40)).max(30),
  note: trimmed(5000),
});
export type HouseholdInput = z.infer<typeof householdInputSchema>;

/** 死亡の日付または年: 「令和2年5月1日」 → a date, 「令和2年」「2020」 → a year, empty → neither. */
export const deathTextSchema = z
  .string()
  .transform((text, ctx): { date: string | null; year: number | null } => {
    if (text.trim() === '') return { date: null, year: null };
    const date = parseJapaneseDate(text);
    if (date) return { date, year: Number(date.slice(0, 4)) };
    const year = parseJapaneseYear(text);
    if (year !== null && year >= 1900) return { date: null, year };
    ctx.addIssue({
      code: 'custom',
      message: '亡くなった日か年を入力してください（例: 令和2年5月1日、令和2年、2020）',
    });
    return z.NEVER;
  });

/** One member's fields, each checked on its own (the import reads its columns with these). */
export const memberFieldsSchema = z.object({
  id: idSchema.optional(),
  name: trimmed(60).min(1, '氏名を入力してください'),
  kana: trimmed(80).regex(
    /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s　]*$/u,
    'ふりがなはひらがなかカタカナで入力してください',
  ),
  relationship: trimmed(20),
  birthDate: optionalDateInputSchema,
  sex: sexSchema,
  isPrincipal: z.boolean(),
  /** 同居: relatives drawn on the 家族構成図 who live elsewhere have false. */
  livesInHousehold: z.boolean().default(true),
  deceased: z.boolean().default(false),
  /** When 死亡: the date or only the year, if known; as typed, or already read (a form sends it so). */
  death: z
    .union([
      deathTextSchema,
      z.object({ date: isoDateSchema.nullable(), year: z.number().int().min(1900).max(2100).nullable() }),
    ])
    .default({ date: null, year: null }),
  isKeyPerson: z.boolean().default(false),
});

/** A member as saved: 亡くなった方 are not 同居, 本人 is alive, death not before birth. */
export const memberInputSchema = memberFieldsSchema
  .superRefine((m, ctx) => {
    if (m.deceased && m.livesInHousehold)
      ctx.addIssue({
        code: 'custom',
        path: ['livesInHousehold'],
        message: '亡くなった方は同居にできません',
      });
    if (m.deceased && m.isPrincipal)
      ctx.addIssue({ code: 'custom', path: ['deceased'], message: '本人を死亡にはできません' });
    const died = m.deceased ? m.death : { date: null, year: null };
    if (m.birthDate && died.year !== null && (died.date ?? `${died.year}-12-31`) < m.birthDate)
      ctx.addIssue({
        code: 'custom',
        path: ['death'],
        message: '亡くなった日が生年月日より前になっています',
      });
  })
  .transform((m) =>
    m.deceased ? m : { ...m, death: { date: null as string | null, year: null as number | null } },
  );
export type MemberInput = z.infer<typeof memberInputSchema>;

export const saveMembersInputSchema = z.object({
  householdId: idSchema,
  /** Rule 18: why a registered member's facts change (the service asks only when one does). */
  reason: trimmed(500).optional(),
  /** In display order: labels A, B, C… follow this order. */
  members: z
    .array(memberInputSchema)
    .max(26, '世帯員は26人までです')
    .refine((ms) => ms.filter((m) => m.isPrincipal).length <= 1, { message: '本人は世帯に1人だけです' }),
});

export const memberSchema = z.object({
  id: idSchema,
  label: z.string(),
  name: z.string(),
  kana: z.string(),
  relationship: z.string(),
  birthDate: isoDateSchema.nullable(),
  sex: sexSchema,
  isPrincipal: z.boolean(),
  livesInHousehold: z.boolean(),
  deceased: z.boolean(),
  deathDate: isoDateSchema.nullable(),
  deathYear: z.number().int().nullable(),
  isKeyPerson: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

/** A member as it was before a 訂正 or 取消 (rule 18). */
export const memberVersionSchema = memberSchema.omit({ id: true });
export const memberCorrectionSchema = correctionSchemaOf(memberVersionSchema);
/** As the household detail shows a member: with the history of its 訂正 and 取消. */
export const memberDetailSchema = memberSchema.extend({ corrections: z.array(memberCorrectionSchema) });
export type MemberDetail = z.infer<typeof memberDetailSchema>;
export const voidedMemberSchema = memberDetailSchema.extend({
  voided: z.object({ at: z.string(), reason: z.string() }),
});
export type VoidedMember = z.infer<typeof voidedMemberSchema>;

export const consentInputSchema = z.object({
  householdId: idSchema,
  obtainedOn: dateInputSchema,
  method: recordedConsentMethodSchema,
  obtainedBy: trimmed(40).min(1, '取得者を入力してください'),
  allAgencies: z.boolean(),
  agencyIds: z.array(idSchema).max(200),
});

export const consentWithdrawalInputSchema = z.object({
  consentId: idSchema,
  withdrawnOn: dateInputSchema,
  reason: trimmed(500).min(1, '撤回の理由を入力してください'),
});

/** A consent record's facts; 方法 不明 only comes from an imported ledger that did not say. */
export const consentVersionSchema = z.object({
  obtainedOn: isoDateSchema,
  method: consentMethodSchema,
  obtainedBy: z.string(),
  allAgencies: z.boolean(),
  agencyIds: z.array(idSchema),
  withdrawnOn: isoDateSchema.nullable(),
  withdrawReason: z.string().nullable(),
});
export const consentCorrectionSchema = correctionSchemaOf(consentVersionSchema);
export type ConsentCorrection = z.infer<typeof consentCorrectionSchema>;

export const consentRecordSchema = consentVersionSchema.extend({ id: idSchema });
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** As the household detail shows it: voided records stay visible with their history (rule 18). */
export const consentHistorySchema = consentRecordSchema.extend({
  voided: voidedSchema,
  corrections: z.array(consentCorrectionSchema),
  /** Given 口頭: the day its 書面 came in, or null while it has not. */
  writtenOn: isoDateSchema.nullable(),
});
export type ConsentHistory = z.infer<typeof consentHistorySchema>;

/** 訂正 of a consent record: its facts as they should have been, and why. */
export const consentCorrectionInputSchema = z
  .object({
    consentId: idSchema,
    obtainedOn: dateInputSchema,
    method: consentMethodSchema,
    obtainedBy: trimmed(40),
    allAgencies: z.boolean(),
    agencyIds: z.array(idSchema).max(200),
    withdrawnOn: optionalDateInputSchema,
    withdrawReason: trimmed(500),
    reason: trimmed(500).min(1, '訂正の理由を入力してください（履歴に残ります）'),
  })
  .refine((c) => c.withdrawnOn === null || c.withdrawReason !== '', {
    message: '撤回の理由を入力してください',
    path: ['withdrawReason'],
  });

export const statusChangeInputSchema = z.discriminatedUnion('action', [
  z.object({ householdId: idSchema, action: z.literal('start'), on: dateInputSchema }),
  z.object({
    householdId: idSchema,
    action: z.literal('close'),
    on: dateInputSchema,
    reason: closeReasonSchema,
    /** 引継ぎ先 (rule 20): required when the case goes back to 包括的相談支援事業. */
    handoverAgencyId: idSchema.nullable().optional(),
    /** 評価 (rule 20): one per row of the current plan, when the household has one. */
    evaluation: z
      .array(z.object({ planRowId: idSchema, achievement: achievementSchema, comment: trimmed(2000) }))
      .max(40)
      .optional(),
  }),
  z.object({ householdId: idSchema, action: z.literal('reopen'), on: dateInputSchema }),
]);

/** A status change as it was before a 訂正 or 取消 (rule 18). */
export const statusChangeVersionSchema = z.object({
  status: householdStatusSchema,
  on: isoDateSchema,
  reason: z.string().nullable(),
});

/** One entry of a household's status history as the detail shows it (voided ones included). */
export const statusChangeRecordSchema = z.object({
  id: z.number().int(),
  action: z.enum(['received', 'start', 'close', 'reopen']),
  status: householdStatusSchema,
  on: isoDateSchema,
  closeReason: z.string().nullable(),
  voided: voidedSchema,
  corrections: z.array(correctionSchemaOf(statusChangeVersionSchema)),
});
export type StatusChangeRecord = z.infer<typeof statusChangeRecordSchema>;

export const statusChangeVoidInputSchema = z.object({
  id: z.number().int().positive(),
  reason: trimmed(500).min(1, '取消の理由を入力してください（履歴に残ります）'),
});

export const statusChangeCorrectionInputSchema = z.object({
  id: z.number().int().positive(),
  on: dateInputSchema,
  /** Only for a 終結. */
  closeReason: closeReasonSchema.optional(),
  reason: trimmed(500).min(1, '訂正の理由を入力してください（履歴に残ります）'),
});

export const householdListSortSchema = z.enum(householdListSorts);

export const householdListInputSchema = z.object({
  query: z.string().max(100).default(''),
  track: trackSchema.optional(),
  status: householdStatusSchema.optional(),
  issue: z.string().max(40).optional(),
  fiscalYear: z.number().int().min(2000).max(2100).optional(),
  /** The column the whole list is ordered by, before it is cut to `limit` (受付番号, ふりがな or 受付日). */
  sort: householdListSortSchema.default('receivedOn'),
  /** Absent: the column's usual way (受付日 newest first; ふりがな and 受付番号 from the start). */
  direction: z.enum(['ascending', 'descending']).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type HouseholdListInput = z.infer<typeof householdListInputSchema>;

export const householdSummarySchema = z.object({
  id: idSchema,
  caseNo: z.string(),
  label: z.string(),
  consent: consentStateSchema,
  status: householdStatusSchema,
  issues: z.array(z.string()),
  receivedOn: isoDateSchema,
  lastActivityOn: isoDateSchema,
  /** 世帯員数: those who live in the household (同居), not relatives elsewhere or the deceased. */
  memberCount: z.number().int(),
  /** Another household's 受付番号 is the same after normalisation (kept from round 1, rule 18). */
  caseNoDuplicate: z.boolean(),
});
export type HouseholdSummary = z.infer<typeof householdSummarySchema>;

export const timelineEntrySchema = z.object({
  on: isoDateSchema,
  kind: z.enum(['received', 'consentGranted', 'consentWithdrawn', 'status', 'progressNote']),
  text: z.string(),
});

export const householdDetailSchema = householdSummarySchema.extend({
  track: trackSchema,
  referralAgencyId: idSchema.nullable(),
  note: z.string(),
  closedOn: isoDateSchema.nullable(),
  closeReason: z.string().nullable(),
  members: z.array(memberDetailSchema),
  voidedMembers: z.array(voidedMemberSchema),
  consents: z.array(consentHistorySchema),
  statusHistory: z.array(statusChangeRecordSchema),
  /** Rule 17 problems in a history recorded before it was enforced, for the coordinator to correct. */
  statusProblems: z.array(z.string()),
  timeline: z.array(timelineEntrySchema),
});
export type HouseholdDetail = z.infer<typeof householdDetailSchema>;

export const progressNoteFieldsSchema = z.object({
  /** Present for a 訂正 of an existing entry, which needs `reason` (rule 18). */
  id: idSchema.optional(),
  householdId: idSchema,
  notedOn: dateInputSchema,
  agencyId: idSchema.nullable(),
  staff: trimmed(40),
  /** 手段; null when not recorded (entries written before it was asked). */
  means: contactMeansSchema.nullable().optional(),
  timeFrom: timeInputSchema.optional(),
  timeTo: timeInputSchema.optional(),
  /** The members the entry is about. */
  memberIds: z.array(idSchema).max(26).optional(),
  content: trimmed(5000).min(1, '内容を入力してください'),
  nextPlan: trimmed(1000),
  /** 次回予定日: ホーム lists the household when it comes and nothing was recorded since. */
  nextOn: optionalDateInputSchema.optional(),
  reason: trimmed(500).optional(),
});
export const noteReasonRequired = {
  message: '訂正の理由を入力してください（履歴に残ります）',
  path: ['reason'],
};
type NoteOrder = {
  notedOn: string;
  timeFrom?: string | null;
  timeTo?: string | null;
  nextOn?: string | null;
};
/** The checks between a note's fields, the same in the form and in main. */
export const withNoteOrder = <S extends z.ZodType<NoteOrder>>(schema: S): S =>
  schema
    .refine((n) => !n.timeFrom || !n.timeTo || n.timeTo > n.timeFrom, {
      message: '終わりの時刻は始まりの時刻より後にしてください',
      path: ['timeTo'],
    })
    .refine((n) => !n.nextOn || n.nextOn >= n.notedOn, {
      message: '次回予定日は、この記録の日付以降にしてください',
      path: ['nextOn'],
    });
export const progressNoteInputSchema = withNoteOrder(progressNoteFieldsSchema).refine(
  (n) => !n.id || (n.reason ?? '') !== '',
  noteReasonRequired,
);

/** A 支援経過 entry as it was before a 訂正 or 取消 (rule 18). */
export const progressNoteVersionSchema = z.object({
  notedOn: isoDateSchema,
  agencyId: idSchema.nullable(),
  staff: z.string(),
  content: z.string(),
  nextPlan: z.string(),
  // Versions saved before 支援経過 had structure have none of these.
  means: contactMeansSchema.nullable().default(null),
  timeFrom: z.string().nullable().default(null),
  timeTo: z.string().nullable().default(null),
  memberIds: z.array(idSchema).default([]),
  nextOn: isoDateSchema.nullable().default(null),
});
export const progressNoteCorrectionSchema = correctionSchemaOf(progressNoteVersionSchema);
export type ProgressNoteCorrection = z.infer<typeof progressNoteCorrectionSchema>;

export const progressNoteSchema = z.object({
  id: idSchema,
  notedOn: isoDateSchema,
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  staff: z.string(),
  means: contactMeansSchema.nullable(),
  timeFrom: z.string().nullable(),
  timeTo: z.string().nullable(),
  /** The members concerned, by label (A, B…) in the household's order. */
  members: z.array(z.object({ id: idSchema, label: z.string() })),
  content: z.string(),
  nextPlan: z.string(),
  nextOn: isoDateSchema.nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  voided: voidedSchema,
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;
