import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { mergeSearchIndex } from '../../../db/search-index.js';
import { officeDate } from '../../domain/office-day.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { ImportCounts, ImportReport } from '../../ipc/schemas/imports.js';
import { appendAuditEvent } from '../audit.js';
import type { Context } from '../context.js';
import { cancelledByUser, type JobRunner } from '../jobs/job-runner.js';
import { type Progress, unwatched } from '../jobs/progress.js';
import type { Platform } from '../platform.js';
import { AgencyResolver } from './agency-resolver.js';
import { knownInDatabase } from './known.js';
import { type ImportFile, type ReadFiles, readImportFiles } from './read-files.js';
import { buildImportTemplate } from './template.js';
import { validate } from './validate.js';
import { writeHouseholds } from './write-households.js';
import { type MeetingCounts, writeMeetings } from './write-meetings.js';

export type { ImportFile } from './read-files.js';

/** The report's counts with the meeting sheets' (the contract's ImportCounts gains these fields). */
type ImportTally = ImportCounts & MeetingCounts;

const nothingCounted: ImportTally = {
  households: 0,
  members: 0,
  relations: 0,
  consents: 0,
  agenciesAdded: 0,
  meetings: 0,
  attendees: 0,
  planRows: 0,
};

const noFiles: ReadFiles = { format: 'csv', sheets: [], sha256: [], errors: [], refused: false };

/** Carries the report out of a transaction that must not commit. */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

/**
 * Validates and writes everything inside one transaction, so duplicates against the database and
 * new agencies are counted exactly; commits only when asked and nothing is wrong. With errors,
 * counts are what the valid rows alone would have added.
 */
export async function importFiles(
  db: Kysely<Database>,
  files: readonly ImportFile[],
  now: Date,
  commitAs: { userId: string } | null,
  progress: Progress = unwatched,
): Promise<ImportReport> {
  progress.report('reading', 0, files.length, 'ファイル');
  let read: ReadFiles | null = await readImportFiles(files);
  if (read.refused) return { ok: false, counts: nothingCounted, errors: read.errors };
  const rows = read.sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  const format = read.format;
  const sha256 = read.sha256.length === 1 ? (read.sha256[0] ?? '') : read.sha256;
  progress.report('checking', 0, rows, '行');
  try {
    const report = await db.transaction().execute(async (trx) => {
      const known = await knownInDatabase(trx, officeDate(now));
      const valid = validate(read ?? noFiles, known);
      // The raw cells are let go once checked, so they can be collected while the rows are written.
      read = null;
      progress.report('checking', rows, rows, '行');
      const agencies = new AgencyResolver(trx, valid.newAgencyFields, now);
      const userId = commitAs?.userId ?? null;
      const households = await writeHouseholds(
        trx,
        userId,
        valid.households,
        valid.members,
        valid.relations,
        agencies,
        now,
        (done, total) => progress.report('writing', done, total, '世帯'),
      );
      const meetings = await writeMeetings(
        trx,
        userId,
        valid.meetings,
        agencies,
        valid.meetingErrors,
        now,
        (done, total) => progress.report('writing', done, total, '会議'),
      );
      const counts: ImportTally = { ...households, agenciesAdded: agencies.added, ...meetings };
      const errors = valid.errors();
      if (errors.length === 0 && counts.households === 0 && counts.meetings === 0) {
        errors.push('取り込む行がありません（「世帯」か「会議」のシートに1行以上入力してください）');
      }
      if (errors.length > 0 || !commitAs) throw new RollBack({ ok: errors.length === 0, counts, errors });
      await appendAuditEvent(
        trx,
        {
          userId: commitAs.userId,
          kind: 'import.completed',
          detail: { ...counts, format, sha256 },
        },
        now,
      );
      return { ok: true, counts, errors: [] } satisfies ImportReport;
    });
    // The import left its households' index entries in segments of their own (db/search-index.ts).
    if (report.counts.households > 0) await mergeSearchIndex(db);
    return report;
  } catch (err) {
    if (err instanceof RollBack) return err.report;
    throw err;
  }
}

/** The app runs imports in a worker (jobs/); the CLI and tests run them here. */
type ImportContext = Context & { jobs?: JobRunner };

/** What an import would do — counts and every error — without writing anything. */
export function previewImport(
  ctx: ImportContext,
  { files }: ParsedInput<'imports.preview'>,
): Promise<ImportReport> {
  if (ctx.jobs) return ctx.jobs.run({ kind: 'import', files, commit: false }, ctx);
  return importFiles(ctx.db, files, ctx.now, null);
}

/**
 * All or nothing: on any error nothing is written and every error comes back (not thrown). In the
 * app it runs off the main thread with progress; 「中止」 rolls it back (CANCELLED), audited.
 */
export async function runImport(
  ctx: ImportContext,
  { files }: ParsedInput<'imports.run'>,
): Promise<ImportReport> {
  if (!ctx.jobs) return importFiles(ctx.db, files, ctx.now, { userId: ctx.user.id });
  try {
    return await ctx.jobs.run({ kind: 'import', files, commit: true }, ctx);
  } catch (err) {
    if (cancelledByUser(err, 'import')) await ctx.audit({ kind: 'import.cancelled' });
    throw err;
  }
}

/** The blank 移行用テンプレート, saved where the coordinator chooses. */
export async function saveImportTemplate(
  ctx: Context & { platform: Platform },
): Promise<{ saved: boolean; fileName: string }> {
  const result = await ctx.platform.saveFiles({
    files: [{ name: 'かさね_移行用テンプレート.xlsx', bytes: await buildImportTemplate() }],
    filters: [{ name: 'Excel ブック', extensions: ['xlsx'] }],
  });
  if (result.saved) await ctx.audit({ kind: 'template.saved' });
  return { saved: result.saved, fileName: result.fileNames[0] ?? '' };
}
