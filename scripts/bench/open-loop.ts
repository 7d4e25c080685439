/**
 * Opening a case, encrypted ÷ plain, on a vault seeded once into DIR and reused (issue 14): seeding
 * 100,000 households takes minutes, a change to the open path is timed in seconds.
 *
 *   node_modules/.bin/node --import tsx scripts/bench/open-loop.ts DIR [--households N] [--samples N]
 *     [--what whole|reads|append]   getHousehold as the app runs it (default), its reads alone, or
 *                                   the household.viewed append alone
 *     [--same-pages]                make DIR/plain.db page for page (plain-copy.ts), not by rekey
 *     [--plain FILE,…]              compare with these plain copies instead (sampled in the same turns)
 *
 * DIR/plain.db is made once, as bench.ts makes its copy (rekey, which rebuilds the file) unless
 * --same-pages. Each plain copy is opened as bench.ts opens its own: the same pragmas, driver and
 * anchored commit path. All are warmed alike, then sampled in turn, the order rotating each time.
 * Every sample opens a household not opened before in this process (as the bench's first round
 * does): its pages are read from the file, so the encrypted side decrypts them. Prints each side's
 * wall and CPU p50/p95 and the ratios of medians; on a shared machine the CPU ratio is the steadier.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { CommitWatch, watchedKysely } from '../../db/commit-watch.js';
import type { Database } from '../../db/schema.js';
import { keepAnchor } from '../../electron/services/anchor.js';
import { appendAuditEvent, registerAuditKey } from '../../electron/services/audit.js';
import { createContext } from '../../electron/services/context.js';
import { getHousehold } from '../../electron/services/households.js';
import { deriveKey } from '../../electron/services/vault-keys.js';
import { storePragmas } from './jobs.js';
import { decryptedCopy } from './plain-copy.js';
import { seedBenchData, seedBenchMeetings } from './seed.js';
import { seededVault } from './seeded-dir.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    households: { type: 'string' },
    samples: { type: 'string' },
    what: { type: 'string' },
    plain: { type: 'string' },
    'same-pages': { type: 'boolean' },
  },
});
const dirArg = positionals[0];
if (!dirArg)
  throw new Error(
    'usage: open-loop.ts DIR [--households N] [--samples N] [--plain FILE,…] [--what whole|reads|append]',
  );
const dir: string = dirArg;
const households = Number(values.households ?? 100_000);
const n = Number(values.samples ?? 2000);
const what = values.what ?? 'whole';
if (!['whole', 'reads', 'append'].includes(what)) throw new Error(`--what: ${what}`);

const plainPaths: string[] = values.plain?.split(',') ?? [join(dir, 'plain.db')];
const session = await seededVault(dir, async (db) => {
  const ids = await seedBenchData(db, { households, notesPerHousehold: 10 });
  await seedBenchMeetings(db, ids, Math.floor(ids.length / 2));
});
const { store, user, vault } = session.signedIn();

const defaultPlain = join(dir, 'plain.db');
if (plainPaths.includes(defaultPlain) && !existsSync(defaultPlain)) {
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const encryptedPath = join(dir, 'vault', 'kasane.db');
  if (values['same-pages']) decryptedCopy(encryptedPath, defaultPlain, vault.dataKey);
  else {
    // As bench.ts makes its copy.
    copyFileSync(encryptedPath, defaultPlain);
    const decrypt = new BetterSqlite3(defaultPlain);
    decrypt.pragma(`cipher='sqlcipher'`);
    decrypt.pragma('legacy=4');
    decrypt.pragma(`key="x'${vault.dataKey.toString('hex')}'"`);
    decrypt.pragma(`rekey=''`);
    decrypt.close();
  }
}
/** Each plain copy opened as bench.ts opens its own: openStore's pragmas, the driver, an anchor. */
async function openPlain(path: string, k: number) {
  const sqlite = new BetterSqlite3(path);
  registerAuditKey(sqlite, deriveKey(vault.dataKey, 'audit-chain'));
  for (const pragma of storePragmas) sqlite.pragma(pragma);
  const watch = new CommitWatch();
  const db = watchedKysely<Database>(sqlite, watch);
  const anchorPath = join(dir, `plain-${k}.anchor`);
  rmSync(anchorPath, { force: true });
  const anchor = await keepAnchor(
    { sqlite, db, watch, close: () => db.destroy() },
    anchorPath,
    randomBytes(32),
    randomBytes(16).toString('hex'),
    { state: 'missing' },
  );
  const close = async () => {
    anchor.close();
    await db.destroy();
  };
  return { db, close };
}
const plains = await Promise.all(plainPaths.map(openPlain));

const ids = (await store.db.selectFrom('households').select('id').orderBy('id').execute()).map((r) => r.id);
const dbs: Kysely<Database>[] = [store.db, ...plains.map((p) => p.db)];
const stores = dbs.length;
const household = (i: number) => ({ id: ids[(i * 97) % ids.length] ?? '' });
const ctx = (k: number) => createContext({ db: dbs[k] as Kysely<Database>, user, now: new Date() });
const call = (k: number, i: number) => {
  if (what === 'reads') return getHousehold({ ...ctx(k), audit: async () => {} }, household(i));
  if (what === 'append')
    return appendAuditEvent(
      dbs[k] as Kysely<Database>,
      { userId: user.id, kind: 'household.viewed', target: { type: 'household', id: household(i).id } },
      new Date(),
    );
  return getHousehold(ctx(k), household(i));
};

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
for (const k of dbs.keys()) for (let i = 0; i < 200; i++) await call(k, i);
const wall: number[][] = dbs.map(() => []);
const cpu: number[][] = dbs.map(() => []);
for (let i = 0; i < n; i++)
  for (let j = 0; j < stores; j++) {
    const k = (i + j) % stores;
    const c = process.cpuUsage();
    const t = performance.now();
    await call(k, i + 200);
    wall[k]?.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu[k]?.push((u.user + u.system) / 1000);
  }
const side = (k: number) => ({
  wall_p50: pct(wall[k] ?? [], 50),
  wall_p95: pct(wall[k] ?? [], 95),
  cpu_p50: pct(cpu[k] ?? [], 50),
  cpu_mean: (cpu[k] ?? []).reduce((a, b) => a + b, 0) / n,
});
const r = (x: number) => Number(x.toFixed(3));
const rounded = (k: number) => Object.fromEntries(Object.entries(side(k)).map(([key, v]) => [key, r(v)]));
const e = side(0);
console.log(
  JSON.stringify({
    what,
    samples: n,
    households: ids.length,
    encrypted: rounded(0),
    plain: plainPaths.map((path, i) => {
      const p = side(i + 1);
      return {
        file: path,
        ...rounded(i + 1),
        ratio_wall_p50: r(e.wall_p50 / p.wall_p50),
        ratio_cpu_mean: r(e.cpu_mean / p.cpu_mean),
      };
    }),
  }),
);
for (const plain of plains) await plain.close();
await session.close();
