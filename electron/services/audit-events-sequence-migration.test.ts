import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { appendAuditEvent, registerAuditKey, verifyAuditChain } from './audit.js';
import { olderStores } from './testing/older-store.js';

const storeAt = olderStores();
const now = new Date('2026-11-30T01:00:00Z');

it('1100: 監査ログを AUTOINCREMENT なしで作り直し、すべての記録・索引・追記専用の決まりをそのまま残す', async () => {
  const { old, upgrade } = await storeAt(1081);
  const auditKey = randomBytes(32);
  registerAuditKey(old.sqlite, auditKey);
  for (const kind of [
    'vault.initialized',
    'household.viewed',
    'settings.changed',
    'household.viewed',
  ] as const)
    await appendAuditEvent(old.db, { userId: null, kind, target: { type: 'household', id: 'h1' } }, now);
  const rows = (store: typeof old) =>
    store.sqlite
      .prepare(
        'SELECT id, at, user_id, kind, target_type, target_id, detail_json, prev_hash, hash, chain FROM audit_events ORDER BY id',
      )
      .all();
  const before = rows(old);
  expect(
    old.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'`).pluck().get(),
  ).toBe(4);
  await old.close();

  const store = await upgrade();
  try {
    registerAuditKey(store.sqlite, auditKey);
    expect(rows(store)).toEqual(before);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, checked: 4 });
    const schema = store.sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_events'`)
      .pluck()
      .get() as string;
    expect(schema).not.toMatch(/autoincrement/i);
    expect(
      store.sqlite.prepare(`SELECT count(*) FROM sqlite_sequence WHERE name = 'audit_events'`).pluck().get(),
    ).toBe(0);
    expect(() => store.sqlite.exec(`UPDATE audit_events SET kind = 'x' WHERE id = 1`)).toThrow(/append-only/);
    expect(() => store.sqlite.exec('DELETE FROM audit_events WHERE id = 4')).toThrow(/append-only/);
    expect(
      store.sqlite
        .prepare(`SELECT tbl_name FROM sqlite_master WHERE name = 'audit_events_kind'`)
        .pluck()
        .get(),
    ).toBe('audit_events');

    // Appends continue the chain where it was, and nothing writes the sequence any more.
    await appendAuditEvent(store.db, { userId: null, kind: 'household.viewed' }, now);
    expect(store.sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get()).toBe(5);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, checked: 5 });
    expect(
      store.sqlite.prepare(`SELECT count(*) FROM sqlite_sequence WHERE name = 'audit_events'`).pluck().get(),
    ).toBe(0);
  } finally {
    await store.close();
  }
});
