import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../db/open.js';
import {
  AnchorKeeper,
  type AnchorRecord,
  AnchorWriter,
  CommitReporter,
  checkAgainstAnchor,
  readAnchor,
  viewFlushDelayMs,
} from './anchor.js';
import { appendAuditEvent, registerAuditKey } from './audit.js';
import { dataDirPaths } from './data-dir.js';
import { createHousehold, getHousehold, updateHousehold } from './households.js';
import { serviceCtx } from './testing/service-context.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { deriveKey } from './vault-keys.js';
import { VaultSession } from './vault-session.js';

/**
 * A power cut, simulated: what it leaves of each WAL is the file as it was at its last flush — a
 * COMMIT under synchronous = FULL (AnchorKeeper.afterCommit told walSynced) or syncWal. Every time
 * the anchor is written, the files a power cut at that moment would leave are kept: the database
 * file (no checkpoint runs in these tests), that WAL, and the anchor just written. Each must open
 * without an alarm — an anchor ahead of what was on disk is the false alarm issue 11 forbids.
 */
const power = vi.hoisted(() => ({ durable: new Map<string, Buffer>(), syncs: 0 }));

function flushed(sqlite: BetterSqlite3.Database): void {
  const wal = `${sqlite.name}-wal`;
  let bytes = Buffer.alloc(0);
  try {
    bytes = readFileSync(wal);
  } catch {
    // No WAL: nothing in it to lose.
  }
  power.durable.set(wal, bytes);
}

vi.mock('../../db/wal-sync.js', async (original) => {
  const actual = await original<typeof import('../../db/wal-sync.js')>();
  return {
    ...actual,
    syncWal(sqlite: BetterSqlite3.Database) {
      power.syncs += 1;
      flushed(sqlite);
      actual.syncWal(sqlite);
    },
  };
});

interface PowerCutImage {
  database: Buffer;
  wal: Buffer;
  anchor: Buffer;
  record: AnchorRecord;
}
let images: PowerCutImage[] = [];

const afterCommit = AnchorKeeper.prototype.afterCommit;
const reporterAfterCommit = CommitReporter.prototype.afterCommit;
const writeAnchor = AnchorWriter.prototype.write;
beforeEach(() => {
  // A job worker's COMMIT under FULL flushes its WAL as the main connection's does.
  vi.spyOn(CommitReporter.prototype, 'afterCommit').mockImplementation(function (
    this: CommitReporter,
    sqlite,
    walSynced,
  ) {
    if (walSynced) flushed(sqlite);
    reporterAfterCommit.call(this, sqlite, walSynced);
  });
  vi.spyOn(AnchorKeeper.prototype, 'afterCommit').mockImplementation(function (
    this: AnchorKeeper,
    sqlite,
    walSynced,
  ) {
    if (walSynced) flushed(sqlite);
    afterCommit.call(this, sqlite, walSynced);
  });
  vi.spyOn(AnchorWriter.prototype, 'write').mockImplementation(function (this: AnchorWriter, record) {
    writeAnchor.call(this, record);
    const database = join(dirname(this.path), 'kasane.db');
    images.push({
      database: readFileSync(database),
      wal: power.durable.get(`${database}-wal`) ?? Buffer.alloc(0),
      anchor: readFileSync(this.path),
      record,
    });
  });
});

/**
 * Opens the files a power cut (or a lost WAL) left, with the anchor `anchor`, as the next unlock
 * would: what checkAgainstAnchor finds wrong (null: nothing), and the newest audit event found.
 */
async function openImage(
  folder: string,
  image: Pick<PowerCutImage, 'database' | 'wal'>,
  anchor: Buffer,
  dataKey: Buffer,
): Promise<{ lost: string | null; newestEvent: number | null }> {
  await mkdir(folder);
  const database = join(folder, 'kasane.db');
  await writeFile(database, image.database);
  if (image.wal.length > 0) await writeFile(`${database}-wal`, image.wal);
  await writeFile(join(folder, 'kasane.anchor'), anchor);
  const store = await openStore(database, dataKey, { migrate: false });
  try {
    const lost = checkAgainstAnchor(
      store.sqlite,
      readAnchor(join(folder, 'kasane.anchor'), deriveKey(dataKey, 'anchor')),
    );
    return {
      lost: lost?.reason ?? null,
      newestEvent:
        (store.sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get() as number | null) ?? null,
    };
  } finally {
    await store.close();
  }
}

