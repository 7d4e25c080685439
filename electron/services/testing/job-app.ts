import { join } from 'node:path';
import { type JobProgress, jobProgressSchema } from '../../ipc/schemas/jobs.js';
import type { App } from '../context.js';
import { createApp } from '../handlers.js';
import { sourceWorkerEntry, type WorkerEntry } from '../jobs/job-runner.js';
import { folderPlatform } from '../platform.js';
import { VaultSession } from '../vault-session.js';
import { runningOfficeClock } from './office-clock.js';
import { fastKdf, tempDataDir } from './temp-data-dir.js';

/**
 * The app as the window sees it, with the real job worker (run from source), set up for 花子 in a
 * temporary data folder; every progress report it sends is parsed by its schema and kept in `seen`.
 * `entry`: another worker (the paced one, whose reports a test holds: e2e/harness/job-pace.ts).
 */
export async function appWithJobWorker(
  passphrase: string,
  entry: WorkerEntry = sourceWorkerEntry,
): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
  session: VaultSession;
  app: App;
  seen: JobProgress[];
}> {
  const { dir, cleanup } = await tempDataDir();
  const session = new VaultSession({
    dataDir: join(dir, 'vault'),
    via: 'app',
    kdf: fastKdf,
    clock: runningOfficeClock(),
  });
  const app = createApp(session, folderPlatform(join(dir, 'downloads')), entry);
  const seen: JobProgress[] = [];
  app.jobs?.onProgress((p) => seen.push(jobProgressSchema.parse(p)));
  await session.setup({ userName: '花子', passphrase });
  return { dir, cleanup, session, app, seen };
}
