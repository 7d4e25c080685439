import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { officeDate } from '../../domain/office-day.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { ImportCounts, ImportReport } from '../../ipc/schemas/imports.js';
import { appendAuditEvent } from '../audit.js';
import type { Context } from '../context.js';
import type { Platform } from '../platform.js';
import { AgencyResolver } from './agency-resolver.js';
import { knownInDatabase } from './known.js';
import { type ImportFile, readImportFiles } from './read-files.js';
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
async function importFiles(
  db: Kysely<Database>,
  files: readonly ImportFile[],
  now: Date,
  commitAs: { userId: string } | null,
): Promise<ImportReport> {
  const read = await readImportFiles(files);
  if (read.refused) return { ok: false, counts: nothingCounted, errors: read.errors };
  try {
    return await db.transaction().execute(async (trx) => {
      const valid = validate(read, await knownInDatabase(trx, officeDate(now)));
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
      );
      const meetings = await writeMeetings(trx, userId, valid.meetings, agencies, valid.meetingErrors, now);
      const counts: ImportTally = { ...households, agenciesAdded: agencies.added, ...meetings };
      const errors = valid.errors();
      if (errors.length === 0 && counts.households === 0 && counts.meetings === 0) {
        errors.push('取り込む行がありません（「世帯」か「会議」のシートに1行以上入力してください）');
      }
      if (errors.length > 0 || !commitAs) throw new RollBack({ ok: errors.length === 0, counts, errors });
      const sha256 = read.sha256.length === 1 ? (read.sha256[0] ?? '') : read.sha256;
      await appendAuditEvent(
        trx,
        {
          userId: commitAs.userId,
          kind: 'import.completed',
          detail: { ...counts, format: read.format, sha256 },
        },
        now,
      );
      return { ok: true, counts, errors: [] };
    });
  } catch (err) {
    if (err instanceof RollBack) return err.report;
    throw err;
  }
}

/** What an import would do — counts and every error — without writing anything. */
export function previewImport(
  ctx: Context,
  { files }: ParsedInput<'imports.preview'>,
): Promise<ImportReport> {
  return importFiles(ctx.db, files, ctx.now, null);
}

/** All or nothing: on any error nothing is written and every error comes back (not thrown). */
export function runImport(ctx: Context, { files }: ParsedInput<'imports.run'>): Promise<ImportReport> {
  return importFiles(ctx.db, files, ctx.now, { userId: ctx.user.id });
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
