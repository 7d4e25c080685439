import { parseArgs } from 'node:util';
import { createContext } from '../../electron/services/context.js';
import { deskOn } from '../../electron/services/desk.js';
import { statisticsFor } from '../../electron/services/statistics/index.js';
import { seedBenchData, seedBenchMeetings } from './seed.js';
import { seededVault } from './seeded-dir.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { households: { type: 'string' }, samples: { type: 'string' }, breakdown: { type: 'boolean' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: desk-loop.ts DIR [--households N] [--samples N] [--breakdown]');
const households = Number(values.households ?? 10_000);
const n = Number(values.samples ?? 40);

const session = await seededVault(dir, async (db) => {
  const ids = await seedBenchData(db, { households, notesPerHousehold: 10 });
  await seedBenchMeetings(db, ids, Math.floor(ids.length / 2), true);
});
const { store, user } = session.signedIn();
const ctx = () => createContext({ db: store.db, user, now: new Date() });
const spent = new Map<string, { n: number; ms: number }>();
if (values.breakdown) {
  const proto = Object.getPrototypeOf(store.sqlite.prepare('SELECT 1'));
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method];
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const t = performance.now();
      const out = original.apply(this, args);
      const key = `${method} ${this.source.replace(/\s+/g, ' ').slice(0, 160)}`;
      const e = spent.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      spent.set(key, e);
      return out;
    };
  }
}
const calls = {
  desk: () => deskOn(ctx(), {}),
  statistics: () => statisticsFor(ctx(), { fiscalYears: [2024], threshold: 10 }),
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
for (const [name, call] of Object.entries(calls)) {
  const first = await call();
  if (name === 'desk') {
    const d = first as Awaited<ReturnType<typeof deskOn>>;
    console.error(
      `desk lists: quiet ${d.quietHouseholds.length}, reviews ${d.reviewsDue.length}, contacts ${d.contactsDue.length}, after ${d.reportsMissing.length}/${d.plansUnconfirmed.length}, copies ${d.copiesOutstanding.length}`,
    );
  }
  spent.clear();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await call();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  console.log(
    `${name}: wall p50 ${pct(wall, 50).toFixed(2)} p95 ${pct(wall, 95).toFixed(2)} ms; cpu p50 ${pct(cpu, 50).toFixed(2)} ms`,
  );
  if (values.breakdown)
    for (const [k, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
      console.log(`  ${(e.ms / n).toFixed(2)} ms/call  ×${(e.n / n).toFixed(0)}  ${k}`);
}
await session.close();
