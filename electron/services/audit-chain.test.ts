import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit.js';
import { canonicalJson } from './canonical-json.js';
import { dataDirPaths } from './data-dir.js';
import { writeLegacyVault } from './testing/legacy-vault.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

/** The canonical JSON the first release hashed its audit events with, kept here as the reference. */
function firstReleaseCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(firstReleaseCanonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstReleaseCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('正規化した JSON（RFC 8785, canonicalize）', () => {
  it('アプリが書く監査記録の形なら、最初の版の手書きの正規化とバイト単位で同じ', () => {
    // What an event's hashed body is: ids, ISO times, kinds and a detail of the audit detail schema.
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const detail = fc.dictionary(
      fc.oneof(fc.constantFrom('via', 'reason', 'count', 'fields', 'n'), text),
      fc.oneof(
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(text, { maxLength: 5 }),
      ),
    );
    const body = fc.record({
      id: fc.nat(),
      at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      userId: fc.option(fc.uuid()),
      kind: fc.constantFrom('unlock', 'household.viewed', 'document.issued'),
      targetType: fc.option(text),
      targetId: fc.option(fc.uuid()),
      detail,
    });
    fc.assert(
      fc.property(body, (value) => {
        expect(canonicalJson(value)).toBe(firstReleaseCanonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('違いは、アプリが書かない値（対になっていないサロゲート・NaN）だけで、その場合は書かずに失敗する', () => {
    expect(() => canonicalJson({ x: '\ud800' })).toThrow();
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(firstReleaseCanonicalJson({ x: '\ud800' })).toBe('{"x":"\\ud800"}');
  });
});

describe('監査ログの鎖の形式（1: SHA-256、2: データ鍵から導いた鍵による HMAC）', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let session: VaultSession;
  const passphrase = 'correct horse battery';
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDataDir());
    session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
  });
  afterEach(async () => {
    await session.close();
    await cleanup();
  });

  it('最初の版のデータはそのまま開け、以前の記録も検証でき、以後の記録は鍵つきになる', async () => {
    await writeLegacyVault(dir, { userName: '相談 花子', passphrase, events: 12 });
    const status = await session.unlock({ passphrase });
    expect(status.state).toBe('unlocked');
    const { store } = session.signedIn();
    const rows = store.sqlite.prepare('SELECT id, kind, chain FROM audit_events ORDER BY id').all() as {
      id: number;
      kind: string;
      chain: number;
    }[];
    expect(rows.slice(0, 12).every((r) => r.chain === 1)).toBe(true);
    // The failure waiting in the first-format file, then the unlock: both keyed.
    expect(rows.slice(12).map((r) => [r.kind, r.chain])).toEqual([
      ['unlock.failed', 2],
      ['unlock', 2],
    ]);
    expect(await verifyAuditChain(store.db)).toEqual({ ok: true, checked: 14, firstBroken: null });

    // The keyslots file is rewritten in the current format: vault id, checksum, name tags, no name.
    const keyslots = JSON.parse(await readFile(dataDirPaths(dir).keyslots, 'utf8'));
    expect(keyslots).toMatchObject({ version: 2, vaultId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(keyslots.slots[0].nameTag).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(keyslots)).not.toContain('花子');
    await session.lock('user');
    expect((await session.unlock({ passphrase, userName: '相談　花子' })).state).toBe('unlocked');
  });

  it('鍵つきの記録の後ろに鍵のない形式の記録があれば、改ざんとして名指しする', async () => {
    await session.setup({ userName: '相談 花子', passphrase });
    await session.lock('user');
    await session.unlock({ passphrase });
    const { store } = session.signedIn();
    store.sqlite.exec('DROP TRIGGER audit_events_no_update');
    store.sqlite
      .prepare('UPDATE audit_events SET chain = 1 WHERE id = (SELECT max(id) FROM audit_events)')
      .run();
    const result = await verifyAuditChain(store.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toBe('鍵のない古い形式に書き換えられています');
  });

  it('鍵つきの記録は、鍵なしで計算したハッシュでは検証を通らない', async () => {
    await session.setup({ userName: '相談 花子', passphrase });
    const { store } = session.signedIn();
    store.sqlite.exec('DROP TRIGGER audit_events_no_update');
    // A forger without the key recomputes the first event as plain SHA-256 of the same body.
    const first = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    const body = canonicalJson({
      id: first.id,
      at: first.at,
      userId: first.user_id,
      kind: first.kind,
      targetType: first.target_type,
      targetId: first.target_id,
      detail: { via: 'app', kdfN: 1 },
    });
    const forged = createHash('sha256').update(first.prev_hash).update('\n').update(body).digest('hex');
    store.sqlite
      .prepare(`UPDATE audit_events SET detail_json = '{"kdfN":1,"via":"app"}', hash = ? WHERE id = 1`)
      .run(forged);
    expect((await verifyAuditChain(store.db)).firstBroken).toMatchObject({
      id: 1,
      reason: '記録の内容が書き換えられています',
    });
  });
});
