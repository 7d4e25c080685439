import { parseArgs } from 'node:util';
import { createContext } from '../../electron/services/context.js';
import { listHouseholds } from '../../electron/services/household-page.js';
import { benchQueries } from './queries.js';
import { seedBenchData } from './seed.js';
import { seededVault } from './seeded-dir.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { households: { type: 'string' }, samples: { type: 'string' }, breakdown: { type: 'boolean' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: search-loop.ts DIR [--households N] [--samples N]');
const households = Number(values.households ?? 10_000);
const n = Number(values.samples ?? 480);
const queries: readonly string[] = benchQueries;

const session = await seededVault(dir, async (db) => {
  await seedBenchData(db, { households, notesPerHousehold: 10 });
});
const { store, user } = session.signedIn();
const list = (i: number) =>
  listHouseholds(createContext({ db: store.db, user, now: new Date() }), {
    query: queries[i % queries.length] ?? '',
    sort: i % 2 === 0 ? 'receivedOn' : 'kana',
    limit: 50,
  });
for (let i = 0; i < queries.length * 4; i++) await list(i);
const spent = new Map<string, { n: number; ms: number }>();
if (values.breakdown) {
  // Every statement's time, by its text: better-sqlite3's Statement.all, wrapped.
  const stmtProto = Object.getPrototypeOf(store.sqlite.prepare('SELECT 1'));
  const all = stmtProto.all;
  stmtProto.all = function (this: { source: string }, ...a: unknown[]) {
    const c = process.cpuUsage();
    const out = all.apply(this, a);
    const u = process.cpuUsage(c);
    const k = this.source.replace(/\s+/g, ' ').slice(0, 140);
    const e = spent.get(k) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += (u.user + u.system) / 1000;
    spent.set(k, e);
    return out;
  };
}
const wall: number[] = [];
const byQuery = new Map<string, number[]>();
const cpu: number[] = [];
for (let i = 0; i < n; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  await list(i);
  wall.push(performance.now() - t);
  const u = process.cpuUsage(c);
  cpu.push((u.user + u.system) / 1000);
  const q = `${queries[i % queries.length]} ${i % 2 === 0 ? 'received' : 'kana'}`;
  byQuery.set(q, [...(byQuery.get(q) ?? []), (u.user + u.system) / 1000]);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const f = (x: number) => x.toFixed(3);
console.log(
  JSON.stringify({
    wall_p50: f(pct(wall, 50)),
    wall_p95: f(pct(wall, 95)),
    cpu_p50: f(pct(cpu, 50)),
    cpu_p95: f(pct(cpu, 95)),
  }),
);
if (values.breakdown)
  for (const [q, xs] of [...byQuery].sort((a, b) => pct(b[1], 50) - pct(a[1], 50)))
    console.log(`cpu p50 ${f(pct(xs, 50))} p95 ${f(pct(xs, 95))}  ${q}`);
for (const [k, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`${(e.ms / n).toFixed(3)} ms/call  ${(e.ms / e.n).toFixed(3)} ms/stmt  n=${e.n}  ${k}`);
await session.close();
