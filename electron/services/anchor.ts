import { createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  constants,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { CommitWatcher } from '../../db/commit-watch.js';
import type { OpenStore, Sqlite } from '../../db/open.js';
import { syncWal } from '../../db/wal-sync.js';
import type { AuditKind } from '../ipc/contract.js';
import { readAuditKinds } from './audit.js';
import { canonicalJson } from './canonical-json.js';
import { writeFileDurably } from './durable-files.js';
import { hmacHex } from './vault-keys.js';

/**
 * The anchored head (issue 11): after every committed change, `kasane.anchor` records how far the
 * database had got — its commit counter and its newest audit event — authenticated with a key
 * derived from the data key and fsync'd. A database found behind its anchor has lost committed
 * records (a deleted or damaged WAL, a file copied back, a chain cut short) and is never accepted
 * silently.
 *
 * The file holds two 512-byte records written in turn (A, B, A, …), each with its own sequence
 * number and MAC: a write torn by a crash spoils only the record being written, and the other one
 * is at most one commit older — the database is then ahead of its anchor, which is fine. The
 * anchor is written only once what it names is on disk (after a COMMIT that synced the WAL, or
 * after syncWal), so it is never ahead of what a power cut leaves (AnchorKeeper).
 */

export const anchorSlotBytes = 512;

export const auditHeadSchema = z.object({
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  kind: z.string(),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

const recordSchema = z.object({
  format: z.literal('kasane-anchor'),
  version: z.literal(1),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  seq: z.number().int().min(1),
  commits: z.number().int().min(0),
  audit: auditHeadSchema.nullable(),
  /** How many failed unlocks have been moved into the audit log (unlock-failures.ts). */
  failuresSeq: z.number().int().min(0),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnchorRecord = Omit<z.infer<typeof recordSchema>, 'format' | 'version' | 'mac'>;

export type AnchorRead = { state: 'missing' } | { state: 'damaged' } | { state: 'ok'; record: AnchorRecord };

function macOf(key: Buffer | KeyObject, record: AnchorRecord): string {
  const { vaultId, seq, commits, audit, failuresSeq } = record;
  return hmacHex(key, canonicalJson({ anchor: 1, vaultId, seq, commits, audit, failuresSeq }));
}

function encodeSlot(key: Buffer | KeyObject, record: AnchorRecord): Buffer {
  const text = JSON.stringify({
    format: 'kasane-anchor',
    version: 1,
    ...record,
    mac: macOf(key, record),
  });
  const bytes = Buffer.alloc(anchorSlotBytes, 0x20);
  if (Buffer.byteLength(text) > anchorSlotBytes - 1) throw new Error('anchor record too long');
  bytes.write(text, 0, 'utf8');
  bytes[anchorSlotBytes - 1] = 0x0a;
  return bytes;
}

function decodeSlot(key: Buffer, bytes: Buffer): AnchorRecord | null {
  try {
    const parsed = recordSchema.parse(JSON.parse(bytes.toString('utf8').trim()));
    const { format: _f, version: _v, mac, ...record } = parsed;
    const expected = Buffer.from(macOf(key, record), 'hex');
    return timingSafeEqual(expected, Buffer.from(mac, 'hex')) ? record : null;
  } catch {
    return null;
  }
}

/** The newer of the two records that still authenticate, or why there is none. */
export function readAnchor(path: string, key: Buffer): AnchorRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  const records = [0, 1]
    .map((slot) => bytes.subarray(slot * anchorSlotBytes, (slot + 1) * anchorSlotBytes))
    .filter((slot) => slot.length === anchorSlotBytes)
    .map((slot) => decodeSlot(key, slot))
    .filter((r): r is AnchorRecord => r !== null);
  const newest = records.sort((a, b) => b.seq - a.seq)[0];
  return newest ? { state: 'ok', record: newest } : { state: 'damaged' };
}

/** A whole new anchor file holding one record (set-up, restore, backup, a re-anchored vault). */
export function anchorFileBytes(key: Buffer, record: AnchorRecord): Buffer {
  const bytes = Buffer.alloc(2 * anchorSlotBytes, 0x20);
  encodeSlot(key, record).copy(bytes, (record.seq % 2) * anchorSlotBytes);
  return bytes;
}

/**
 * The open anchor file of an unlocked vault: one record written in place per commit. The file must
 * exist (written whole and renamed into place first), so a crash never leaves a half-made one.
 */
export class AnchorWriter {
  #fd: number | null;
  readonly #key: KeyObject;
  constructor(
    readonly path: string,
    key: Buffer,
  ) {
    this.#key = createSecretKey(key);
    this.#fd = openSync(path, constants.O_RDWR);
  }

  write(record: AnchorRecord): void {
    if (this.#fd === null) throw new Error('anchor file is closed');
    const slot = record.seq % 2;
    const bytes = encodeSlot(this.#key, record);
    const fd = this.#fd;
    if (fstatSync(fd).size < 2 * anchorSlotBytes) ftruncateSync(fd, 2 * anchorSlotBytes);
    let done = 0;
    while (done < bytes.length)
      done += writeSync(fd, bytes, done, bytes.length - done, slot * anchorSlotBytes + done);
    fdatasyncSync(fd);
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}

export interface DatabaseHead {
  commits: number;
  audit: AuditHead | null;
}

const statements = new WeakMap<Sqlite, Map<string, BetterSqlite3.Statement>>();
/** The connection's statement for this fixed text, prepared once (commits run these every time). */
function prepared(sqlite: Sqlite, text: string): BetterSqlite3.Statement {
  let byText = statements.get(sqlite);
  if (!byText) {
    byText = new Map();
    statements.set(sqlite, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = sqlite.prepare(text);
    byText.set(text, stmt);
  }
  return stmt;
}

function hasTable(sqlite: Sqlite, name: string): boolean {
  return (
    prepared(sqlite, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
  );
}

function newestAuditEvent(sqlite: Sqlite): AuditHead | null {
  return (
    (prepared(sqlite, 'SELECT id, hash, at, kind FROM audit_events ORDER BY id DESC LIMIT 1').get() as
      | AuditHead
      | undefined) ?? null
  );
}

/** How far the database has got: its commit counter (0 before it had one) and newest audit event. */
export function readDatabaseHead(sqlite: Sqlite): DatabaseHead {
  const commits = hasTable(sqlite, 'vault_head')
    ? ((prepared(sqlite, 'SELECT commits FROM vault_head WHERE id = 1').pluck().get() as
        | number
        | undefined) ?? 0)
    : 0;
  return { commits, audit: newestAuditEvent(sqlite) };
}

function auditEventAt(sqlite: Sqlite, id: number): AuditHead | null {
  return (
    (prepared(sqlite, 'SELECT id, hash, at, kind FROM audit_events WHERE id = ?').get(id) as
      | AuditHead
      | undefined) ?? null
  );
}

/** Why a database cannot be trusted to hold every committed record. */
export interface RecordsLost {
  reason: 'behind' | 'diverged' | 'anchorMissing' | 'anchorDamaged';
  /** The newest record the anchor vouches for. */
  lastConfirmed: AuditHead | null;
  /** The newest record the database holds now. */
  found: AuditHead | null;
  commitsExpected: number | null;
  commitsFound: number;
}

/**
 * Compares the database with its anchor. A database ahead of its anchor is fine (a crash between
 * COMMIT and the anchor write); behind it, or with a different event where the anchor's newest
 * was, is not. No anchor at all is fine only for a database that never had one (commits = 0).
 */
export function checkAgainstAnchor(sqlite: Sqlite, anchor: AnchorRead): RecordsLost | null {
  const head = readDatabaseHead(sqlite);
  const base = { found: head.audit, commitsFound: head.commits };
  if (anchor.state === 'missing')
    return head.commits === 0
      ? null
      : { reason: 'anchorMissing', lastConfirmed: null, commitsExpected: null, ...base };
  if (anchor.state === 'damaged')
    return { reason: 'anchorDamaged', lastConfirmed: null, commitsExpected: null, ...base };
  const { record } = anchor;
  const lost = { lastConfirmed: record.audit, commitsExpected: record.commits, ...base };
  if (head.commits < record.commits) return { reason: 'behind', ...lost };
  if (record.audit) {
    if (!head.audit || head.audit.id < record.audit.id) return { reason: 'behind', ...lost };
    if (auditEventAt(sqlite, record.audit.id)?.hash !== record.audit.hash)
      return { reason: 'diverged', ...lost };
  }
  return null;
}

/** Inside a changing transaction: one more commit on the database's counter (returned). */
export function countCommit(sqlite: Sqlite): number {
  const commits = prepared(
    sqlite,
    'UPDATE vault_head SET commits = commits + 1 WHERE id = 1 RETURNING commits',
  )
    .pluck()
    .get() as number | undefined;
  if (commits === undefined) throw new Error('vault_head is missing');
  return commits;
}

/**
 * A worker's connection (jobs/): it counts its own commits inside each transaction, and after
 * COMMIT tells the thread that owns the anchor file, which records the head (`anchorSyncedCommit`). One
 * writer of kasane.anchor; a crash in between leaves the database ahead of its anchor, which is fine.
 */
export class CommitReporter implements CommitWatcher {
  constructor(private readonly committed: () => void) {}
  beforeCommit(sqlite: Sqlite): void {
    countCommit(sqlite);
  }
  afterCommit(sqlite: Sqlite, walSynced: boolean): void {
    if (!walSynced) syncWal(sqlite);
    this.committed();
  }
}

/**
 * How long a 閲覧 record may stay written but not flushed (rule 10 against a power cut; a killed
 * process loses nothing) before the WAL is synced and the anchor names it. Views within it share
 * one flush.
 */
export const viewFlushDelayMs = 500;

/**
 * The commit watcher of an unlocked vault: inside each changing transaction it bumps the commit
 * counter (not for a lone view: beforeCommit) and notes the newest audit event; after COMMIT it writes them to the anchor — only ever
 * once they are on disk, so that the anchor is never ahead of what a power cut leaves.
 *
 * Opening a case (≤ 2 ms) commits its one read event (readAuditKinds) without the WAL's fsync, and
 * the anchor is not written for it. It used to be: that anchor, fsync'd at once, named an event
 * whose WAL frames might still be in the OS's cache, for as long as the coordinator only read
 * cases. A power cut in that window left the database behind its anchor, and the next unlock
 * opened read-only on the records-lost screen — an alarm for a power cut, not for lost data. Now
 * the views are made durable and named together, whichever comes first:
 *   - the next change: its COMMIT syncs the WAL, which holds the views' frames too, then the anchor;
 *   - viewFlushDelayMs after the first unflushed view: syncWal, then the anchor (`flush`);
 *   - a worker's commit, the lock and close: the same.
 * A kill -9 loses nothing (the frames are written before COMMIT returns; the next unlock finds the
 * database ahead of its anchor, which is fine). A power cut within the delay loses those views
 * without a word — the one thing given up; it never loses a change, and it never raises a false
 * alarm. A database found behind its anchor still always means records that were on disk are gone.
 */
export class AnchorKeeper implements CommitWatcher {
  #pending: DatabaseHead | null = null;
  /** The newest audit event as of the last commit seen (anchored or not yet). */
  #known: AuditHead | null = null;
  /** The transaction being committed holds one read event and nothing else. */
  #loneReadEvent = false;
  /** Views committed but not flushed yet, and the timer that will flush them. */
  #unflushed: { sqlite: Sqlite; timer: NodeJS.Timeout } | null = null;
  #seq: number;
  failuresSeq: number;

  constructor(
    private readonly writer: AnchorWriter,
    readonly vaultId: string,
    start: { seq: number; failuresSeq: number },
  ) {
    this.#seq = start.seq;
    this.failuresSeq = start.failuresSeq;
  }

  /** A transaction begun without the WAL's sync: may its flush wait (one read event, nothing else)? */
  commitsWithoutWalSync(sqlite: Sqlite, changes: number): void {
    const known = this.#known;
    const newest = changes === 1 && known !== null ? newestAuditEvent(sqlite) : null;
    this.#loneReadEvent =
      newest !== null && newest.id === (known?.id ?? 0) + 1 && readAuditKinds.has(newest.kind as AuditKind);
  }

  /**
   * A lone 閲覧 event leaves the commit counter as it is: one page fewer to encrypt into the WAL per
   * case opened. Sound because the counter only matters for commits that leave no audit event. The
   * anchor finds a database behind it by its counter OR its newest audit event (checkAgainstAnchor),
   * and a lone view always adds exactly one event: commitsWithoutWalSync saw one change, whose event
   * is the next id after the last commit's. So once a flush names the view, losing it leaves the
   * newest event behind the anchor's. Losing it with any later commit also loses that commit's event
   * or its bump, since a WAL loses whole commits from its end. Every other commit still counts itself,
   * including one that holds a view beside other changes.
   */
  beforeCommit(sqlite: Sqlite): void {
    this.#pending = this.#loneReadEvent
      ? readDatabaseHead(sqlite)
      : { commits: countCommit(sqlite), audit: newestAuditEvent(sqlite) };
  }

  afterCommit(sqlite: Sqlite, walSynced: boolean): void {
    const pending = this.#pending;
    const loneReadEvent = this.#loneReadEvent;
    this.#pending = null;
    this.#loneReadEvent = false;
    if (!pending) return;
    this.#known = pending.audit;
    // Synced at COMMIT: every frame before it is on disk too, unflushed views included.
    if (walSynced) this.#write(pending);
    else if (loneReadEvent) this.#flushLater(sqlite);
    else {
      syncWal(sqlite);
      this.#write(pending);
    }
  }

  #flushLater(sqlite: Sqlite): void {
    if (this.#unflushed) return;
    const timer = setTimeout(() => {
      try {
        this.flush();
      } catch {
        // Nobody waits on this timer: a failed sync or anchor write leaves the views unnamed (the
        // database ahead of its anchor, which is accepted) and is tried again; the next change's
        // own COMMIT and anchor write report a failing disk to the coordinator.
        this.#forgetUnflushed();
        this.#flushLater(sqlite);
      }
    }, viewFlushDelayMs);
    timer.unref();
    this.#unflushed = { sqlite, timer };
  }

  /** Views committed but not yet on disk: flushes the WAL, then the anchor names them. */
  flush(): void {
    const unflushed = this.#unflushed;
    if (unflushed?.sqlite.open) this.anchorNow(unflushed.sqlite);
    else this.#forgetUnflushed();
  }

  /**
   * Records the database as it is now (after opening, after accepting a loss, after a worker's
   * commit): its WAL is synced first, whoever wrote it. Inside a transaction of this connection
   * the head would include what is not committed: the flush waits for it.
   */
  anchorNow(sqlite: Sqlite): void {
    if (sqlite.inTransaction) {
      this.#forgetUnflushed();
      this.#flushLater(sqlite);
      return;
    }
    syncWal(sqlite);
    this.#write(readDatabaseHead(sqlite));
  }

  /**
   * Records a job worker's commit (its CommitReporter posts once the commit is on disk). Its COMMIT
   * under synchronous = FULL, or its own syncWal, flushed the whole WAL file before the commit became
   * visible: every frame written until then, this connection's views included. A view this
   * connection committed since is in #unflushed, and only then is the WAL synced here again. Before,
   * every worker commit cost the main thread a second fdatasync of the WAL, during a バックアップ
   * right beside the worker's checkpoint of the whole file (1–38 ms at 10,000 households).
   */
  anchorSyncedCommit(sqlite: Sqlite): void {
    if (this.#unflushed || sqlite.inTransaction) {
      this.anchorNow(sqlite);
      return;
    }
    this.#write(readDatabaseHead(sqlite));
  }

  #forgetUnflushed(): void {
    if (this.#unflushed) clearTimeout(this.#unflushed.timer);
    this.#unflushed = null;
  }

  #write(head: DatabaseHead): void {
    this.#seq += 1;
    this.writer.write({
      vaultId: this.vaultId,
      seq: this.#seq,
      commits: head.commits,
      audit: head.audit,
      failuresSeq: this.failuresSeq,
    });
    this.#known = head.audit;
    this.#forgetUnflushed();
  }

  close(): void {
    this.#forgetUnflushed();
    this.writer.close();
  }
}

/**
 * Starts anchoring an open store: continues the anchor found, or writes a new one (a vault that
 * never had one, or one whose loss was just accepted), then records the database as it is now.
 */
export async function keepAnchor(
  store: OpenStore,
  path: string,
  key: Buffer,
  vaultId: string,
  found: AnchorRead,
): Promise<AnchorKeeper> {
  let start = { seq: 1, failuresSeq: 0 };
  if (found.state === 'ok') start = { seq: found.record.seq, failuresSeq: found.record.failuresSeq };
  else {
    // A killed process may have left WAL frames in the OS's cache: on disk first, then named.
    syncWal(store.sqlite);
    const head = readDatabaseHead(store.sqlite);
    await writeFileDurably(path, anchorFileBytes(key, { vaultId, ...start, ...head }));
  }
  const keeper = new AnchorKeeper(new AnchorWriter(path, key), vaultId, start);
  store.watch.watcher = keeper;
  keeper.anchorNow(store.sqlite);
  return keeper;
}
