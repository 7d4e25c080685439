/**
 * The bench's multi-copy render (様式2–5 × 14 numbered copies in the job worker) under the main
 * thread's event-loop monitor, several times, on a vault seeded once into DIR (issue 14). The first
 * run into an empty DIR seeds in this process, as the bench does; later runs reuse the vault, as
 * the app's main process would (it holds no seed heap). Each run prints the worst delay, the main
 * thread's CPU and its garbage collections during it (PerformanceObserver 'gc': kind, duration).
 *
 *   node_modules/.bin/node --expose-gc --import tsx scripts/bench/render-loop.ts DIR [--households N] [--runs N] [--unsettled] [--timeline] [--job backup|verify]
 *
 * --unsettled measures without settleHeap first (the bench's way before: the seed's garbage is
 * collected whenever V8 likes); --timeline lists the main thread's stalls beside the job's messages,
 * each with the main thread's time on a CPU and its time waiting for one (Linux schedstat): a stall
 * spent waiting for a CPU is the machine's load, not the app's work. --job runs the bench's
 * バックアップ or 検証 window instead of the render.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../../electron/services/handlers.js';
import { type JobRunner, sourceWorkerEntry } from '../../electron/services/jobs/job-runner.js';
import { folderPlatform } from '../../electron/services/platform.js';
import { eventLoopDuring, settleHeap } from './event-loop.js';
import { backupJob, renderJob } from './jobs.js';
import { seedBenchData, seedBenchMeetings } from './seed.js';
import { seededVault } from './seeded-dir.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    households: { type: 'string' },
    runs: { type: 'string' },
    unsettled: { type: 'boolean' },
    timeline: { type: 'boolean' },
    job: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir)
  throw new Error(
    'usage: render-loop.ts DIR [--households N] [--runs N] [--unsettled] [--timeline] [--job backup|verify]',
  );
const households = Number(values.households ?? 100_000);
const runs = Number(values.runs ?? 5);
const meetingFile = join(dir, 'large-meeting-id');

let largeMeetingId = '';
const session = await seededVault(dir, async (db) => {
  // As the bench grows it: 1,000 first (with the large meeting), then the rest.
  let ids = await seedBenchData(db, { households: Math.min(1_000, households), notesPerHousehold: 10 });
  ({ largeMeetingId } = await seedBenchMeetings(db, ids, Math.floor(ids.length / 2), true));
  if (households > ids.length) {
    const added = await seedBenchData(db, {
      households: households - ids.length,
      notesPerHousehold: 10,
      from: ids.length,
    });
    await seedBenchMeetings(db, added, Math.floor(added.length / 2), false);
    ids = [...ids, ...added];
  }
  await writeFile(meetingFile, largeMeetingId);
  console.error(`(${ids.length} households; this process holds the seed's heap)`);
});
if (!largeMeetingId) largeMeetingId = (await readFile(meetingFile, 'utf8')).trim();
const { user } = session.signedIn();
const app = createApp(session, folderPlatform(join(dir, 'render-saved')), sourceWorkerEntry);

const collections: { kind: number; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    collections.push({ kind: (e as { detail?: { kind: number } }).detail?.kind ?? 0, ms: e.duration });
});
observer.observe({ entryTypes: ['gc'] });
const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MINOR_MARK_SWEEP]: 'minor mark-sweep',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

// --timeline: when the main thread stalled (gaps of a 2 ms timer over 15 ms), beside the job's messages.
const events: string[] = [];
let t0 = 0;
const at = () => (performance.now() - t0).toFixed(1).padStart(7);
if (values.timeline) {
  (app.jobs as JobRunner).onProgress((p) => events.push(`${at()} progress ${p.step} ${p.done}/${p.total}`));
  const keeper = session.signedIn().vault.keeper;
  if (keeper) {
    for (const name of ['anchorNow', 'anchorSyncedCommit'] as const) {
      const anchor = keeper[name].bind(keeper);
      keeper[name] = (sqlite) => {
        const t = performance.now();
        anchor(sqlite);
        events.push(`${at()} ${name} ${(performance.now() - t).toFixed(1)} ms`);
      };
    }
  }
}

/**
 * The main thread's time on a CPU and its time runnable but waiting for one (ms), from Linux's
 * /proc/thread-self/schedstat: a stall with neither was the thread blocked in a system call.
 */
function schedstat(): { run: number; wait: number } {
  if (process.platform !== 'linux') return { run: 0, wait: 0 };
  const [run = 0, wait = 0] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  return { run: run / 1e6, wait: wait / 1e6 };
}

for (let i = 0; i < runs; i++) {
  // Settled here, not by eventLoopDuring: the collection itself stays out of the lists below.
  if (!values.unsettled) settleHeap();
  await new Promise((r) => setTimeout(r, 50));
  collections.length = 0;
  const heap = process.memoryUsage();
  events.length = 0;
  t0 = performance.now();
  let last = t0;
  let lastSched = schedstat();
  const sampler = values.timeline
    ? setInterval(() => {
        const now = performance.now();
        const sched = schedstat();
        if (now - last > 15)
          events.push(
            `${at()} stall ${(now - last).toFixed(1)} ms (on CPU ${(sched.run - lastSched.run).toFixed(1)} ms, waiting for a CPU ${(sched.wait - lastSched.wait).toFixed(1)} ms)`,
          );
        last = now;
        lastSched = sched;
      }, 2)
    : null;
  const cpu = process.threadCpuUsage();
  const { worst } = await eventLoopDuring(
    () =>
      (app.jobs as JobRunner).run(
        values.job === 'backup'
          ? backupJob(session, dir, join(dir, `backups-${Date.now()}`))
          : values.job === 'verify'
            ? { kind: 'verify' }
            : renderJob(largeMeetingId),
        { now: new Date(), user },
      ),
    { settle: false },
  );
  const used = process.threadCpuUsage(cpu);
  if (sampler) clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 10));
  const gcs = collections.map((c) => `${gcKinds[c.kind] ?? c.kind} ${c.ms.toFixed(1)}`).join(', ');
  console.log(
    `run ${i + 1}: worst ${worst.toFixed(1)} ms; main CPU ${((used.user + used.system) / 1000).toFixed(0)} ms; heap ${(heap.heapUsed / 2 ** 20).toFixed(0)}/${(heap.heapTotal / 2 ** 20).toFixed(0)} MB; gc: ${gcs || 'none'}`,
  );
  if (values.timeline) console.log(events.map((e) => `    ${e}`).join('\n'));
}
observer.disconnect();
await session.close();
