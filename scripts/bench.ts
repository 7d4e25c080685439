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
import { getHousehold, listHouseholds } from '../electron/services/households.js';
import { tuneKdf } from '../electron/services/keyslots.js';
import { VaultSession } from '../electron/services/vault-session.js';
import { seedBenchData } from './bench/seed.js';

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

  const seedMs = await time(() => seedBenchData(db, { households: 10_000, notesPerHousehold: 10 }));
  console.error(
    `(seeded 10,000 households / 40,000 members / 100,000 progress notes in ${(seedMs / 1000).toFixed(1)} s)`,
  );
  const { sqlite } = session.signedIn().store;
  const ids = (sqlite.prepare('SELECT id FROM households').all() as { id: string }[]).map((r) => r.id);
  const today = new Date().toISOString().slice(0, 10);
  const queries = ['𠮷', '山田', 'よしだ', 'たかはし けん', 'B-00123', '髙橋 美咲1', 'なかむら'];
  const search = await samples(140, async () =>
    listHouseholds(
      db,
      { query: queries[Math.floor(Math.random() * queries.length)] ?? '', sort: 'receivedOn', limit: 50 },
      today,
    ),
  );
  const likeFloor = await samples(50, () =>
    sqlite.prepare(`SELECT count(*) FROM members WHERE name LIKE '%田%' OR kana LIKE '%よし%'`).get(),
  );
  rows.push([
    'case search p95 (mixed 1–6 char queries, 50 rows)',
    ms(percentile(search, 95)),
    '≤ 5 ms',
    `${ms(percentile(likeFloor, 50))} (raw LIKE scan of 40,000 members)`,
  ]);
  const ftsFloor = await samples(50, () =>
    sqlite.prepare(`SELECT rowid FROM household_search WHERE text LIKE '%たかはし%' LIMIT 50`).all(),
  );
  rows.push(['  trigram lookup (raw SQL)', ms(percentile(ftsFloor, 50)), '—', '—']);
  const open = await samples(100, () =>
    getHousehold(
      db,
      session.signedIn().user.id,
      ids[Math.floor(Math.random() * ids.length)] ?? '',
      today,
      new Date(),
    ),
  );
  const fetchFloor = await samples(100, () =>
    sqlite.prepare('SELECT * FROM households WHERE id = ?').get(ids[0]),
  );
  rows.push([
    'open a case p95 (detail + timeline + audit event)',
    ms(percentile(open, 95)),
    '≤ 5 ms',
    `${ms(percentile(fetchFloor, 50))} (indexed fetch)`,
  ]);
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
