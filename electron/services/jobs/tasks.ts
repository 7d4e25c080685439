import type { Kysely } from 'kysely';
import type { Sqlite } from '../../../db/open.js';
import type { Database } from '../../../db/schema.js';
import { agencyFields } from '../../domain/agency.js';
import type { AuditVerification, OfficeSettings } from '../../ipc/contract.js';
import type { ImportReport } from '../../ipc/schemas/imports.js';
import type { JobKind } from '../../ipc/schemas/jobs.js';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import type { PacketRequest, RenderedPacket } from '../document-packet.js';
import type { DrawingFonts } from '../drawings/raster.js';
import type { ImportFile } from '../import/index.js';
import type { VaultContext } from '../vault.js';
import type { Progress } from './progress.js';

/** The work a job does, as sent to its worker (structured-clone data only). */
export type JobTask =
  | { kind: 'import'; files: ImportFile[]; commit: boolean }
  | {
      kind: 'render';
      office: OfficeSettings;
      request: PacketRequest;
      /** false: lay pages out without fonts (the gate was told this machine has none). */
      fonts: boolean;
    }
  | { kind: 'statistics'; fiscalYears: number[]; threshold: number }
  | {
      kind: 'backup';
      outDir: string;
      dataDir: string;
      via: VaultContext['via'];
      /** A copy of the anchor key (memory only), wiped once the backup's anchor is written. */
      anchorKey: Uint8Array;
      vaultId: string;
      failuresSeq: number;
    }
  | { kind: 'verify' }
  /** The unlock's pending migrations, off the main thread (JobRunner.migrate). */
  | { kind: 'migrate' }
  /**
   * The unlock's read of every page (quick_check), off the main thread (JobRunner.checkPages); a
   * schema newer than `knownVersion` (the main thread's latestSchemaVersion) is refused. The worker
   * runs it without the migrations (page-check.ts), so the main thread says which version it knows.
   */
  | { kind: 'pageCheck'; knownVersion: number }
  /** The 別添資料's PNG fallbacks, made ahead of time (family-rasters.ts): no database needed. */
  | { kind: 'drawings'; drawings: { svg: string; widthPx: number }[]; fonts: DrawingFonts };

export type JobResult<T extends JobTask> = T extends { kind: 'import' }
  ? ImportReport
  : T extends { kind: 'render' }
    ? RenderedPacket
    : T extends { kind: 'statistics' }
      ? Statistics
      : T extends { kind: 'backup' }
        ? { path: string }
        : T extends { kind: 'verify' }
          ? AuditVerification
          : T extends { kind: 'drawings' }
            ? { pngs: Uint8Array[] }
            : T extends { kind: 'migrate' | 'pageCheck' }
              ? { version: number }
              : never;

export const jobKindOf = (task: JobTask): JobKind => task.kind;

/** A task that works from what it is handed, without the vault: its worker gets no key. */
export type StorelessTask = Extract<JobTask, { kind: 'drawings' }>;
export const isStoreless = (task: JobTask): task is StorelessTask => task.kind === 'drawings';

/** Runs a storeless task (in the worker, with no connection open). */
export async function runStorelessTask(task: StorelessTask): Promise<{ pngs: Uint8Array[] }> {
  const { rasterise } = await import('../drawings/raster.js');
  return { pngs: await Promise.all(task.drawings.map((d) => rasterise(d.svg, d.widthPx, task.fonts))) };
}

/** What a task gets inside the worker: its own connection, the call's moment and user, a reporter. */
export interface TaskEnv {
  db: Kysely<Database>;
  sqlite: Sqlite;
  now: Date;
  user: { id: string; name: string };
  progress: Progress;
}

/**
 * Runs a task with the same service functions the main thread (and the CLI) use. Each kind imports
 * its own: a worker that walks the audit chain never loads docx or exceljs.
 */
export async function runTask(
  task: Exclude<JobTask, StorelessTask | { kind: 'migrate' } | { kind: 'pageCheck' }>,
  env: TaskEnv,
): Promise<ImportReport | RenderedPacket | Statistics | { path: string } | AuditVerification> {
  switch (task.kind) {
    case 'import': {
      const { importFiles } = await import('../import/index.js');
      return importFiles(
        env.db,
        task.files,
        env.now,
        task.commit ? { userId: env.user.id } : null,
        env.progress,
      );
    }
    case 'render': {
      const [{ renderPacket }, { systemLayoutFonts }] = await Promise.all([
        import('../document-packet.js'),
        import('../forms/index.js'),
      ]);
      return renderPacket(
        env.db,
        env.user,
        task.office,
        task.request,
        env.now,
        task.fonts ? await systemLayoutFonts() : null,
        env.progress,
      );
    }
    case 'statistics': {
      const { computeStatistics } = await import('../statistics/report.js');
      env.progress.report('counting', 0, task.fiscalYears.length, '年度');
      const { fiscalYears, threshold } = task;
      const stats = await computeStatistics(env.db, { fiscalYears, threshold, fieldOrder: agencyFields });
      env.progress.report('counting', fiscalYears.length, fiscalYears.length, '年度');
      return stats;
    }
    case 'backup': {
      const { writeBackup } = await import('../backup.js');
      const anchorKey = Buffer.from(task.anchorKey);
      task.anchorKey.fill(0);
      try {
        return await writeBackup(
          {
            db: env.db,
            sqlite: env.sqlite,
            dataDir: task.dataDir,
            anchorKey,
            vaultId: task.vaultId,
            failuresSeq: task.failuresSeq,
            via: task.via,
            actorId: env.user.id,
            now: env.now,
          },
          task.outDir,
          env.progress,
        );
      } finally {
        anchorKey.fill(0);
      }
    }
    case 'verify': {
      const { verifyAuditChain } = await import('../audit.js');
      return verifyAuditChain(env.db, env.progress);
    }
  }
}
