import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenStore, openStore } from '../../db/open.js';
import { anchorSlotBytes, readAnchor } from './anchor.js';
import { registerAuditKey, verifyAuditChain } from './audit.js';
import { dataDirPaths } from './data-dir.js';
import { createHousehold } from './households.js';
import { serviceCtx } from './testing/service-context.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { deriveKey } from './vault-keys.js';
import { VaultSession } from './vault-session.js';

const passphrase = 'correct horse battery';
const now = new Date('2026-11-22T01:00:00Z');
let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
  await session.setup({ userName: '相談 花子', passphrase });
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

async function addHouseholds(n: number, from = 1): Promise<string[]> {
  const { store, user } = session.signedIn();
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const { id } = await createHousehold(serviceCtx(store.db, user.id, now), {
      caseNo: `R8-${String(i).padStart(3, '0')}`,
      receivedOn: '2026-04-10',
      label: `世帯${i}`,
      referralAgencyId: null,
      issues: [],
      note: '',
    });
    ids.push(id);
  }
  return ids;
}

function anchorRecord(dataKey = session.signedIn().vault.dataKey) {
  const read = readAnchor(dataDirPaths(dir).anchor, deriveKey(dataKey, 'anchor'));
  if (read.state !== 'ok') throw new Error(`anchor ${read.state}`);
  return read.record;
}

/**
 * Someone who knows a passphrase edits the closed database with SQLite tools: the key, the chain
 * key, no Kasane in between. Returns the data key (a copy) for later reads of the anchor.
 */
async function tamperOffline(change: (store: OpenStore) => Promise<void> | void): Promise<Buffer> {
  const dataKey = Buffer.from(session.signedIn().vault.dataKey);
  await session.close();
  const store = await openStore(dataDirPaths(dir).database, dataKey, { migrate: false });
  registerAuditKey(store.sqlite, deriveKey(dataKey, 'audit-chain'));
  try {
    await change(store);
  } finally {
    await store.close();
  }
  session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
  return dataKey;
}

