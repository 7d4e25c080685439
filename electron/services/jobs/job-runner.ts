import { Worker } from 'node:worker_threads';
import { latestSchemaVersion } from '../../../db/migrations/index.js';
import type { JobKind, JobProgress, JobUnit } from '../../ipc/schemas/jobs.js';
import { dataDirPaths } from '../data-dir.js';
import { KasaneError } from '../errors.js';
import { importThreadLimits } from '../import/limits.js';
import type { VaultSession } from '../vault-session.js';
import type { FromWorker, WorkerStart } from './protocol.js';
import { isStoreless, type JobResult, type JobTask, jobKindOf } from './tasks.js';

/** Where the worker's code is: the built out/main/job-worker.js, or the source through tsx. */
export interface WorkerEntry {
  url: URL;
  execArgv?: string[];
}

/** The source entry, for the test harness, the bench and tests (Node with tsx, no build). */
export const sourceWorkerEntry: WorkerEntry = {
  url: new URL('./worker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};

/**
 * The worker for the main module at `mainUrl`: the built job-worker.js beside it (electron.vite.config.ts
 * puts it there), or, when main itself runs from source (its tests), the source entry.
 */
export function workerEntryBeside(mainUrl: string): WorkerEntry {
  return mainUrl.endsWith('.ts') ? sourceWorkerEntry : { url: new URL('./job-worker.js', mainUrl) };
}

interface Running {
  kind: JobKind;
  worker: Worker;
  cancelFlag: Int32Array;
  /** Who cancelled: the person (audited by the caller) or a lock. */
  cancelledBy: 'user' | 'lock' | null;
  ended: Promise<void>;
}

/** How long a lock waits for a job to reach its next progress report before stopping the thread. */
const stopGraceMs = 30_000;

/**
 * Runs heavy work (import, multi-copy 様式, …) in a worker thread with its own connection to the
 * encrypted file, so the main thread keeps serving the window and its idle-lock timer. One job at
 * a time: a coordinator starts one long task and watches it; a second is refused (JOB_RUNNING).
 * The audit chain's verification only reads: it runs beside them (ホーム and 監査ログ ask for it).
 */
export class JobRunner {
  #running: Running | null = null;
  /** Read-only jobs (the audit chain's verification) run beside the one job, never refused by it. */
  readonly #alongside = new Set<Running>();
  readonly #listeners = new Set<(progress: JobProgress) => void>();

  constructor(
    private readonly session: VaultSession,
    private readonly entry: WorkerEntry,
  ) {}

  /** Every report of every job (main sends them to the window, the harness to its page). */
  onProgress(listener: (progress: JobProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get running(): JobKind | null {
    return this.#running?.kind ?? null;
  }

  /**
   * Runs `task` as `user` at `now`. Resolves with its result; a refusal comes back as the same
   * KasaneError the in-process call would throw, a cancellation as CANCELLED.
   */
  async run<T extends JobTask>(
    task: T,
    call: { now: Date; user: { id: string; name: string } },
  ): Promise<JobResult<T>> {
    const kind = jobKindOf(task);
    // The audit chain's verification only reads; the drawings' PNGs touch no data at all.
    const readOnly = kind === 'verify' || kind === 'drawings';
    if (this.#running && !readOnly) throw new KasaneError('JOB_RUNNING');
    const { vault } = this.session.signedIn();
    return this.#start(task, isStoreless(task) ? null : vault.dataKey, call, readOnly, () =>
      // The worker's transaction is durable: record the head in kasane.anchor now.
      vault.keeper?.anchorSyncedCommit(vault.store.sqlite),
    );
  }

  /**
   * The unlock's pending migrations (VaultContext.migratePending), with the key it just unwrapped:
   * nobody is signed in yet and the anchor is not kept yet (keepAnchor reads the head after), so the
   * worker's one commit is not reported. The window hears `migrate` through onProgress meanwhile.
   */
  async migrate(dataKey: Buffer, now: Date): Promise<void> {
    if (this.#running) throw new KasaneError('JOB_RUNNING');
    await this.#start({ kind: 'migrate' }, dataKey, { now, user: null }, false, () => {});
  }

  /**
   * The unlock's read of every page (VaultContext.checkPages), before main's connection opens the
   * file: damage comes back as DATABASE_DAMAGED, a newer schema as SCHEMA_TOO_NEW, as the in-process
   * open says them. It only reads, so it runs beside a job like the audit chain's verification, and
   * the window hears nothing of it (the unlock screen says 「確認しています…」 meanwhile). The worker
   * does not load the migrations, so it is told the newest schema this build knows.
   */
  async checkPages(dataKey: Buffer): Promise<void> {
    await this.#start(
      { kind: 'pageCheck', knownVersion: latestSchemaVersion },
      dataKey,
      { now: this.session.now(), user: null },
      true,
      () => {},
    );
  }

  async #start<T extends JobTask>(
    task: T,
    dataKey: Buffer | null,
    call: { now: Date; user: { id: string; name: string } | null },
    readOnly: boolean,
    onCommitted: () => void,
  ): Promise<JobResult<T>> {
    const kind = jobKindOf(task);
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const start: WorkerStart = {
      databasePath: dataDirPaths(this.session.ctx.dataDir).database,
      dataKey: dataKey ? new Uint8Array(dataKey) : new Uint8Array(0),
      task,
      now: call.now.toISOString(),
      user: call.user,
      cancelFlag,
    };
    const worker = new Worker(this.entry.url, {
      workerData: start,
      ...(this.entry.execArgv ? { execArgv: this.entry.execArgv } : {}),
      // A long import's churn would grow V8's young generation to about 100 MB: kept small, the
      // largest ledger the import accepts stays under 500 MB (scripts/reliability/import-memory.ts).
      resourceLimits: importThreadLimits,
      // The worker's console and errors never reach a log with personal data in them.
      stdout: true,
      stderr: true,
    });
    start.dataKey.fill(0);
    let ended = () => {};
    const running: Running = {
      kind,
      worker,
      cancelFlag,
      cancelledBy: null,
      ended: new Promise<void>((done) => {
        ended = done;
      }),
    };
    if (readOnly) this.#alongside.add(running);
    else this.#running = running;
    if (kind !== 'pageCheck')
      this.#report({ job: kind, step: 'starting', done: 0, total: 0, unit: unitOf(task) });
    try {
      return await new Promise<JobResult<T>>((resolve, reject) => {
        let settled = false;
        const settle = (f: () => void) => {
          if (settled) return;
          settled = true;
          f();
        };
        worker.on('message', (message: FromWorker) => {
          switch (message.type) {
            case 'progress':
              this.#report(message.progress);
              return;
            case 'committed':
              onCommitted();
              return;
            case 'done':
              settle(() => resolve(revive(message.result) as JobResult<T>));
              return;
            case 'cancelled':
              settle(() => reject(cancelledError(kind, running.cancelledBy ?? 'user')));
              return;
            case 'refused':
              settle(() =>
                reject(
                  new KasaneError(
                    message.code as Exclude<typeof message.code, 'VALIDATION'>,
                    message.message,
                    message.details ?? undefined,
                  ),
                ),
              );
              return;
            case 'failed': {
              const err = new Error(`job ${kind} failed`);
              err.name = message.name;
              settle(() => reject(err));
              return;
            }
          }
        });
        worker.on('error', (err) => settle(() => reject(err)));
        worker.on('exit', () => {
          ended();
          settle(() =>
            reject(
              running.cancelledBy
                ? cancelledError(kind, running.cancelledBy)
                : new Error(`job ${kind} ended without a result`),
            ),
          );
        });
      });
    } finally {
      await running.ended;
      this.#alongside.delete(running);
      if (this.#running === running) this.#running = null;
    }
  }

  /** The person pressed 「中止」: the job stops at its next report and rolls back. */
  cancel(kind: JobKind): boolean {
    const running = this.#running;
    if (!running || running.kind !== kind) return false;
    running.cancelledBy ??= 'user';
    Atomics.store(running.cancelFlag, 0, 1);
    return true;
  }

  /** On lock: cancel whatever runs and wait until its thread (and its connection) is gone. */
  async stopAll(): Promise<void> {
    const all = [...(this.#running ? [this.#running] : []), ...this.#alongside];
    await Promise.all(
      all.map(async (running) => {
        running.cancelledBy ??= 'lock';
        Atomics.store(running.cancelFlag, 0, 1);
        const grace = setTimeout(() => void running.worker.terminate(), stopGraceMs);
        try {
          await running.ended;
        } finally {
          clearTimeout(grace);
        }
      }),
    );
  }

  #report(progress: JobProgress): void {
    for (const listener of this.#listeners) {
      try {
        listener(progress);
      } catch {
        // A closed window must not stop the job.
      }
    }
  }
}

const units = {
  import: '世帯',
  render: 'ファイル',
  statistics: '年度',
  backup: 'ページ',
  verify: '件',
  drawings: '件',
  migrate: '件',
  pageCheck: 'ページ',
} as const satisfies Record<JobKind, JobUnit>;

const unitOf = (task: JobTask) => units[task.kind];

const cancelledMessages: Record<JobKind, string> = {
  import: '取り込みを中止しました。何も登録していません。',
  render: '文書の作成を中止しました。何も発行していません（配布番号も使っていません）。',
  statistics: '統計の集計を中止しました。',
  backup: 'バックアップを中止しました。作りかけのフォルダは削除しました。',
  verify: '監査ログの検証を中止しました。',
  drawings: '別添資料の図の準備を中止しました。',
  migrate: 'データの更新を中止しました。データは更新前のままです。',
  pageCheck: 'データの点検を中止しました。',
};

function cancelledError(kind: JobKind, by: 'user' | 'lock'): KasaneError {
  return new KasaneError('CANCELLED', cancelledMessages[kind], { job: kind, by });
}

/** A job the person cancelled (not a lock): the caller audits it where that is the house style. */
export function cancelledByUser(err: unknown, kind: JobKind): boolean {
  return (
    err instanceof KasaneError &&
    err.code === 'CANCELLED' &&
    err.details?.job === kind &&
    err.details?.by === 'user'
  );
}

/** Buffers arrive as Uint8Arrays: give the rendered files and PNGs their Buffer type back (no copy). */
function revive(result: unknown): unknown {
  const pngs = (result as { pngs?: Uint8Array[] } | null)?.pngs;
  if (Array.isArray(pngs))
    return { pngs: pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength)) };
  const files = (result as { files?: { bytes: Uint8Array }[] } | null)?.files;
  if (!Array.isArray(files)) return result;
  return {
    ...(result as object),
    files: files.map((f) => ({
      ...f,
      bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
    })),
  };
}
