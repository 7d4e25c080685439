import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../../db/open.js';
import { appendAuditEvent, listAuditEvents, verifyAuditChain } from './audit.js';
import { defaultOfficeSettings, saveOfficeSettings } from './office-settings.js';
import { serviceCtx } from './testing/service-context.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let store: OpenStore;
let userId: string;
const now = new Date('2026-11-22T01:00:00Z');

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf, clock: () => now });
  const { status } = await session.setup({ userName: '相談 花子', passphrase: 'correct horse battery' });
  userId = status.user?.id ?? '';
  store = session.signedIn().store;
  for (let i = 0; i < 5; i++)
    await appendAuditEvent(store.db, { userId, kind: 'settings.changed', detail: { n: i } }, now);
});
afterEach(async () => {
  await session.lock('user');
  await cleanup();
});

describe('監査ログ（ハッシュチェーン）', () => {
  it('記録は前の記録のハッシュでつながり、検証は全件を確かめる', async () => {
    const result = await verifyAuditChain(store.db);
    expect(result).toEqual({ ok: true, checked: 6, firstBroken: null });
  });

  it('追記専用: アプリの経路では更新も削除もできない', () => {
    expect(() => store.sqlite.prepare(`UPDATE audit_events SET kind = 'x' WHERE id = 2`).run()).toThrow(
      /append-only/,
    );
    expect(() => store.sqlite.prepare('DELETE FROM audit_events WHERE id = 2').run()).toThrow(/append-only/);
  });

  it('1件の内容を書き換えると、その記録が最初の破損として報告される', async () => {
    store.sqlite.exec('DROP TRIGGER audit_events_no_update');
    store.sqlite.prepare(`UPDATE audit_events SET detail_json = '{"n":99}' WHERE id = 4`).run();
    const result = await verifyAuditChain(store.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: 4, reason: expect.stringContaining('書き換え') });
  });

  it('書き換えに合わせてハッシュを作り直しても、次の記録とのつながりで見つかる', async () => {
    store.sqlite.exec('DROP TRIGGER audit_events_no_update');
    store.sqlite.prepare(`UPDATE audit_events SET hash = '${'f'.repeat(64)}' WHERE id = 3`).run();
    const result = await verifyAuditChain(store.db);
    expect(result.firstBroken?.id).toBe(3);
  });

  it('1件を削除すると欠番として報告される', async () => {
    store.sqlite.exec('DROP TRIGGER audit_events_no_delete');
    store.sqlite.prepare('DELETE FROM audit_events WHERE id = 3').run();
    const result = await verifyAuditChain(store.db);
    expect(result.firstBroken).toMatchObject({ id: 4, reason: expect.stringContaining('欠番') });
  });

  it('設定の変更は変わった項目名だけを記録し、値（自治体名など）は記録しない', async () => {
    await saveOfficeSettings(serviceCtx(store.db, userId, now), {
      ...defaultOfficeSettings,
      municipalityName: '記録されない市',
    });
    const [event] = await listAuditEvents(store.db, { limit: 1 });
    expect(event).toMatchObject({
      kind: 'settings.changed',
      userId,
      userName: '相談 花子',
      detail: { fields: ['municipalityName'] },
    });
    const all = store.sqlite.prepare('SELECT detail_json, target_id FROM audit_events').all();
    expect(JSON.stringify(all)).not.toContain('記録されない市');
  });

  it('一覧は新しい順で、種類と利用者で絞り込める', async () => {
    const events = await listAuditEvents(store.db, { limit: 100, kind: 'settings.changed' });
    expect(events.map((e) => e.id)).toEqual([6, 5, 4, 3, 2]);
    expect(
      await listAuditEvents(store.db, { limit: 100, userId: '00000000-0000-4000-8000-000000000000' }),
    ).toEqual([]);
    expect((await listAuditEvents(store.db, { limit: 2, beforeId: 4 })).map((e) => e.id)).toEqual([3, 2]);
    // 日時の見出しで古い順: the whole log from its first event, paged forward.
    expect((await listAuditEvents(store.db, { limit: 2, order: 'oldest' })).map((e) => e.id)).toEqual([1, 2]);
    expect(
      (await listAuditEvents(store.db, { limit: 2, order: 'oldest', afterId: 2 })).map((e) => e.id),
    ).toEqual([3, 4]);
  });
});
