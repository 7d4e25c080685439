import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { listHouseholds } from './household-page.js';
import { createHousehold, getHousehold, saveMembers } from './households.js';
import {
  listProgressNotes,
  progressNoteHistory,
  saveProgressNote,
  searchProgressNotes,
  voidProgressNote,
} from './progress-notes.js';
import { livingMember } from './testing/members.js';
import { parse } from './testing/office-days.js';
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
          means: null,
          timeFrom: null,
          timeTo: null,
          memberIds: [],
          nextOn: null,
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

describe('支援経過の構造と検索', () => {
  const structured = (over: Partial<Parameters<typeof parse<'progressNotes.save'>>[1]> = {}) =>
    parse('progressNotes.save', {
      householdId,
      notedOn: '2026-06-01',
      agencyId: null,
      staff: '相談員',
      means: 'visit',
      timeFrom: '１０：００',
      timeTo: '11:30',
      memberIds: [],
      content: '髙橋さん宅を訪問し、長男と面談した。',
      nextPlan: '通院の同行を調整する',
      nextOn: '令和8年6月15日',
      ...over,
    });

  it('手段・時刻・対象の世帯員・次回予定日が記録され、世帯員はラベルの順で返る', async () => {
    const members = await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId,
      members: [
        {
          name: '山田 一郎',
          kana: 'やまだ いちろう',
          relationship: '本人',
          birthDate: '1950-01-01',
          sex: 'male',
          isPrincipal: true,
          ...livingMember,
        },
        {
          name: '山田 次郎',
          kana: 'やまだ じろう',
          relationship: '長男',
          birthDate: '1980-01-01',
          sex: 'male',
          isPrincipal: false,
          ...livingMember,
        },
      ],
    });
    const [a, b] = members;
    await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      structured({ memberIds: [b?.id ?? '', a?.id ?? ''] }),
    );
    const [saved] = await listProgressNotes({ db: vault.db }, { householdId });
    expect(saved).toMatchObject({
      means: 'visit',
      timeFrom: '10:00',
      timeTo: '11:30',
      nextOn: '2026-06-15',
      members: [
        { id: a?.id, label: 'A' },
        { id: b?.id, label: 'B' },
      ],
    });
  });

  it('時刻の前後と次回予定日の日付を確かめ、他の世帯の世帯員は対象にできない', () => {
    expect(() => structured({ timeFrom: '11:00', timeTo: '10:00' })).toThrow('終わりの時刻');
    expect(() => structured({ nextOn: '2026-05-31' })).toThrow('次回予定日は');
    return expect(
      saveProgressNote(
        serviceCtx(vault.db, vault.userId, now),
        structured({ memberIds: ['00000000-0000-4000-8000-000000000000'] }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'memberIds' } });
  });

  it('訂正しても、訂正前の手段・次回予定日は履歴に残る', async () => {
    const { id } = await saveProgressNote(serviceCtx(vault.db, vault.userId, now), structured());
    await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      structured({ id, means: 'phone', nextOn: '', reason: '手段の誤り' }),
    );
    const [history] = await progressNoteHistory({ db: vault.db }, { noteId: id });
    expect(history?.before).toMatchObject({ means: 'visit', nextOn: '2026-06-15' });
    expect((await listProgressNotes({ db: vault.db }, { householdId }))[0]).toMatchObject({
      means: 'phone',
      nextOn: null,
    });
  });

  it('本文の検索は世帯の検索と同じく異体字と全角・半角を畳み、訂正後の文で探し、取り消した記録は出さない', async () => {
    const { id } = await saveProgressNote(serviceCtx(vault.db, vault.userId, now), structured());
    const search = (query: string) =>
      searchProgressNotes({ db: vault.db }, { query, householdId, limit: 100 }).then((r) =>
        r.map((n) => n.noteId),
      );
    expect(await search('高橋')).toEqual([id]);
    expect(await search('通院の')).toEqual([id]);
    expect(await search('タカハシ')).toEqual([]);
    expect(await search('長男')).toEqual([id]);
    await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      structured({ id, content: '電話で様子を聞いた。', reason: '別の記録と取り違え' }),
    );
    expect(await search('長男')).toEqual([]);
    expect(await search('電話')).toEqual([id]);
    await voidProgressNote(serviceCtx(vault.db, vault.userId, now), { id, reason: '重複' });
    expect(await search('電話')).toEqual([]);
  });

  it('制御文字（U+0000）を含む語でも失敗せずに探す（IPC fuzz の seed 372581 が INTERNAL を見つけた）', async () => {
    const { id } = await saveProgressNote(
      serviceCtx(vault.db, vault.userId, now),
      structured({ content: '貼り付けた文\u0000\u0007の残り' }),
    );
    const search = (query: string) =>
      searchProgressNotes({ db: vault.db }, { query, householdId, limit: 100 }).then((r) =>
        r.map((n) => n.noteId),
      );
    expect(await search('\u0000\u0007\u001b[31m')).toEqual([]);
    expect(await search('文\u0000\u0007の')).toEqual([id]);
    expect(await search('\u0000\u0007の残り')).toEqual([id]);
    expect(await search('文\u0000x')).toEqual([]);
  });

  it('検索の索引はトリグラム（3文字以上）を使う', async () => {
    const plan = vault.session
      .signedIn()
      .store.sqlite.prepare(
        'EXPLAIN QUERY PLAN SELECT rowid FROM progress_note_search WHERE progress_note_search MATCH \'"通院の"\'',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
