/**
 * `npm run bench`: service-level timings against design.md's budget, each beside a floor measured in
 * the same run. Benchmarks print; they never fail a build (tests never assert times).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db/open.js';
import { appendAuditEvent, verifyAuditChain } from '../electron/services/audit.js';
import { tuneKdf } from '../electron/services/keyslots.js';
import { VaultSession } from '../electron/services/vault-session.js';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs one after another (never in parallel, or each sample would include the others). */
async function samples(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(fn));
  return out;
}

const rows: string[][] = [['measure', 'result', 'budget', 'floor (same run)']];
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

const dir = await mkdtemp(join(tmpdir(), 'kasane-bench-'));
try {
  const kdf = await tuneKdf();
  rows.push([
    'unlock KDF (scrypt, tuned on this PC)',
    `${ms(kdf.measuredMs)} (N=2^${Math.log2(kdf.N)})`,
    '300–1000 ms',
    '—',
  ]);

  const session = new VaultSession({ dataDir: join(dir, 'vault'), via: 'cli' });
  await session.setup({ userName: 'bench', passphrase: 'bench passphrase 123' });
  await session.lock('user');
  const unlock = await time(() => session.unlock({ passphrase: 'bench passphrase 123' }));
  rows.push([
    'full unlock (KDF + open + quick_check + audit)',
    ms(unlock),
    '300–1000 ms',
    ms(kdf.measuredMs),
  ]);

  const { db } = session.signedIn().store;
  const appends = await samples(2000, () =>
    appendAuditEvent(db, { userId: null, kind: 'lock', detail: {} }, new Date()),
  );
  rows.push(['audit append p95 (2,000 events)', ms(percentile(appends, 95)), '—', '—']);
  rows.push(['audit chain verify (2,000+ events)', ms(await time(() => verifyAuditChain(db))), '—', '—']);
  await session.lock('user');

  const key = randomBytes(32);
  const plainPath = join(dir, 'plain.db');
  const encPath = join(dir, 'enc.db');
  const enc = await openStore(encPath, key, { create: true });
  const { default: Sqlite } = await import('better-sqlite3-multiple-ciphers');
  const plain = new Sqlite(plainPath);
  for (const s of [enc.sqlite, plain]) {
    s.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)');
    const insert = s.prepare('INSERT INTO t(v) VALUES (?)');
    s.transaction(() => {
      for (let i = 0; i < 40_000; i++) insert.run(`name-${i}`);
    })();
  }
  const scan = (s: typeof plain) => s.prepare(`SELECT count(*) FROM t WHERE v LIKE '%99%'`).get();
  const encScan = percentile(await samples(50, () => scan(enc.sqlite)), 50);
  const plainScan = percentile(await samples(50, () => scan(plain)), 50);
  rows.push([
    'LIKE scan of 40,000 rows, encrypted vs plain',
    `${ms(encScan)} (${(encScan / plainScan).toFixed(2)}×)`,
    '≤ 1.3×',
    ms(plainScan),
  ]);
  plain.close();
  await enc.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
