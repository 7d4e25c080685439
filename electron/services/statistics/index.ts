import { agencyFields } from '../../domain/agency.js';
import { fiscalYearLabel, fiscalYearOf } from '../../domain/fiscal-year.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import type { Context } from '../context.js';
import { recordIssue } from '../document-gate.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { Platform } from '../platform.js';
import { statisticsCsv, statisticsXlsx } from './exports.js';
import { computeStatistics } from './report.js';
import { statisticsWordReport } from './word-report.js';

export type StatisticsFormat = 'csv' | 'xlsx' | 'docx' | 'json';

/**
 * The fiscal-year tables with the office's threshold unless one is given (never below 3: schema).
 * Several 年度 in the app are counted in the worker (jobs/), so the window keeps answering.
 */
export async function statisticsFor(
  ctx: Pick<Context, 'db' | 'settings' | 'now' | 'user'> & { jobs?: JobRunner },
  input: ParsedInput<'statistics.compute'>,
): Promise<Statistics> {
  const threshold = input.threshold ?? (await ctx.settings()).statisticsThreshold;
  if (ctx.jobs && input.fiscalYears.length > 1)
    return ctx.jobs.run({ kind: 'statistics', fiscalYears: input.fiscalYears, threshold }, ctx);
  return computeStatistics(ctx.db, { fiscalYears: input.fiscalYears, threshold, fieldOrder: agencyFields });
}

/** The bytes and a file name (年度 only: nothing personal in file names either). */
export async function statisticsFile(
  ctx: Pick<Context, 'settings' | 'today'>,
  stats: Statistics,
  format: StatisticsFormat,
): Promise<{ name: string; bytes: Buffer }> {
  const { today } = ctx;
  const years = stats.fiscalYears.map(fiscalYearLabel).join('_');
  const name = `重層的支援_統計_${years}.${format}`;
  if (format === 'csv') return { name, bytes: statisticsCsv(stats, today) };
  if (format === 'xlsx') return { name, bytes: await statisticsXlsx(stats, today) };
  if (format === 'docx')
    return { name, bytes: (await statisticsWordReport(stats, await ctx.settings(), today)).bytes };
  const { suppression: _explained, ...json } = stats;
  return { name, bytes: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8') };
}

/** Rule 7 for exports: the same gate as documents (purpose given, warning seen), then an audit event. */
export async function exportStatistics(
  ctx: Context & { platform: Platform },
  input: ParsedInput<'statistics.export'>,
): Promise<{ saved: boolean; fileNames: string[] }> {
  const stats = await statisticsFor(ctx, input);
  const file = await statisticsFile(ctx, stats, input.format);
  const filters = { csv: 'CSV（Excel で開けます）', xlsx: 'Excel ブック', docx: 'Word 文書' };
  const result = await ctx.platform.saveFiles({
    files: [file],
    filters: [{ name: filters[input.format], extensions: [input.format] }],
  });
  if (result.saved) {
    await recordIssue(
      ctx.db,
      ctx.user.id,
      {
        meetingId: null,
        document: `statistics.${input.format}`,
        copies: 1,
        names: 'none',
        namesReason: null,
      },
      { action: 'save', purpose: input.purpose, purposeNote: input.purposeNote },
      ctx.now,
    );
  }
  return result;
}

/** 年度 from the first 受付 (or meeting) to the current one, newest first, for the year picker. */
export async function statisticsYears(
  ctx: Pick<Context, 'db' | 'today'>,
): Promise<{ years: number[]; current: number }> {
  const { db } = ctx;
  const current = fiscalYearOf(ctx.today);
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
