import type { ParsedInput } from '../../ipc/contract.js';
import type { JobRunner } from './job-runner.js';

/** jobs.cancel: 「中止」 on the progress bar of an import or a multi-copy render. */
export function cancelJob(
  ctx: { jobs?: JobRunner },
  { job }: ParsedInput<'jobs.cancel'>,
): { cancelled: boolean } {
  return { cancelled: ctx.jobs?.cancel(job) ?? false };
}
