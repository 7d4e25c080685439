import { parentPort, workerData } from 'node:worker_threads';
import { KasaneError } from '../errors.js';
import { checkEveryPage } from './page-check.js';
import { JobCancelled } from './progress.js';
import type { FromWorker, WorkerStart } from './protocol.js';

/**
 * The worker thread's entry (built as out/main/job-worker.js; tests and the harness load the
 * source through tsx). It opens the vault's encrypted file with the data key it was handed in
 * memory, runs one task, reports, and closes. It never touches the data-folder lock (the app owns
 * the folder) nor the anchor file (the main thread records each commit this connection reports).
 * The unlock's page check loads only the driver (page-check.ts); every other task imports the
 * store, the migrations and its own services (worker-task.ts) when it runs.
 */
const port = parentPort;
if (!port) throw new Error('job-worker must run as a worker thread');
const start = workerData as WorkerStart;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function main(): Promise<void> {
  const { task } = start;
  if (task.kind === 'pageCheck') {
    const dataKey = Buffer.from(start.dataKey);
    start.dataKey.fill(0);
    try {
      post({ type: 'done', result: checkEveryPage(start.databasePath, dataKey, task.knownVersion) });
    } finally {
      dataKey.fill(0);
    }
    return;
  }
  const { runWorkerTask } = await import('./worker-task.js');
  await runWorkerTask(start, post);
}

main().catch((err: unknown) => {
  if (err instanceof JobCancelled) post({ type: 'cancelled' });
  else if (err instanceof KasaneError)
    post({ type: 'refused', code: err.code, message: err.message, details: err.details ?? null });
  // The class only: messages may quote personal data.
  else post({ type: 'failed', name: (err as Error)?.name ?? 'unknown' });
});
