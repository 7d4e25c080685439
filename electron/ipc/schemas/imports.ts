import { z } from 'zod';

/** Files the coordinator picked: an .xlsx, or CSV files named after the sheets (世帯.csv, …). */
export const importFilesSchema = z.object({
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(255),
        /** File bytes, base64 (the same over Electron IPC and the test harness). */
        base64: z.string().max(30 * 1024 * 1024, 'ファイルが大きすぎます（20MB まで）'),
      }),
    )
    .min(1, 'ファイルを選んでください')
    .max(10),
});
export type ImportFiles = z.infer<typeof importFilesSchema>;

export const importCountsSchema = z.object({
  households: z.number().int(),
  members: z.number().int(),
  /** 家族関係 (lines of the 家族構成図). */
  relations: z.number().int(),
  consents: z.number().int(),
  agenciesAdded: z.number().int(),
  meetings: z.number().int(),
  attendees: z.number().int(),
  planRows: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** Every problem at once, each as 「シート名 行N 列名: 理由」. */
export const importReportSchema = z.object({
  ok: z.boolean(),
  counts: importCountsSchema,
  errors: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;
