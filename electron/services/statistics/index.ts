import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { agencyFields } from '../../domain/agency.js';
import { fiscalYearLabel, fiscalYearOf } from '../../domain/fiscal-year.js';
import { officeDate } from '../../domain/office-day.js';
import type { purposes } from '../../ipc/schemas/meetings.js';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import { recordIssue } from '../document-gate.js';
import { getOfficeSettings } from '../office-settings.js';
import type { Platform } from '../platform.js';
import { statisticsCsv, statisticsDocx, statisticsXlsx } from './exports.js';
import { computeStatistics } from './report.js';

export type StatisticsFormat = 'csv' | 'xlsx' | 'docx' | 'json';

/** The fiscal-year tables with the office's threshold unless one is given (never below 3: schema). */
export async function statisticsFor(
  db: Kysely<Database>,
  input: { fiscalYears: number[]; threshold?: number | undefined },
): Promise<Statistics> {
  const threshold = input.threshold ?? (await getOfficeSettings(db)).statisticsThreshold;
  return computeStatistics(db, { fiscalYears: input.fiscalYears, threshold, fieldOrder: agencyFields });
}

/** The bytes and a file name (年度 only: nothing personal in file names either). */
export async function statisticsFile(
  db: Kysely<Database>,
  stats: Statistics,
  format: StatisticsFormat,
  now: Date,
): Promise<{ name: string; bytes: Buffer }> {
  const today = officeDate(now);
  const years = stats.fiscalYears.map(fiscalYearLabel).join('_');
  const name = `重層的支援_統計_${years}.${format}`;
  if (format === 'csv') return { name, bytes: statisticsCsv(stats, today) };
  if (format === 'xlsx') return { name, bytes: await statisticsXlsx(stats, today) };
  if (format === 'docx')
    return { name, bytes: await statisticsDocx(stats, await getOfficeSettings(db), today) };
  const { suppression: _explained, ...json } = stats;
  return { name, bytes: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8') };
}

/** Rule 7 for exports: the same gate as documents (purpose given, warning seen), then an audit event. */
export async function exportStatistics(
  db: Kysely<Database>,
  userId: string,
  platform: Platform,
  input: {
    fiscalYears: number[];
    threshold?: number | undefined;
    format: 'csv' | 'xlsx' | 'docx';
    purpose: (typeof purposes)[number];
    purposeNote: string;
  },
  now: Date,
): Promise<{ saved: boolean; fileNames: string[] }> {
  const stats = await statisticsFor(db, input);
  const file = await statisticsFile(db, stats, input.format, now);
  const filters = { csv: 'CSV（Excel で開けます）', xlsx: 'Excel ブック', docx: 'Word 文書' };
  const result = await platform.saveFiles({
    files: [file],
    filters: [{ name: filters[input.format], extensions: [input.format] }],
  });
  if (result.saved) {
    await recordIssue(
      db,
      userId,
      {
        meetingId: null,
        document: `statistics.${input.format}`,
        copies: 1,
        names: 'none',
        namesReason: null,
      },
      { action: 'save', purpose: input.purpose, purposeNote: input.purposeNote },
      now,
    );
  }
  return result;
}

/** 年度 from the first 受付 (or meeting) to the current one, newest first, for the year picker. */
export async function statisticsYears(
  db: Kysely<Database>,
  now: Date,
): Promise<{ years: number[]; current: number }> {
  const current = fiscalYearOf(officeDate(now));
  const first = await db
    .selectFrom('households')
    .select(({ fn }) => fn.min('received_on').as('first'))
    .executeTakeFirst();
  const firstMeeting = await db
    .selectFrom('meetings')
    .select(({ fn }) => fn.min('held_on').as('first'))
    .executeTakeFirst();
  const earliest = [first?.first, firstMeeting?.first].filter((d): d is string => Boolean(d)).sort()[0];
  const from = earliest ? Math.min(fiscalYearOf(earliest), current) : current;
  return { years: Array.from({ length: current - from + 1 }, (_, i) => current - i), current };
}
