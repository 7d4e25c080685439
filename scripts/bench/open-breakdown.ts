import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenStore } from '../../db/open.js';
import { AnchorKeeper } from '../../electron/services/anchor.js';
import { appendAuditEvent } from '../../electron/services/audit.js';
import { createContext } from '../../electron/services/context.js';
import { getHousehold } from '../../electron/services/households.js';

/** Runs one after another; each sample in ms. */
async function samples(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

/**
 * Where opening a case spends its time (issue 14, point 5): the reads alone; the household.viewed
 * event as the app writes it (WAL written, not synced; the anchor not written); the flush that
 * follows views within viewFlushDelayMs (syncWal + the anchor's fdatasync), timed on its own as one
 * view and its flush; the same event with the WAL synced at COMMIT and the anchor after (as every
 * write); with the WAL synced and no anchor; with neither; and a bare 512-byte write + fdatasync in
 * the data folder (the anchor's floor). Medians and p95s, in ms.
 */
export async function openBreakdown(
  store: OpenStore,
  user: { id: string; name: string },
  ids: readonly string[],
  dir: string,
): Promise<Record<string, number>> {
  let i = 0;
  const next = () => ids[(i++ * 97) % ids.length] ?? '';
  const ctx = () => createContext({ db: store.db, user, now: new Date() });
  const n = 100;
  const read = await samples(n, () => getHousehold({ ...ctx(), audit: async () => {} }, { id: next() }));
  const whole = await samples(n, () => getHousehold(ctx(), { id: next() }));
  const event = () =>
    ({ userId: user.id, kind: 'household.viewed', target: { type: 'household', id: next() } }) as const;
  // As the app writes it: a lone read event, its WAL not synced, the anchor left for the flush.
  const append = () => appendAuditEvent(store.db, event(), new Date());
  const keeper = store.watch.watcher instanceof AnchorKeeper ? store.watch.watcher : null;
  // One view and the flush that makes it durable and names it (what views within the delay share).
  const appendFlushed = async () => {
    await append();
    keeper?.flush();
  };
  // As every other commit is written (and as views were before): WAL synced at COMMIT.
  const appendSynced = () =>
    store.db.transaction().execute((trx) => appendAuditEvent(trx, event(), new Date()));
  const appendAnchored = await samples(n, append);
  const appendAndFlush = await samples(n, appendFlushed);
  const appendBothSynced = await samples(n, appendSynced);
  const watcher = store.watch.watcher;
  store.watch.watcher = null;
  let appendWal: number[];
  let appendNoSync: number[];
  try {
    appendWal = await samples(n, appendSynced);
    // Without a watcher a read event's transaction keeps the WAL's sync: drop it for the floor.
    store.sqlite.pragma('synchronous = NORMAL');
    try {
      appendNoSync = await samples(n, append);
    } finally {
      store.sqlite.pragma('synchronous = FULL');
    }
  } finally {
    store.watch.watcher = watcher;
  }
  // The next commit re-anchors the events appended while the watcher was away (the database was
  // only ahead of its anchor meanwhile, which the anchor accepts).
  await append();
  const fd = openSync(join(dir, 'fsync-probe'), 'w');
  const block = Buffer.alloc(512, 0x20);
  const fsync = await samples(n, () => {
    writeSync(fd, block, 0, block.length, 0);
    fdatasyncSync(fd);
  });
  closeSync(fd);
  const figures: Record<string, number[]> = {
    open_read_only: read,
    open_whole: whole,
    open_audit_anchored: appendAnchored,
    open_audit_and_flush: appendAndFlush,
    open_audit_wal_and_anchor_synced: appendBothSynced,
    open_audit_wal_fsync: appendWal,
    open_audit_no_fsync: appendNoSync,
    fdatasync_512: fsync,
  };
  const out: Record<string, number> = {};
  for (const [key, xs] of Object.entries(figures)) {
    out[`${key}_p50`] = percentile(xs, 50);
    out[`${key}_p95`] = percentile(xs, 95);
  }
  return out;
}
