import { z } from 'zod';
import { trimmed } from './common.js';
import { purposes } from './meetings.js';

/** Fiscal years are the 西暦 year in which the 年度 starts (令和6年度 = 2024). */
export const fiscalYearsSchema = z
  .array(z.number().int().min(2000).max(2100))
  .min(1, '年度を選んでください')
  .max(10, '一度に選べる年度は10までです')
  .transform((years) => [...new Set(years)].sort((a, b) => a - b));

export const thresholdSchema = z
  .number()
  .int('整数で指定してください')
  .min(3, '秘匿の基準は3以上にしてください（ドメインルール12）')
  .max(100);

export const statisticsInputSchema = z.object({
  fiscalYears: fiscalYearsSchema,
  /** Omitted: the office setting. */
  threshold: thresholdSchema.optional(),
});

/** A count, or 「＊」 when suppressed (rule 12). */
export const cellSchema = z.union([z.number().int(), z.literal('＊')]);
export type Cell = z.infer<typeof cellSchema>;

export const statisticsRowSchema = z.object({ label: z.string(), values: z.record(z.string(), cellSchema) });
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

export const statisticsSchema = z.object({
  fiscalYears: z.array(z.number().int()),
  threshold: z.number().int(),
  main: z.array(z.object({ item: z.string(), values: z.record(z.string(), cellSchema) })),
  breakdowns: z.record(z.string(), z.array(statisticsRowSchema)),
  suppression: z.object({ primary: z.number().int(), secondary: z.number().int(), explanation: z.string() }),
});
export type Statistics = z.infer<typeof statisticsSchema>;

export const statisticsExportInputSchema = z
  .object({
    fiscalYears: fiscalYearsSchema,
    threshold: thresholdSchema.optional(),
    format: z.enum(['csv', 'xlsx', 'docx']),
    purpose: z.enum(purposes, { message: '目的を選んでください' }),
    purposeNote: trimmed(500),
    warningAcknowledged: z.literal(true, { message: '守秘義務の警告を確認してください' }),
  })
  .refine((v) => v.purpose !== 'その他' || v.purposeNote.length > 0, {
    message: '「その他」の場合は目的を具体的に入力してください',
    path: ['purposeNote'],
  });
