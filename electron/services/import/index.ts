import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MemberInput } from '../../ipc/schemas/households.js';
import type { ImportReport } from '../../ipc/schemas/imports.js';
import { appendAuditEvent } from '../audit.js';
import { householdSheet, memberSheet } from './columns.js';
import { type HouseholdRow, type KnownInDatabase, parseHouseholdSheet } from './households-sheet.js';
import { parseMemberSheet } from './members-sheet.js';
import { type ImportFile, type ReadFiles, readImportFiles } from './read-files.js';
import { pickSheets } from './sheets.js';
import { readTable } from './table.js';
import { writeRows } from './write.js';

export type { ImportFile } from './read-files.js';
export { buildImportTemplate } from './template.js';

interface Validated {
  households: HouseholdRow[];
  members: Map<string, MemberInput[]>;
  errors: string[];
}

async function knownInDatabase(trx: Kysely<Database>): Promise<KnownInDatabase> {
  const issues = await trx.selectFrom('issue_tags').select('name').where('retired_at', 'is', null).execute();
  const caseNos = await trx.selectFrom('households').select('case_no').execute();
  return { issues: new Set(issues.map((i) => i.name)), caseNos: new Set(caseNos.map((c) => c.case_no)) };
}

async function validate(trx: Kysely<Database>, read: ReadFiles): Promise<Validated> {
  const picked = pickSheets(read.sheets);
  const households = picked.households
    ? parseHouseholdSheet(readTable(householdSheet, picked.households), await knownInDatabase(trx))
    : { households: [], caseNos: new Set<string>(), errors: [] };
  const members = picked.members
    ? parseMemberSheet(readTable(memberSheet, picked.members), households.caseNos)
    : { members: new Map<string, MemberInput[]>(), errors: [] };
  return {
    households: households.households,
    members: members.members,
    errors: [...read.errors, ...picked.errors, ...households.errors, ...members.errors],
  };
}

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
  try {
    return await db.transaction().execute(async (trx) => {
      const { households, members, errors } = await validate(trx, read);
      const counts = await writeRows(trx, commitAs?.userId ?? null, households, members, now);
      if (errors.length === 0 && counts.households === 0) {
        errors.push(`シート「${householdSheet.name}」に取り込む行がありません`);
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
  db: Kysely<Database>,
  files: readonly ImportFile[],
  now: Date,
): Promise<ImportReport> {
  return importFiles(db, files, now, null);
}

/** All or nothing: on any error nothing is written and every error comes back (not thrown). */
export function runImport(
  db: Kysely<Database>,
  userId: string,
  files: readonly ImportFile[],
  now: Date,
): Promise<ImportReport> {
  return importFiles(db, files, now, { userId });
}
