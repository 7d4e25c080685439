import type { JobKind, JobProgress, JobStep, JobUnit } from '../../ipc/schemas/jobs.js';

/** Thrown at the next progress report after the person (or a lock) cancelled the job. */
export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor() {
    super('job cancelled');
  }
}

/**
 * What long work reports as it goes: a step and its count. A report is also where a cancelled job
 * stops: `report` throws JobCancelled, and the transaction around the work rolls back.
 */
export interface Progress {
  report(step: JobStep, done: number, total: number, unit: JobUnit): void;
}

/** Work run where nobody watches (the CLI, tests): never cancelled, nothing reported. */
export const unwatched: Progress = { report() {} };

/** Sends at most one report per interval (and always the first and the last of a step). */
const reportEveryMs = 100;

/**
 * A worker's reporter: reads the cancel flag the main thread sets in shared memory (the worker's
 * own event loop may be busy in synchronous SQLite work, so a message would wait) and posts counts.
 */
export function sharedProgress(
  job: JobKind,
  cancelFlag: Int32Array,
  post: (progress: JobProgress) => void,
): Progress {
  let lastAt = 0;
  let lastStep: JobStep | null = null;
  return {
    report(step, done, total, unit) {
      if (Atomics.load(cancelFlag, 0) !== 0) throw new JobCancelled();
      const now = Date.now();
      if (step === lastStep && done < total && now - lastAt < reportEveryMs) return;
      lastAt = now;
      lastStep = step;
      post({ job, step, done: Math.min(done, total), total, unit });
    },
  };
}
