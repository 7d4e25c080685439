import { getEnvironmentData, parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, WorkerStart } from '../../electron/services/jobs/protocol.js';
import { pacedBit, paceKey } from './job-pace.js';

/**
 * The job worker with its progress reports paced by the test (a harness started with `pacedJobs`):
 * before each report it waits until the test has allowed one more, so a spec can see the count at a
 * step of its choosing and press 「中止」 while the job is certainly still running, on any machine.
 * Then it runs the real worker unchanged. A 中止 (or a lock) ends the wait at once.
 */

const pace = getEnvironmentData(paceKey) as Int32Array;
const { cancelFlag, task } = workerData as WorkerStart;
const paced = (Atomics.load(pace, 2) & pacedBit(task.kind)) !== 0;
const port = parentPort;
if (!port) throw new Error('paced-worker must run as a worker thread');

const send = port.postMessage.bind(port);
port.postMessage = (message: FromWorker, transfer?: readonly ArrayBuffer[]) => {
  if (message.type === 'progress' && paced) {
    for (;;) {
      const limit = Atomics.load(pace, 0);
      if (limit < 0 || Atomics.load(pace, 1) < limit || Atomics.load(cancelFlag, 0) !== 0) break;
      Atomics.wait(pace, 0, limit, 50);
    }
    Atomics.add(pace, 1, 1);
  }
  send(message, transfer);
};

await import('../../electron/services/jobs/worker.js');
