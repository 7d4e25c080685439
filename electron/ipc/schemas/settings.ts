import { z } from 'zod';
import { trimmed } from './common.js';

/**
 * 事務所の設定. Its own module: the services read it on every open of the store, and evaluating the
 * whole contract's schemas for that cost the admin CLI about a third of its start-up.
 */
export const officeSettingsSchema = z.object({
  municipalityName: trimmed(40).min(1, '自治体名を入力してください'),
  departmentName: trimmed(60).min(1, '部課名を入力してください'),
  senderTitle: trimmed(60).min(1, '発信者職名を入力してください'),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9０-９\-－()（） ]*$/, '電話番号は数字とハイフンで入力してください'),
  email: z.union([z.literal(''), z.string().trim().email('メールアドレスの形式が正しくありません').max(120)]),
  documentNumberPrefix: trimmed(30),
  /** 様式1's 公用文 style: 「〇〇第N号」 from the 課長 (公印省略), or 「事務連絡」 from the 課 and its 担当. */
  noticeStyle: z.enum(['numbered', 'officeMemo'], { message: '通知の様式を選んでください' }),
  /** The default 回答期限 of a notice: this many 開庁日 before the meeting. */
  replyBusinessDays: z
    .number({ message: '回答期限の日数を入力してください' })
    .int('整数で入力してください')
    .min(1, '1日以上にしてください')
    .max(20, '20日以下にしてください'),
  addresseeHonorific: z.enum(['様', '殿']),
  meetingLabels: z.object({
    consented: trimmed(30).min(1, '会議名称を入力してください'),
    unconsented: trimmed(30).min(1, '会議名称を入力してください'),
  }),
  autoLockMinutes: z
    .number({ message: '自動ロックまでの分数を入力してください' })
    .int('整数で入力してください')
    .min(1, '1分以上にしてください')
    .max(60, '60分以下にしてください'),
  /** Rule 12: counts from 1 to this − 1 print as ＊ in anonymous statistics (never below 3). */
  statisticsThreshold: z
    .number({ message: '秘匿の基準を入力してください' })
    .int('整数で入力してください')
    .min(3, '秘匿の基準は3以上にしてください')
    .max(100, '100以下にしてください'),
  /** 家族構成図: the deceased crossed out (×) or filled in, as the office draws them. */
  deceasedMark: z.enum(['cross', 'filled']),
  /** ホーム: meetings this many days ahead are listed with what they still lack. */
  upcomingMeetingDays: z
    .number({ message: '日数を入力してください' })
    .int('整数で入力してください')
    .min(1, '1日以上にしてください')
    .max(90, '90日以下にしてください'),
  /** ホーム: a household 支援中 with no 支援経過 and no meeting for this many days is listed. */
  quietHouseholdDays: z
    .number({ message: '日数を入力してください' })
    .int('整数で入力してください')
    .min(7, '7日以上にしてください')
    .max(365, '365日以下にしてください'),
  /** ホーム: reminds when the last backup is older than this many days. */
  backupReminderDays: z
    .number({ message: '日数を入力してください' })
    .int('整数で入力してください')
    .min(1, '1日以上にしてください')
    .max(90, '90日以下にしてください'),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;
