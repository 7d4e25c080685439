import { setEnvironmentData } from 'node:worker_threads';
import { type JobKind, jobKinds } from '../../electron/domain/jobs.js';
import type { WorkerEntry } from '../../electron/services/jobs/job-runner.js';

/** Where the paced worker finds the shared counters (worker_threads environment data). */
export const paceKey = 'kasane.e2e.jobPace';

/** The job worker of a harness started with `pacedJobs` (its source through tsx, like the app's). */
export const pacedWorkerEntry: WorkerEntry = {
  url: new URL('./paced-worker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};

/**
 * The test's hold on the job worker's progress reports: nothing passes until it allows some. The
 * counters live in shared memory, so the worker waits on them even while its own thread is busy.
 */
export class JobPace {
  /**
   * [0]: how many reports may have been sent in all (-1: no limit); [1]: how many were sent;
   * [2]: which kinds of job wait (bit i: jobKinds[i]).
   */
  readonly #counters = new Int32Array(new SharedArrayBuffer(12));

  /**
   * Shares the counters with every job worker started from now on in this process. Every kind
   * waits except the audit chain's verification, which ホーム starts by itself (see `only`).
   */
  constructor() {
    this.only(jobKinds.filter((kind) => kind !== 'verify'));
    setEnvironmentData(paceKey, this.#counters);
  }

  /** From now on only jobs of these kinds wait; the others report freely. */
  only(kinds: readonly JobKind[]): void {
    Atomics.store(
      this.#counters,
      2,
      kinds.reduce((mask, kind) => mask | pacedBit(kind), 0),
    );
  }

  /** The running or next job may send `n` more reports, then waits before the one after. */
  allow(n: number): void {
    Atomics.store(this.#counters, 0, Atomics.load(this.#counters, 1) + n);
    Atomics.notify(this.#counters, 0);
  }

  /** Jobs report freely from now on (until the next `allow`). */
  release(): void {
    Atomics.store(this.#counters, 0, -1);
    Atomics.notify(this.#counters, 0);
  }
}

/** The bit of `kind` in the counters' mask of paced kinds. */
export const pacedBit = (kind: JobKind): number => 1 << jobKinds.indexOf(kind);
