/**
 * The first unlock after an update (issue 14): a vault as the first release left it, its audit log
 * `events` long, every migration from 0500 on pending (1100 rebuilds the audit log: 16 s at 300,000
 * events). Unlocked as the app unlocks it (the job worker runs the steps) and, in alternate rounds,
 * with the steps on the main thread as before; each round gets a fresh copy of the same files.
 *
 *   node_modules/.bin/node --expose-gc --import tsx scripts/bench/first-unlock.ts [--events N] [--rounds N]
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDirPaths } from '../../electron/services/data-dir.js';
import { createApp } from '../../electron/services/handlers.js';
import { sourceWorkerEntry } from '../../electron/services/jobs/job-runner.js';
import { folderPlatform } from '../../electron/services/platform.js';
import { writeLegacyVault } from '../../electron/services/testing/legacy-vault.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';
import { type EventLoopDelay, eventLoopDuring } from './event-loop.js';

export interface FirstUnlock {
  /** Each round's main-thread figures, steps in the job worker (as the app runs them). */
  worker: (EventLoopDelay & { wallMs: number; cpuMs: number })[];
  /** The same with the steps on the main thread (the CLI's way, the app's before). */
  inProcess: (EventLoopDelay & { wallMs: number; cpuMs: number })[];
  /**
   * The floor: the next unlock of the same vault, nothing pending. Its worst delay is the unlock's
   * own main-thread work; the read of every page (quick_check) runs in the job worker, its cost in
   * the wall time (a worker start and a cold read), not in this delay.
   */
  again: (EventLoopDelay & { wallMs: number; cpuMs: number })[];
}

const passphrase = 'bench first unlock';

async function timedUnlock(session: VaultSession) {
  let wallMs = 0;
  let cpuMs = 0;
  const loop = await eventLoopDuring(async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const status = await session.unlock({ passphrase });
    if (status.state !== 'unlocked') throw new Error(`bench: the unlock ended ${status.state}`);
    wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs = (used.user + used.system) / 1000;
  });
  return { ...loop, wallMs, cpuMs };
}

export async function firstUnlockAfterUpdate(
  dir: string,
  { events, rounds }: { events: number; rounds: number },
): Promise<FirstUnlock> {
  const template = join(dir, 'template');
  await writeLegacyVault(template, { userName: 'bench', passphrase, events });
  const files = dataDirPaths(template);
  const result: FirstUnlock = { worker: [], inProcess: [], again: [] };
  for (let round = 0; round < rounds * 2; round++) {
    // Alternate which goes first, so neither side always meets the other's leftovers.
    const inWorker = round % 4 === 0 || round % 4 === 3;
    const dataDir = join(dir, `round-${round}`);
    await mkdir(dataDir, { recursive: true });
    for (const path of [files.database, files.keyslots, files.unlockFailures])
      await copyFile(path, join(dataDir, path.slice(template.length + 1)));
    const session = new VaultSession({ dataDir, via: 'app', kdf: fastKdf });
    if (inWorker) createApp(session, folderPlatform(join(dir, 'saved')), sourceWorkerEntry);
    (inWorker ? result.worker : result.inProcess).push(await timedUnlock(session));
    if (inWorker) {
      await session.lock('user');
      result.again.push(await timedUnlock(session));
    }
    await session.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' } } });
  const dir = await mkdtemp(join(tmpdir(), 'kasane-first-unlock-'));
  try {
    const events = Number(values.events ?? 100_000);
    const found = await firstUnlockAfterUpdate(dir, { events, rounds: Number(values.rounds ?? 3) });
    const line = (name: string, rows: FirstUnlock['worker']) =>
      console.log(
        `${name}: worst delay ${rows.map((r) => r.worst.toFixed(0)).join(' / ')} ms; unlock wall ${rows.map((r) => r.wallMs.toFixed(0)).join(' / ')} ms; process CPU ${rows.map((r) => r.cpuMs.toFixed(0)).join(' / ')} ms; main-thread GC ${rows.map((r) => r.longestGc.toFixed(0)).join(' / ')} ms`,
      );
    console.log(
      `first unlock after an update, ${events.toLocaleString('en')} audit events, steps 0500 on pending`,
    );
    line('steps in the job worker', found.worker);
    line('steps on the main thread', found.inProcess);
    line('the next unlock, nothing pending', found.again);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
