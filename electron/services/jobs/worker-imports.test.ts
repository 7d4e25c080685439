import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/migrations/index.js';
import { dataDirPaths } from '../data-dir.js';
import { fastKdf, tempDataDir } from '../testing/temp-data-dir.js';
import { VaultSession } from '../vault-session.js';
import { sourceWorkerEntry } from './job-runner.js';
import type { FromWorker, WorkerStart } from './protocol.js';
import type { JobTask } from './tasks.js';

/**
 * Issue 14: a job's worker loads what its kind needs. ホーム and 監査ログ start a verify job on every
 * visit; it must not pay for docx and exceljs, which only rendering and the import use.
 */

let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: join(dir, 'vault'), via: 'app', kdf: fastKdf });
  await session.setup({ userName: '花子', passphrase: 'correct horse battery' });
});
afterAll(async () => {
  await session.close();
  await cleanup();
});

/** Runs `task` in the source worker with the package trace; the npm packages the thread loaded. */
async function packagesLoadedBy(task: JobTask): Promise<{ result: FromWorker; packages: string[] }> {
  const { vault, user } = session.signedIn();
  const start: WorkerStart = {
    databasePath: dataDirPaths(join(dir, 'vault')).database,
    dataKey: new Uint8Array(vault.dataKey),
    task,
    now: new Date().toISOString(),
    user,
    cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
  };
  const worker = new Worker(sourceWorkerEntry.url, {
    workerData: start,
    execArgv: [...(sourceWorkerEntry.execArgv ?? []), '--import', './electron/cli/testing/package-trace.mjs'],
    stderr: true,
  });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let result: FromWorker = { type: 'failed', name: 'no answer' };
  worker.on('message', (message: FromWorker) => {
    if (message.type !== 'progress' && message.type !== 'committed') result = message;
  });
  await new Promise((resolve) => worker.once('exit', resolve));
  const packages = stderr.match(/packages loaded: (.*)/)?.[1]?.split(' ') ?? [];
  return { result, packages };
}

describe('ジョブのワーカーは、その種類に要るモジュールだけを読み込む（issue 14）', () => {
  it('監査ログの検証は docx も exceljs も読み込まない（取り込みは exceljs を読み込む）', async () => {
    const verify = await packagesLoadedBy({ kind: 'verify' });
    expect(verify.result).toMatchObject({ type: 'done', result: { ok: true } });
    expect(verify.packages).toContain('better-sqlite3-multiple-ciphers');
    for (const heavy of ['docx', 'exceljs', 'fontkit']) expect(verify.packages).not.toContain(heavy);

    // The trace sees a package a task does load: the import reads its ledger with exceljs.
    const dryRun = await packagesLoadedBy({ kind: 'import', files: [], commit: false });
    expect(dryRun.packages).toContain('exceljs');
  }, 120_000);

  it('解錠時のデータの点検は暗号化ストアのドライバだけを読み込む（kysely・zod・移行は読まない）', async () => {
    const check = await packagesLoadedBy({ kind: 'pageCheck', knownVersion: latestSchemaVersion });
    expect(check.result).toEqual({ type: 'done', result: { version: latestSchemaVersion } });
    expect(check.packages).toContain('better-sqlite3-multiple-ciphers');
    for (const heavy of ['kysely', 'zod', 'canonicalize']) expect(check.packages).not.toContain(heavy);

    // The trace sees them when a task does load the store: the migrations job opens it with kysely.
    const migrate = await packagesLoadedBy({ kind: 'migrate' });
    expect(migrate.result).toEqual({ type: 'done', result: { version: latestSchemaVersion } });
    expect(migrate.packages).toEqual(expect.arrayContaining(['kysely', 'zod']));
  }, 120_000);
});
