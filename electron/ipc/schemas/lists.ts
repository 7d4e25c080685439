import { z } from 'zod';
import { idSchema, trimmed } from './common.js';
import { householdListInputSchema } from './households.js';

/**
 * Lists that leave through the 159条 gate (issue 13 point 6): 世帯一覧, 会議一覧 and a household's
 * ケース記録. Each renders once for the gate's preview; `documents.issue` then saves exactly those bytes.
 */

export const listFormatSchema = z.enum(['docx', 'xlsx']);
export type ListFormat = z.infer<typeof listFormatSchema>;

/** Rule 4 for lists: 支援会議 households appear by 記号 unless real names are chosen with a reason. */
const namesChoice = {
  names: z.enum(['real', 'masked']),
  namesReason: trimmed(500),
};

/** 世帯一覧 with the filters the coordinator sees applied — every matching household, not one page. */
export const householdListExportInputSchema = householdListInputSchema
  .omit({ limit: true })
  .extend({ format: listFormatSchema, ...namesChoice });

export const meetingListExportInputSchema = z.object({ format: listFormatSchema, ...namesChoice });

/** A household's 支援経過 as its ケース記録 (Word). */
export const caseRecordExportInputSchema = z.object({ householdId: idSchema, ...namesChoice });

/** What every gate preview returns: the file to look at, what will be written, and the warning. */
export const documentPreviewSchema = z.object({
  previewId: idSchema,
  fileNames: z.array(z.string()),
  /** The .docx shown in the preview (for an Excel list, the same rows as a Word page). */
  base64: z.string(),
  /** Pages of the previewed file as laid out with the fonts; null when they could not be counted. */
  pages: z.number().int().nullable(),
  /** Each of those pages' 「n / N」 as the footer prints it; null when not counted. */
  pageNumbers: z.array(z.string()).nullable(),
  /** What the coordinator should check before issuing (発信日, copies short of the agencies…). */
  notices: z.array(z.string()),
  warning: z.object({ title: z.string(), body: z.string() }),
});
export type DocumentPreview = z.infer<typeof documentPreviewSchema>;
