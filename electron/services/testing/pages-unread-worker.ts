import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, WorkerStart } from '../jobs/protocol.js';

/**
 * A job worker whose unlock page check answers "every page is fine" without reading any: a test
 * loads it to show that main's connection then trusts the worker and never reads every page itself
 * (the page check's cost is the worker's, not the window's). Every other task runs the real worker.
 */
const { task } = workerData as WorkerStart;
if (task.kind === 'pageCheck') {
  const answer: FromWorker = { type: 'done', result: { version: 0 } };
  parentPort?.postMessage(answer);
} else {
  await import('../jobs/worker.js');
}
