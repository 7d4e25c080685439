/**
 * `npm run bench`: service-level timings against design.md's budget, each beside a floor measured in
 * the same run, on the budget's data set in the encrypted store and on a decrypted copy of it.
 * Benchmarks print; they never fail a build (tests never assert times).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema.js';
import { appendAuditEvent, verifyAuditChain } from '../electron/services/audit.js';
import { createContext } from '../electron/services/context.js';
import { renderForm } from '../electron/services/forms/index.js';
import { getHousehold, listHouseholds } from '../electron/services/households.js';
import { tuneKdf } from '../electron/services/keyslots.js';
import { meetingFormData } from '../electron/services/meeting-form-data.js';
import { defaultOfficeSettings } from '../electron/services/office-settings.js';
import { statisticsFor } from '../electron/services/statistics/index.js';
import { fastKdf } from '../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../electron/services/vault-session.js';
import { seedBenchData, seedBenchMeetings } from './bench/seed.js';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

/** Runs one after another (never in parallel, or each sample would include the others). */
async function samples(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const rows: string[][] = [['measure', 'result', 'budget', 'floor (same run)']];
const queries = ['𠮷', '山田', 'よしだ', 'たかはし けん', 'B-00123', '髙橋 美咲1', 'なかむら', '田'];

/** The same service calls, timed on one store (encrypted or its plain copy). */
async function measure(db: Kysely<Database>, ids: string[], userId: string, largeMeetingId: string) {
  // What a handler gets: built per call, as dispatch does.
  const ctx = () => createContext({ db, user: { id: userId, name: 'bench' }, now: new Date() });
  // Steady state, as on a coordinator's PC after the first screen: one untimed pass warms the cache.
  await statisticsFor(ctx(), { fiscalYears: [2024], threshold: 10 });
  for (const q of queries) await listHouseholds(ctx(), { query: q, sort: 'receivedOn', limit: 50 });
  let q = 0;
  const search = await samples(160, () =>
    listHouseholds(ctx(), { query: queries[q++ % queries.length] ?? '', sort: 'receivedOn', limit: 50 }),
  );
  let o = 0;
  const open = await samples(100, () => getHousehold(ctx(), { id: ids[(o++ * 97) % ids.length] ?? '' }));
  const forms = await samples(10, async () => {
    const data = await meetingFormData(db, largeMeetingId, {
      names: 'real',
      office: defaultOfficeSettings,
      issuer: { name: 'bench' },
      now: new Date(),
    });
    for (const n of [1, 2, 3, 4, 5] as const) await renderForm(n, { ...data, copy: null }, null);
  });
  const stats = await samples(20, () => statisticsFor(ctx(), { fiscalYears: [2024], threshold: 10 }));
  return {
    search: percentile(search, 95),
    open: percentile(open, 95),
    forms: percentile(forms, 50),
    stats: percentile(stats, 95),
  };
}

async function bareDocx(pages: number): Promise<void> {
  const table = () =>
    new Table({
      rows: Array.from(
        { length: 15 },
        () =>
          new TableRow({
            children: Array.from(
              { length: 5 },
              () => new TableCell({ children: [new Paragraph('あいうえお')] }),
            ),
          }),
      ),
    });
  await Packer.toBuffer(
    new Document({
      sections: Array.from({ length: pages }, () => ({ children: [new Paragraph('見出し'), table()] })),
    }),
  );
}

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
  const [unlock] = await samples(1, () => session.unlock({ passphrase: 'bench passphrase 123' }));
  rows.push([
    'full unlock (KDF + open + quick_check + audit)',
    ms(unlock ?? 0),
    '300–1000 ms',
    ms(kdf.measuredMs),
  ]);

  // The admin CLI as a script runs it: a whole process, on a vault whose KDF costs next to nothing.
  const cliVault = new VaultSession({ dataDir: join(dir, 'cli'), via: 'cli', kdf: fastKdf });
  await cliVault.setup({ userName: 'bench', passphrase: 'bench passphrase 123' });
  await seedBenchData(cliVault.signedIn().store.db, { households: 200, notesPerHousehold: 2 });
  await cliVault.lock('user');
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, {
      env: { ...process.env, KASANE_PASSPHRASE: 'bench passphrase 123' },
      stdio: 'ignore',
    });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  };
  const cli = ['electron/cli/kasane.mjs', 'cases', '--data-dir', join(dir, 'cli'), '--json'];
  run(cli); // builds the CLI bundle if a source changed
  const cliRuns = await samples(7, () => run(cli));
  const nodeRuns = await samples(7, () => run(['-e', '']));
  rows.push([
    'CLI `cases --json` (200 households), whole process, KDF N=2^10',
    ms(percentile(cliRuns, 50)),
    '≤ 300 ms beyond the KDF',
    `bare node start ${ms(percentile(nodeRuns, 50))}`,
  ]);

  const { store, user } = session.signedIn();
  const appends = await samples(500, () =>
    appendAuditEvent(store.db, { userId: null, kind: 'lock', detail: {} }, new Date()),
  );
  rows.push(['audit append p95 (one fsync’d transaction)', ms(percentile(appends, 95)), '—', '—']);

  const started = performance.now();
  const ids = await seedBenchData(store.db, { households: 10_000, notesPerHousehold: 10 });
  const { largeMeetingId } = await seedBenchMeetings(store.db, ids, 5_000);
  console.error(
    `(seeded 10,000 households / 40,000 members / 100,000 notes / 5,000 meetings in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  rows.push([
    'audit chain verify (500+ events)',
    ms(percentile(await samples(3, () => verifyAuditChain(store.db)), 50)),
    '—',
    '—',
  ]);

  const encrypted = await measure(store.db, ids, user.id, largeMeetingId);

  // A decrypted copy of the same file: the encryption overhead is the ratio of the two runs.
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const plainPath = join(dir, 'plain.db');
  await copyFile(join(dir, 'vault', 'kasane.db'), plainPath);
  await session.lock('user');
  const key = (await import('../electron/services/keyslots.js')).openAnyKeyslot;
  const { readKeyslots } = await import('../electron/services/keyslots.js');
  const slots = await readKeyslots(join(dir, 'vault', 'keyslots.json'));
  const opened = await key(
    slots.slots.filter((s) => s.kind === 'passphrase'),
    'bench passphrase 123',
  );
  const plainSqlite = new BetterSqlite3(plainPath);
  plainSqlite.pragma(`cipher='sqlcipher'`);
  plainSqlite.pragma('legacy=4');
  plainSqlite.pragma(`key="x'${opened?.dataKey.toString('hex')}'"`);
  plainSqlite.pragma(`rekey=''`);
  // The same settings openStore() gives the encrypted file, so only the encryption differs.
  for (const pragma of [
    'journal_mode = WAL',
    'synchronous = FULL',
    'foreign_keys = ON',
    'temp_store = MEMORY',
    'cache_size = -32768',
  ]) {
    plainSqlite.pragma(pragma);
  }
  const plainDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: plainSqlite }) });
  const plain = await measure(plainDb, ids, user.id, largeMeetingId);

  const likeFloor = percentile(
    await samples(50, () =>
      plainSqlite.prepare(`SELECT count(*) FROM members WHERE name LIKE '%田%' OR kana LIKE '%よし%'`).get(),
    ),
    50,
  );
  const ftsFloor = percentile(
    await samples(50, () =>
      plainSqlite
        .prepare(`SELECT rowid FROM household_search WHERE household_search MATCH '"たかはし"'`)
        .all(),
    ),
    50,
  );
  const fetchFloor = percentile(
    await samples(100, () => plainSqlite.prepare('SELECT * FROM households WHERE id = ?').get(ids[7])),
    50,
  );
  const docx1 = percentile(await samples(10, () => bareDocx(1)), 50);
  const docx14 = percentile(await samples(5, () => bareDocx(14)), 50);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

  rows.push([
    'case search p95 (1–6 character queries)',
    ms(encrypted.search),
    '≤ 5 ms',
    `LIKE scan of 40,000 members ${ms(likeFloor)}; trigram ${ms(ftsFloor)}`,
  ]);
  rows.push([
    'open a case p95 (detail + timeline + audit event)',
    ms(encrypted.open),
    '≤ 5 ms',
    `indexed fetch ${ms(fetchFloor)}`,
  ]);
  rows.push([
    'all five 様式, 14-agency meeting',
    ms(encrypted.forms),
    '≤ 100 ms',
    `bare docx ${ms(docx1)} (1 page) / ${ms(docx14)} (14 pages)`,
  ]);
  rows.push(['fiscal-year statistics table p95', ms(encrypted.stats), '≤ 50 ms', '—']);
  rows.push([
    'encrypted ÷ plain copy (search / open / 様式 / stats)',
    [
      ratio(encrypted.search, plain.search),
      ratio(encrypted.open, plain.open),
      ratio(encrypted.forms, plain.forms),
      ratio(encrypted.stats, plain.stats),
    ].join(' / '),
    '≤ 1.3×',
    `plain: ${ms(plain.search)} / ${ms(plain.open)} / ${ms(plain.forms)} / ${ms(plain.stats)}`,
  ]);
  await plainDb.destroy();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