describe('記録の到達点（kasane.anchor）', () => {
  it('書き込みのたびに、書き込み回数と最新の監査記録を鍵つきで記録する', async () => {
    const before = anchorRecord();
    await addHouseholds(3);
    const after = anchorRecord();
    expect(after.commits).toBe(before.commits + 3);
    const { store } = session.signedIn();
    const newest = store.sqlite
      .prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')
      .get() as {
      id: number;
      hash: string;
    };
    expect(after.audit).toMatchObject(newest);
    // Authenticated: a record edited by hand no longer counts.
    const bytes = await readFile(dataDirPaths(dir).anchor);
    expect(bytes.length).toBe(2 * anchorSlotBytes);
    expect(bytes.toString('utf8')).not.toContain('相談');
  });

  it('コミット済みの記録が WAL ごと消えると、読み取り専用で開き、失われたことを告げる', async () => {
    await addHouseholds(2);
    const { store } = session.signedIn();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.pragma('wal_autocheckpoint = 0');
    await addHouseholds(20, 3);
    const dataKey = Buffer.from(session.signedIn().vault.dataKey);
    const paths = dataDirPaths(dir);
    const wal = await readFile(`${paths.database}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    // Copy the main file as it is on disk now (the 20 are only in the WAL), then "lose" the WAL.
    await copyFile(paths.database, `${paths.database}.copy`);
    await session.close();
    const anchored = anchorRecord(dataKey);
    await copyFile(`${paths.database}.copy`, paths.database);
    await rm(`${paths.database}.copy`);
    await rm(`${paths.database}-wal`, { force: true });

    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    const status = await session.unlock({ passphrase });
    expect(status.state).toBe('recordsLost');
    expect(status.recordsLost?.reason).toBe('behind');
    expect(status.recordsLost?.message).toContain(
      '最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #',
    );
    expect(status.recordsLost?.lastConfirmed?.id).toBe(anchored.audit?.id);
    expect(await session.access()).toBe('public');
    expect(() => session.signedIn()).toThrow(expect.objectContaining({ code: 'RECORDS_LOST' }));

    // Read-only: nothing is written, not even the lock event.
    const dbBefore = await readFile(paths.database);
    await session.lock('user');
    expect(await readFile(paths.database)).toEqual(dbBefore);

    // Accepting the loss is audited, and the anchor starts again from what is there.
    await session.unlock({ passphrase });
    const accepted = await session.acceptRecordsLoss();
    expect(accepted.state).toBe('unlocked');
    const { store: reopened } = session.signedIn();
    const event = reopened.sqlite
      .prepare(`SELECT detail_json FROM audit_events WHERE kind = 'records.lossAccepted'`)
      .get() as { detail_json: string };
    expect(JSON.parse(event.detail_json)).toMatchObject({
      reason: 'behind',
      lastConfirmedId: anchored.audit?.id,
      commitsExpected: anchored.commits,
    });
    expect((await verifyAuditChain(reopened.db)).ok).toBe(true);
    await session.lock('user');
    expect((await session.unlock({ passphrase })).state).toBe('unlocked');
  });

  it('WAL の1バイトが壊れていても、失われた記録として見つける', async () => {
    const { store } = session.signedIn();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.pragma('wal_autocheckpoint = 0');
    await addHouseholds(20);
    const paths = dataDirPaths(dir);
    await copyFile(paths.database, `${paths.database}.copy`);
    const wal = await readFile(`${paths.database}-wal`);
    await session.close();
    await copyFile(`${paths.database}.copy`, paths.database);
    await rm(`${paths.database}.copy`);
    // One byte in the middle of the frames.
    const flipped = Buffer.from(wal);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    await writeFile(`${paths.database}-wal`, flipped);
    await rm(`${paths.database}-shm`, { force: true });

    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    const outcome = await session.unlock({ passphrase }).then(
      (s) => s.state,
      (err: { code: string }) => err.code,
    );
    expect(['recordsLost', 'DATABASE_DAMAGED']).toContain(outcome);
  });

  it('監査ログの末尾を消しても、すべて消しても、最初からやり直した鎖にはならない', async () => {
    await addHouseholds(5);
    for (const remove of ['tail', 'all'] as const) {
      await tamperOffline(async (store) => {
        store.sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_delete');
        if (remove === 'tail')
          store.sqlite.exec('DELETE FROM audit_events WHERE id > (SELECT max(id) - 5 FROM audit_events)');
        else store.sqlite.exec('DELETE FROM audit_events');
        // The chain that is left verifies by itself: only the anchor can tell.
        expect((await verifyAuditChain(store.db)).ok).toBe(true);
      });
      const status = await session.unlock({ passphrase });
      expect(status.state).toBe('recordsLost');
      expect(status.recordsLost?.reason).toBe('behind');
      await session.acceptRecordsLoss();
    }
  });

  it('書き換えてハッシュを作り直しても（鍵を使っても）、到達点と一致しないことで見つける', async () => {
    await addHouseholds(3);
    await tamperOffline(async (store) => {
      store.sqlite.exec('DROP TRIGGER audit_events_no_update');
      // Rewrite the newest event and re-key its hash with the chain key itself.
      const last = store.sqlite.prepare('SELECT * FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        prev_hash: string;
        at: string;
        user_id: string;
        kind: string;
        target_type: string | null;
        target_id: string | null;
      };
      const body = JSON.stringify({
        at: last.at,
        detail: { via: 'forged' },
        id: last.id,
        kind: last.kind,
        targetId: last.target_id,
        targetType: last.target_type,
        userId: last.user_id,
      });
      const mac = store.sqlite
        .prepare('SELECT kasane_audit_mac(?)')
        .pluck()
        .get(`kasane-audit-v2\n${last.prev_hash}\n${body}`) as string;
      store.sqlite
        .prepare(`UPDATE audit_events SET detail_json = '{"via":"forged"}', hash = ? WHERE id = ?`)
        .run(mac, last.id);
      expect((await verifyAuditChain(store.db)).ok).toBe(true);
    });
    const status = await session.unlock({ passphrase });
    expect(status.recordsLost?.reason).toBe('diverged');
    expect(status.recordsLost?.message).toContain('書き換えられた可能性');
  });

  it('到達点のファイルが消えても壊れても、確認できないことを告げる', async () => {
    await addHouseholds(1);
    await session.close();
    const { anchor } = dataDirPaths(dir);
    const saved = await readFile(anchor);
    await rm(anchor);
    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    expect((await session.unlock({ passphrase })).recordsLost?.reason).toBe('anchorMissing');
    await session.close();

    await writeFile(anchor, Buffer.alloc(saved.length, 0x41));
    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    expect((await session.unlock({ passphrase })).recordsLost?.reason).toBe('anchorDamaged');
  });

  it('書きかけで片方の記録が壊れても、もう片方（一つ前）で確かめられる', async () => {
    await addHouseholds(2);
    const seq = anchorRecord().seq;
    await session.close();
    const { anchor } = dataDirPaths(dir);
    const bytes = await readFile(anchor);
    bytes.fill(0x00, (seq % 2) * anchorSlotBytes + 10, (seq % 2) * anchorSlotBytes + 60);
    await writeFile(anchor, bytes);
    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    expect((await session.unlock({ passphrase })).state).toBe('unlocked');
  });

  it('古い WAL を戻されても、黙って受け入れない', async () => {
    const paths = dataDirPaths(dir);
    const { store } = session.signedIn();
    store.sqlite.pragma('wal_autocheckpoint = 0');
    await addHouseholds(3);
    const staleWal = await readFile(`${paths.database}-wal`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await addHouseholds(3, 10);
    await session.close();
    await writeFile(`${paths.database}-wal`, staleWal);
    await rm(`${paths.database}-shm`, { force: true });
    session = new VaultSession({ dataDir: dir, via: 'app', clock: () => now, kdf: fastKdf });
    const outcome = await session.unlock({ passphrase }).then(
      (s) => s.state,
      (err: { code: string }) => err.code,
    );
    expect(['recordsLost', 'DATABASE_DAMAGED']).toContain(outcome);
  });
});
