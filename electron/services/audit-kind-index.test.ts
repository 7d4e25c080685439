import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKinds } from '../ipc/contract.js';
import { backupHistory } from './app-backup.js';
import { appendAuditEvent, listAuditEvents, readAuditKinds } from './audit.js';
import { deskOn } from './desk.js';
import { dayCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
const now = new Date('2026-11-30T01:00:00Z');
beforeAll(async () => {
  vault = await signedInVault();
  for (const kind of auditKinds)
    await appendAuditEvent(vault.db, { userId: vault.userId, kind, target: { type: 'test', id: kind } }, now);
});
afterAll(async () => {
  await vault.close();
});

describe('監査ログの種類の索引（閲覧の記録は入れない: 1101）', () => {
  it('どの種類で絞り込んでも、その種類の記録が見つかる（閲覧の記録も）', async () => {
    const missing: string[] = [];
    for (const kind of auditKinds) {
      const events = await listAuditEvents(vault.db, { kind, limit: 100, order: 'newest' });
      if (!events.some((e) => e.targetId === kind) || events.some((e) => e.kind !== kind)) missing.push(kind);
    }
    expect(missing).toEqual([]);
  });

  it('閲覧の記録は索引に入らず、ほかの種類は入る', () => {
    const { store } = vault.session.signedIn();
    const indexed = store.sqlite
      .prepare(
        'SELECT DISTINCT kind FROM audit_events INDEXED BY audit_events_kind WHERE indexed_kind IS NOT NULL',
      )
      .pluck()
      .all() as string[];
    expect(indexed.filter((k) => readAuditKinds.has(k as never))).toEqual([]);
    expect(new Set(indexed)).toEqual(new Set(auditKinds.filter((k) => !readAuditKinds.has(k))));
  });

  it('種類で探す監査ログの問い合わせ（ホームのバックアップ、その履歴、監査ログの絞り込み）はすべて索引を使う', async () => {
    const { store } = vault.session.signedIn();
    const seen = new Map<string, unknown[]>();
    const prepare = store.sqlite.prepare.bind(store.sqlite);
    store.sqlite.prepare = ((text: string) => {
      const stmt = prepare(text);
      if (!/audit_events/.test(text) || !/kind/.test(text)) return stmt;
      for (const method of ['all', 'get'] as const) {
        const run = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
        (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          seen.set(text, args);
          return run(...args);
        };
      }
      return stmt;
    }) as typeof store.sqlite.prepare;
    try {
      await deskOn({ ...dayCtx(vault.db, '2026-11-30'), db: vault.db }, {});
      await backupHistory({ db: vault.db }, {});
      // Shapes the first test did not prepare (the driver keeps each statement it prepared).
      await listAuditEvents(vault.db, {
        kind: 'settings.changed',
        limit: 50,
        order: 'newest',
        beforeId: 1e6,
      });
      await listAuditEvents(vault.db, {
        kind: 'backup.created',
        limit: 50,
        order: 'oldest',
        userId: vault.userId,
      });
    } finally {
      store.sqlite.prepare = prepare;
    }
    const plans = [...seen]
      .filter(([text]) => /indexed_kind/.test(text))
      .map(([text, args]) =>
        (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...(args as never[])) as { detail: string }[])
          .map((r) => r.detail)
          .join(' / '),
      );
    expect(plans).toHaveLength(4);
    for (const plan of plans) expect(plan).toMatch(/USING (COVERING )?INDEX audit_events_kind/);
  });
});
