import type { ErrorCode } from '../../ipc/errors.js';
import type { JobProgress } from '../../ipc/schemas/jobs.js';
import type { JobTask } from './tasks.js';

/** What a job's worker is started with (workerData: memory only, never a file). */
export interface WorkerStart {
  databasePath: string;
  /** A copy of the data key, wiped by the worker once its connection is open. */
  dataKey: Uint8Array;
  task: JobTask;
  /** ISO time of the call: the job writes with the caller's "now". */
  now: string;
  /** null: the unlock's migrations, which run before anyone is signed in. */
  user: { id: string; name: string } | null;
  /** Int32Array over a SharedArrayBuffer: non-zero = cancel at the next progress report. */
  cancelFlag: Int32Array;
}

/** What a worker tells the main thread, in order; exactly one of done/cancelled/refused/failed ends it. */
export type FromWorker =
  | { type: 'progress'; progress: JobProgress }
  /** A transaction of this worker committed: the main thread records the head in kasane.anchor. */
  | { type: 'committed' }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'refused'; code: ErrorCode; message: string; details: Record<string, unknown> | null }
  | { type: 'failed'; name: string };
