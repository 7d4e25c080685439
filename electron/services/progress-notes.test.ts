import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { createHousehold, getHousehold, listHouseholds } from './households.js';
import {
  listProgressNotes,
  progressNoteHistory,
  saveProgressNote,
  voidProgressNote,
} from './progress-notes.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
let householdId: string;
beforeEach(async () => {
  vault = await signedInVault();
  ({ id: householdId } = await createHousehold(serviceCtx(vault.db, vault.userId, now), {
    caseNo: 'R8-001',
    receivedOn: '2026-04-01',
    label: '山田',
    referralAgencyId: null,
    issues: [],
    note: '',
  }));
});
afterEach(async () => vault.close());

const note = (notedOn: string, content: string) => ({
  householdId,
  notedOn,
  agencyId: null,
  staff: '相談員',
  content,
  nextPlan: '',
});

describe('支援経過', () => {
  it('新しい日付が先頭に並ぶ', async () => {
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), note('2026-05-01', '初回面談'));
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), note('2026-06-01', '家庭訪問'));
    expect(
      (await listProgressNotes({ db: vault.db }, { householdId: householdId })).map((n) => n.content),
    ).toEqual(['家庭訪問', '初回面談']);
  });

  it('一覧の「最終活動日」は取り消していない支援経過のうち最も新しい日付', async () => {
    const lastActivity = async () =>
      (await listHouseholds(dayCtx(vault.db, '2026-11-22'), { query: '', sort: 'receivedOn', limit: 10 }))[0]
        ?.lastActivityOn;
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), note('2026-05-01', '初回面談'));
    const { id } = await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      note('2026-06-01', '家庭訪問'),
    );
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), note('2026-04-15', '電話'));
    expect(await lastActivity()).toBe('2026-06-01');
    await voidProgressNote(serviceCtx(vault.db, vault.userId, now), { id, reason: '別の世帯の記録' });
    expect(await lastActivity()).toBe('2026-05-01');
  });

  it('訂正には理由が要り、以前の内容は理由とともに履歴に残り、監査ログに残る（規則18）', async () => {
    const { id } = await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      note('2026-05-01', '最初の記録 <&>"\''),
    );
    await expect(
      saveProgressNote(serviceCtx(vault.db, vault.userId, now), { ...note('2026-05-02', '直した記録'), id }),
    ).rejects.toThrow('訂正の理由を入力してください。理由は履歴に残ります。');
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), {
      ...note('2026-05-02', '直した記録'),
      id,
      reason: '日付の誤り',
    });
    const [current] = await listProgressNotes({ db: vault.db }, { householdId: householdId });
    expect(current).toMatchObject({
      content: '直した記録',
      notedOn: '2026-05-02',
      revision: 2,
      voided: null,
    });
    expect(await progressNoteHistory({ db: vault.db }, { noteId: id })).toEqual([
      expect.objectContaining({
        action: 'correct',
        reason: '日付の誤り',
        userName: '相談 花子',
        before: {
          notedOn: '2026-05-01',
          agencyId: null,
          staff: '相談員',
          content: '最初の記録 <&>"\'',
          nextPlan: '',
        },
      }),
    ]);
    const audit = await listAuditEvents(vault.db, { kind: 'record.corrected', limit: 10 });
    expect(audit.map((e) => e.detail)).toEqual([{ record: 'progressNote', recordId: id }]);
  });

  it('取消すと一覧に理由付きで残り、経過（タイムライン）からは消え、取り消したものは直せない', async () => {
    const { id } = await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      note('2026-05-01', '別世帯の記録'),
    );
    await expect(
      voidProgressNote(serviceCtx(vault.db, vault.userId, now), { id, reason: '  ' }),
    ).rejects.toThrow('取消の理由を入力してください。');
    await voidProgressNote(serviceCtx(vault.db, vault.userId, now), { id, reason: '別の世帯に書いた' });
    const [entry] = await listProgressNotes({ db: vault.db }, { householdId: householdId });
    expect(entry?.voided).toEqual({ at: now.toISOString(), reason: '別の世帯に書いた' });
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: householdId });
    expect(detail.timeline.map((t) => t.kind)).toEqual(['received']);
    await expect(
      saveProgressNote(serviceCtx(vault.db, vault.userId, now), {
        ...note('2026-05-01', 'x'),
        id,
        reason: '再訂正',
      }),
    ).rejects.toMatchObject({
      code: 'RECORD_VOIDED',
      message: expect.stringMatching(/^この支援経過は取り消されています。/),
    });
    expect(await listAuditEvents(vault.db, { kind: 'record.voided', limit: 10 })).toHaveLength(1);
  });

  it('5,000文字の内容もそのまま保存される', async () => {
    const long = '𠮷'.repeat(5000);
    await saveProgressNote(serviceCtx(vault.db, vault.userId, now), note('2026-05-01', long));
    expect((await listProgressNotes({ db: vault.db }, { householdId: householdId }))[0]?.content).toBe(long);
  });

  it('存在しない世帯には書けない', async () => {
    await expect(
      saveProgressNote(serviceCtx(vault.db, vault.userId, now), {
        ...note('2026-05-01', 'x'),
        householdId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