/** Opens each kept power-cut image as the next unlock would and returns what it found wrong. */
async function powerCutAlarms(
  dataKey: Buffer,
): Promise<{ alarms: string[]; newestEvents: (number | null)[] }> {
  const root = await mkdtemp(join(tmpdir(), 'kasane-power-cut-'));
  const alarms: string[] = [];
  const newestEvents: (number | null)[] = [];
  try {
    for (const [i, image] of images.entries()) {
      const { lost, newestEvent } = await openImage(join(root, String(i)), image, image.anchor, dataKey);
      if (lost) alarms.push(`anchor #${image.record.seq} (audit ${image.record.audit?.id}): ${lost}`);
      newestEvents.push(newestEvent);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { alarms, newestEvents };
}

/** What the next unlock says of `image`'s files (an earlier state) under the anchor written last. */
async function lostUnderNewestAnchor(image: PowerCutImage, dataKey: Buffer): Promise<string | null> {
  const root = await mkdtemp(join(tmpdir(), 'kasane-lost-'));
  try {
    const newest = images.at(-1);
    if (!newest) throw new Error('no anchor written');
    return (await openImage(join(root, 'image'), image, newest.anchor, dataKey)).lost;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function commitCounter(): number {
  return session
    .signedIn()
    .store.sqlite.prepare('SELECT commits FROM vault_head WHERE id = 1')
    .pluck()
    .get() as number;
}

const passphrase = 'correct horse battery';
const now = new Date('2026-11-22T01:00:00Z');
let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
  await session.setup({ userName: '相談 花子', passphrase });
  // From here on the database file stays as it is: everything new is in the WAL, flushed or not.
  const { store } = session.signedIn();
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.sqlite.pragma('wal_autocheckpoint = 0');
  flushed(store.sqlite);
  images = [];
  power.syncs = 0;
});
afterEach(async () => {
  await session.close();
  await cleanup();
  vi.restoreAllMocks();
});

async function addHousehold(n: number): Promise<string> {
  const { store, user } = session.signedIn();
  const { id } = await createHousehold(serviceCtx(store.db, user.id, now), {
    caseNo: `R8-${String(n).padStart(3, '0')}`,
    receivedOn: '2026-04-10',
    label: `世帯${n}`,
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  return id;
}

function anchorRecord(dataKey = session.signedIn().vault.dataKey): AnchorRecord {
  const read = readAnchor(dataDirPaths(dir).anchor, deriveKey(dataKey, 'anchor'));
  if (read.state !== 'ok') throw new Error(`anchor ${read.state}`);
  return read.record;
}

function newestEvent(): { id: number; kind: string } {
  return session
    .signedIn()
    .store.sqlite.prepare('SELECT id, kind FROM audit_events ORDER BY id DESC LIMIT 1')
    .get() as { id: number; kind: string };
}

/** The synchronous setting (2 = FULL, 1 = NORMAL) each changing transaction of `work` commits under. */
async function commitSettings(work: () => Promise<unknown>): Promise<number[]> {
  const { store } = session.signedIn();
  const watcher = store.watch.watcher;
  if (!watcher) throw new Error('no anchor');
  const settings: number[] = [];
  const beforeCommit = watcher.beforeCommit.bind(watcher);
  watcher.beforeCommit = (sqlite) => {
    settings.push(sqlite.pragma('synchronous', { simple: true }) as number);
    beforeCommit(sqlite);
  };
  try {
    await work();
  } finally {
    watcher.beforeCommit = beforeCommit;
  }
  return settings;
}

describe('閲覧の記録（household.viewed）: WAL の fsync を待たず、到達点は同期してから名指す', () => {
  it('世帯を開く記録だけのコミットは WAL を同期せず到達点も書かない。あとで同期してから名指し、停電しても誤って「失われた」と言わない', async () => {
    const id = await addHousehold(1);
    const { store, user } = session.signedIn();
    const before = anchorRecord();
    const syncs = power.syncs;
    const settings = await commitSettings(async () => {
      for (let i = 0; i < 3; i++) await getHousehold(serviceCtx(store.db, user.id, now), { id });
    });
    expect(settings).toEqual([1, 1, 1]);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    const viewed = newestEvent();
    expect(viewed.kind).toBe('household.viewed');
    // Written (a killed process keeps them), neither flushed nor named yet.
    expect(anchorRecord()).toEqual(before);
    expect(power.syncs).toBe(syncs);

    session.signedIn().vault.keeper?.flush();
    expect(power.syncs).toBe(syncs + 1);
    expect(anchorRecord().audit).toMatchObject({ id: viewed.id, kind: 'household.viewed' });

    const { alarms, newestEvents } = await powerCutAlarms(session.signedIn().vault.dataKey);
    expect(alarms).toEqual([]);
    // After the flush a power cut keeps the views.
    expect(newestEvents.at(-1)).toBe(viewed.id);
  });

  it(`続けて開いた閲覧の記録は、${viewFlushDelayMs} ms 以内に1回の同期でまとめて到達点に記される`, async () => {
    const id = await addHousehold(1);
    const { store, user } = session.signedIn();
    const syncs = power.syncs;
    const anchorWrites = images.length;
    for (let i = 0; i < 5; i++) await getHousehold(serviceCtx(store.db, user.id, now), { id });
    const viewed = newestEvent();
    await new Promise((wake) => setTimeout(wake, viewFlushDelayMs + 300));
    expect(power.syncs).toBe(syncs + 1);
    expect(images.length).toBe(anchorWrites + 1);
    expect(anchorRecord().audit?.id).toBe(viewed.id);
    expect((await powerCutAlarms(session.signedIn().vault.dataKey)).alarms).toEqual([]);
  });

  it('閲覧の後の書き込みは WAL を同期してコミットし、その到達点が閲覧の記録もまとめて名指す', async () => {
    const id = await addHousehold(1);
    const { store, user } = session.signedIn();
    const detail = await getHousehold(serviceCtx(store.db, user.id, now), { id });
    const syncs = power.syncs;
    const settings = await commitSettings(async () => {
      await updateHousehold(serviceCtx(store.db, user.id, now), {
        id,
        household: {
          caseNo: detail.caseNo,
          receivedOn: detail.receivedOn,
          label: '世帯の新しい名前',
          referralAgencyId: null,
          issues: [],
          note: '',
        },
      });
      await addHousehold(50);
    });
    expect(settings.length).toBeGreaterThan(0);
    expect(settings.every((s) => s === 2)).toBe(true);
    // SQLite's own sync at COMMIT covered the view's frames; no sync of ours was needed.
    expect(power.syncs).toBe(syncs);
    expect(anchorRecord().audit?.id).toBe(newestEvent().id);
    expect((await powerCutAlarms(session.signedIn().vault.dataKey)).alarms).toEqual([]);
  });

  it('書き込みの取引の途中で世帯を開いても、書き込みは同期してコミットされ、閲覧の記録はその後に続く', async () => {
    const id = await addHousehold(1);
    const { store, user } = session.signedIn();
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const settings = await commitSettings(async () => {
      const writing = store.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, { userId: user.id, kind: 'settings.changed' }, now);
        await gate;
      });
      const opening = getHousehold(serviceCtx(store.db, user.id, now), { id });
      await new Promise((wake) => setTimeout(wake, 20));
      release();
      await Promise.all([writing, opening]);
    });
    expect(settings).toEqual([2, 1]);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('同期を遅らせた取引に閲覧の記録より多くが入っていたら、到達点を書く前に WAL を同期する', async () => {
    const { store, user } = session.signedIn();
    store.sqlite.pragma('synchronous = NORMAL');
    try {
      const syncs = power.syncs;
      const commits = commitCounter();
      await store.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, { userId: user.id, kind: 'household.viewed' }, now);
        await appendAuditEvent(trx, { userId: user.id, kind: 'settings.changed' }, now);
      });
      expect(power.syncs).toBe(syncs + 1);
      expect(anchorRecord().audit?.kind).toBe('settings.changed');
      // A view beside another change is counted like any commit.
      expect(anchorRecord().commits).toBe(commits + 1);
      // A lone view still waits for its flush, and is not counted.
      await appendAuditEvent(store.db, { userId: user.id, kind: 'household.viewed' }, now);
      expect(power.syncs).toBe(syncs + 1);
      expect(anchorRecord().audit?.kind).toBe('settings.changed');
      expect(commitCounter()).toBe(commits + 1);
    } finally {
      store.sqlite.pragma('synchronous = FULL');
    }
    expect((await powerCutAlarms(session.signedIn().vault.dataKey)).alarms).toEqual([]);
  });

  it('閲覧の記録だけのコミットは書き込み回数を増やさない。名指された閲覧の記録が失われれば、回数が同じでも「失われた」と告げる', async () => {
    const id = await addHousehold(1);
    const { store, user, vault } = session.signedIn();
    const before = images.at(-1);
    if (!before) throw new Error('no anchor written');
    const commits = commitCounter();
    for (let i = 0; i < 3; i++) await getHousehold(serviceCtx(store.db, user.id, now), { id });
    vault.keeper?.flush();
    const viewed = newestEvent();
    expect(commitCounter()).toBe(commits);
    expect(anchorRecord()).toMatchObject({ commits: before.record.commits, audit: { id: viewed.id } });
    expect((await powerCutAlarms(vault.dataKey)).alarms).toEqual([]);
    // The three views' frames gone (a deleted WAL, a file copied back): the counter is the same,
    // the newest event is not.
    expect(await lostUnderNewestAnchor(before, vault.dataKey)).toBe('behind');
  });

  it('世帯を開く記録のコミットが WAL に書くのは監査ログの表のページだけ（書き込み回数も連番表も種類の索引も書かない）', async () => {
    const id = await addHousehold(1);
    const { store, user } = session.signedIn();
    await getHousehold(serviceCtx(store.db, user.id, now), { id });
    // Every page the next view writes is a WAL frame: its header names the page, unencrypted.
    const owners = new Map(
      (
        store.sqlite.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]
      ).map((r) => [r.pageno, r.name]),
    );
    const wal = `${store.sqlite.name}-wal`;
    const frameBytes = 24 + 4096;
    const framesBefore = Math.floor((readFileSync(wal).length - 32) / frameBytes);
    await getHousehold(serviceCtx(store.db, user.id, now), { id });
    const bytes = readFileSync(wal);
    const written = new Set<string>();
    for (
      let offset = 32 + framesBefore * frameBytes;
      offset + frameBytes <= bytes.length;
      offset += frameBytes
    )
      written.add(owners.get(bytes.readUInt32BE(offset)) ?? `page ${bytes.readUInt32BE(offset)}`);
    expect([...written]).toEqual(['audit_events']);
  });

  it('監査記録を残さない書き込みは書き込み回数を増やし、失われれば「失われた」と告げる', async () => {
    const id = await addHousehold(1);
    const { store, vault } = session.signedIn();
    const before = images.at(-1);
    if (!before) throw new Error('no anchor written');
    await store.db.updateTable('households').set({ label: '記録なしの変更' }).where('id', '=', id).execute();
    expect(anchorRecord()).toMatchObject({ commits: before.record.commits + 1, audit: before.record.audit });
    expect(await lostUnderNewestAnchor(before, vault.dataKey)).toBe('behind');
  });

  it('閲覧の直後に強制終了しても記録は残り、開き直すと到達点を書く前に WAL を同期する', async () => {
    const id = await addHousehold(1);
    const { store, user, vault } = session.signedIn();
    for (let i = 0; i < 2; i++) await getHousehold(serviceCtx(store.db, user.id, now), { id });
    const viewed = newestEvent();
    const dataKey = Buffer.from(vault.dataKey);
    // kill -9 now: the files as the dead process leaves them (its WAL writes are in the OS's
    // cache, so the next process reads them), in a folder of their own.
    const copied = join(dir, 'killed');
    await mkdir(copied);
    const paths = dataDirPaths(dir);
    for (const name of readdirSync(dir))
      if ([paths.database, `${paths.database}-wal`, paths.anchor, paths.keyslots].includes(join(dir, name)))
        await copyFile(join(dir, name), join(copied, name));
    const durable = power.durable.get(`${paths.database}-wal`);
    if (durable) power.durable.set(`${join(copied, 'kasane.db')}-wal`, durable);
    images = [];

    const next = new VaultSession({ dataDir: copied, via: 'app', clock: () => now, kdf: fastKdf });
    try {
      expect((await next.unlock({ passphrase })).state).toBe('unlocked');
      const found = next
        .signedIn()
        .store.sqlite.prepare(`SELECT count(*) FROM audit_events WHERE id <= ? AND kind = 'household.viewed'`)
        .pluck()
        .get(viewed.id);
      expect(found).toBe(2);
    } finally {
      await next.close();
    }
    const { alarms } = await powerCutAlarms(dataKey);
    expect(images.length).toBeGreaterThan(0);
    expect(alarms).toEqual([]);
  });

  /** A job worker's connection to the same file, as jobs/worker.ts opens it; `committed` is its report. */
  async function workerStore(committed: () => void) {
    const dataKey = Buffer.from(session.signedIn().vault.dataKey);
    const worker = await openStore(dataDirPaths(dir).database, dataKey, {
      integrity: 'none',
      migrate: false,
    });
    registerAuditKey(worker.sqlite, deriveKey(dataKey, 'audit-chain'));
    worker.sqlite.pragma('wal_autocheckpoint = 0');
    worker.watch.watcher = new CommitReporter(committed);
    return worker;
  }

  it('ジョブのコミットは同期済みで届くので、主スレッドは WAL を同期し直さずに到達点を書く', async () => {
    const { store, user, vault } = session.signedIn();
    const keeper = vault.keeper;
    if (!keeper) throw new Error('no anchor');
    let reports = 0;
    const worker = await workerStore(() => {
      reports += 1;
    });
    try {
      const syncs = power.syncs;
      await appendAuditEvent(
        worker.db,
        { userId: user.id, kind: 'backup.created', detail: { via: 'app' } },
        now,
      );
      expect(reports).toBe(1);
      const job = worker.sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get() as number;
      keeper.anchorSyncedCommit(store.sqlite);
      // The job's COMMIT (FULL) synced the WAL: no second fdatasync on the main thread.
      expect(power.syncs).toBe(syncs);
      expect(anchorRecord().audit).toMatchObject({ id: job, kind: 'backup.created' });
    } finally {
      worker.watch.watcher = null;
      await worker.close();
    }
    const { alarms, newestEvents } = await powerCutAlarms(vault.dataKey);
    expect(alarms).toEqual([]);
    expect(newestEvents.at(-1)).toBe(newestEvent().id);
  });

  it('ジョブの報告を待つ間に開いた世帯の閲覧の記録がまだ同期されていなければ、到達点を書く前に WAL を同期する', async () => {
    const id = await addHousehold(1);
    const { store, user, vault } = session.signedIn();
    const keeper = vault.keeper;
    if (!keeper) throw new Error('no anchor');
    const worker = await workerStore(() => {});
    try {
      // Two commits of the job; its first report arrives after both.
      for (const via of ['app', 'app'] as const)
        await appendAuditEvent(worker.db, { userId: user.id, kind: 'backup.created', detail: { via } }, now);
      keeper.anchorSyncedCommit(store.sqlite);
      // The coordinator opens a case before the second report: a lone view, written, not flushed.
      const syncs = power.syncs;
      await getHousehold(serviceCtx(store.db, user.id, now), { id });
      const viewed = newestEvent();
      expect(viewed.kind).toBe('household.viewed');
      expect(power.syncs).toBe(syncs);
      keeper.anchorSyncedCommit(store.sqlite);
      expect(power.syncs).toBe(syncs + 1);
      expect(anchorRecord().audit?.id).toBe(viewed.id);
    } finally {
      worker.watch.watcher = null;
      await worker.close();
    }
    // Unsynced, the view the anchor names would be lost by a power cut: a false 「失われた」.
    expect((await powerCutAlarms(vault.dataKey)).alarms).toEqual([]);
  });
});
