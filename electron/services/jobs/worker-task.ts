import { openStore } from '../../../db/open.js';
import { CommitReporter } from '../anchor.js';
import { registerAuditKey } from '../audit.js';
import { migrateStore } from '../store-migration.js';
import { storeRefusal } from '../store-refusal.js';
import { deriveKey } from '../vault-keys.js';
import { sharedProgress } from './progress.js';
import type { FromWorker, WorkerStart } from './protocol.js';
import { isStoreless, jobKindOf, runStorelessTask, runTask } from './tasks.js';

type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

/**
 * Every task but the unlock's page check, in the job worker (worker.ts imports this when such a
 * task starts): its own connection to the vault's file, the migrations, the task's services.
 */
export async function runWorkerTask(start: WorkerStart, post: Post): Promise<void> {
  const { task } = start;
  if (isStoreless(task)) {
    const result = await runStorelessTask(task);
    post({ type: 'done', result }, transferablesOf(result));
    return;
  }
  if (task.kind === 'pageCheck') throw new Error('the page check runs without the store (page-check.ts)');
  const dataKey = Buffer.from(start.dataKey);
  start.dataKey.fill(0);
  const auditKey = deriveKey(dataKey, 'audit-chain');
  // A worker may wait for the main thread's short write transactions: it blocks only itself.
  const store = await openStore(start.databasePath, dataKey, {
    integrity: 'none',
    migrate: false,
    busyTimeoutMs: 60_000,
  })
    .catch((err: unknown) => {
      throw storeRefusal(err) ?? err;
    })
    .finally(() => dataKey.fill(0));
  try {
    registerAuditKey(store.sqlite, auditKey);
    auditKey.fill(0);
    store.watch.watcher = new CommitReporter(() => post({ type: 'committed' }));
    const progress = sharedProgress(jobKindOf(task), start.cancelFlag, (p) =>
      post({ type: 'progress', progress: p }),
    );
    if (task.kind === 'migrate') {
      progress.report('writing', 0, 0, '件');
      await migrateStore(store.db);
      post({ type: 'done', result: { version: store.sqlite.pragma('user_version', { simple: true }) } });
      return;
    }
    if (!start.user) throw new Error('a job runs as the signed-in user');
    const result = await runTask(task, {
      db: store.db,
      sqlite: store.sqlite,
      now: new Date(start.now),
      user: start.user,
      progress,
    });
    post({ type: 'done', result }, transferablesOf(result));
  } finally {
    store.watch.watcher = null;
    await store.close();
  }
}

/**
 * The rendered files' (and PNGs') bytes move to the main thread instead of being copied. Only a file that owns
 * its whole memory moves: a small Buffer lives in Node's shared pool, which cannot be transferred
 * (posting it in the list fails with DataCloneError), so it is copied like any other value.
 */
function transferablesOf(result: unknown): ArrayBuffer[] {
  const files = (result as { files?: { bytes: Buffer }[] }).files ?? [];
  const pngs = (result as { pngs?: Uint8Array[] }).pngs ?? [];
  return [...files.map((f) => f.bytes), ...pngs]
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    .map((bytes) => bytes.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0)
    .filter((b, i, all) => all.indexOf(b) === i);
}
