import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import {
  cancelMeeting,
  completeMigratedMeeting,
  createMeeting,
  deleteMeeting,
  getMeeting,
  insertMeeting,
  listMeetings,
  savePlan,
  unfinalizePlan,
  updateMeeting,
} from './meetings.js';
import { defaultOfficeSettings } from './office-settings.js';
import { statisticsFor } from './statistics/index.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

const c = () => serviceCtx(vault.db, vault.userId, meetingNow);
const detail = (id: string) => getMeeting(c(), { id });
const auditKinds = async () => (await listAuditEvents(vault.db, { limit: 200 })).map((e) => e.kind);
const planRows = async (id: string) =>
  (await detail(id)).planRows.map((r) => ({
    target: r.target,
    memberId: r.memberId,
    goal: '見守り',
    discussion: '',
    nextActions: '週1回訪問',
    roles: '包括',
  }));

describe('発信日 ≤ 回答期限 ≤ 開催日（ルール18）', () => {
  it('発信日や回答期限が開催日より後なら、作成も変更も日付を示して拒む', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    await expect(createMeeting(c(), meeting({ issuedOn: '2026-11-25' }))).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        '発信日（令和8年11月25日）が開催日（令和8年11月24日）より後です。通知は開催日までに出す日付にしてください。',
      details: { field: 'issuedOn' },
    });
    const { id } = await createMeeting(c(), meeting());
    await expect(
      updateMeeting(c(), { id: id, meeting: meeting({ replyBy: '2026-11-30' }) }),
    ).rejects.toMatchObject({
      message:
        '回答期限（令和8年11月30日）が開催日（令和8年11月24日）より後です。開催日までの日付にしてください。',
      details: { field: 'replyBy' },
    });
    // Moving the meeting before its 回答期限 is the same contradiction.
    await expect(
      updateMeeting(c(), { id: id, meeting: meeting({ heldOn: '2026-11-19' }) }),
    ).rejects.toMatchObject({ details: { field: 'replyBy' } });
    expect((await detail(id)).heldOn).toBe('2026-11-24');
  });
});

describe('会議の日付や種別を変えても、記録した範囲外の理由は失われず、変わったことを示す（ルール18）', () => {
  it('同意が無効な日へ移すと、種別を黙って変えずに拒む。支援会議に変えると理由は残り、戻すとそのまま使える', async () => {
    const { meeting, agencies } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
      scope: 'first',
    });
    const attendees = agencies.map((a, i) => ({
      agencyId: a.id,
      title: '',
      personName: `担当 ${i}`,
      scopeReason: i === 0 ? '' : `理由 ${i}`,
    }));
    const { id } = await createMeeting(c(), meeting({ attendees }));
    const moved = { heldOn: '2026-10-20', issuedOn: '2026-10-10', replyBy: null };
    await expect(
      updateMeeting(c(), { id: id, meeting: meeting({ ...moved, attendees }) }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect((await detail(id)).kind).toBe('consented');

    // The form sends the reasons blank once the field is hidden: they are still recorded.
    const blank = attendees.map((a) => ({ ...a, scopeReason: '' }));
    const asUnconsented = await updateMeeting(c(), {
      id: id,
      meeting: meeting({ ...moved, kind: 'unconsented', attendees: blank }),
    });
    expect(asUnconsented.changes).toEqual([
      '開催日を令和8年11月24日から令和8年10月20日に変えました。',
      '種別を「重層的支援会議」から「支援会議」に変えました。',
      '基幹相談支援センター：支援会議には同意の範囲がないため範囲外の理由は使いませんが、記録は残してあります。',
      '市社会福祉協議会：支援会議には同意の範囲がないため範囲外の理由は使いませんが、記録は残してあります。',
    ]);
    expect((await detail(id)).attendees.map((a) => a.scopeReason)).toEqual([null, '理由 1', '理由 2']);

    const back = await updateMeeting(c(), { id: id, meeting: meeting({ attendees: blank }) });
    expect(back.changes).toEqual([
      '開催日を令和8年10月20日から令和8年11月24日に変えました。',
      '種別を「支援会議」から「重層的支援会議」に変えました。',
    ]);
    const after = await detail(id);
    expect(after.attendees.map((a) => [a.inScope, a.scopeReason])).toEqual([
      [true, null],
      [false, '理由 1'],
      [false, '理由 2'],
    ]);
  });

  it('出席機関から外した機関の理由が外れることも示す', async () => {
    const { meeting, agencies } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
      scope: 'first',
    });
    const attendees = agencies.map((a, i) => ({
      agencyId: a.id,
      title: '',
      personName: '',
      scopeReason: i === 0 ? '' : '緊急の安否確認',
    }));
    const { id } = await createMeeting(c(), meeting({ attendees }));
    const { changes } = await updateMeeting(c(), {
      id: id,
      meeting: meeting({ attendees: attendees.slice(0, 2) }),
    });
    expect(changes).toEqual([
      '市社会福祉協議会を出席機関から外したため、記録していた範囲外の理由も外れました。',
    ]);
  });
});

describe('支援プランの確定（ルール18）', () => {
  it('開催日より前は確定できず、確定後は「確定を取り消す」（理由・監査）まで変更できない', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(c(), meeting());
    const rows = await planRows(id);
    await expect(savePlan(c(), { meetingId: id, status: 'final', rows })).rejects.toMatchObject({
      message:
        '支援プランは会議の開催日（令和8年11月24日）以降に確定します。今日（令和8年11月22日）はまだ確定できません。',
    });
    const heldToday = await createMeeting(
      c(),
      meeting({ meetingNo: 'R8-001-2', heldOn: today, issuedOn: '2026-11-16', replyBy: null }),
    );
    await savePlan(c(), { meetingId: heldToday.id, status: 'final', rows: await planRows(heldToday.id) });
    await expect(savePlan(c(), { meetingId: heldToday.id, status: 'draft', rows })).rejects.toMatchObject({
      message: expect.stringContaining('確定を取り消す'),
    });
    await expect(
      updateMeeting(c(), {
        id: heldToday.id,
        meeting: meeting({ meetingNo: 'R8-001-2', heldOn: '2026-11-30', replyBy: null }),
      }),
    ).rejects.toMatchObject({ details: { field: 'heldOn' } });
    await expect(unfinalizePlan(c(), { meetingId: heldToday.id, reason: '  ' })).rejects.toMatchObject({
      message: '確定の取消の理由を入力してください。理由は履歴に残ります。',
    });
    await unfinalizePlan(c(), { meetingId: heldToday.id, reason: '役割分担の誤記' });
    const reopened = await detail(heldToday.id);
    expect(reopened.planStatus).toBe('draft');
    expect(reopened.planUnfinalizations).toEqual([
      { at: meetingNow.toISOString(), reason: '役割分担の誤記', userName: '相談 花子' },
    ]);
    expect(await auditKinds()).toContain('plan.unfinalized');
    await savePlan(c(), { meetingId: heldToday.id, status: 'final', rows: await planRows(heldToday.id) });
  });
});

describe('会議の中止と削除（ルール22）', () => {
  it('中止には理由が要り、中止した会議は「未作成」を出さず、変更できず、開催回数に数えない', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(
      c(),
      meeting({ heldOn: '2026-11-20', issuedOn: '2026-11-10', replyBy: null }),
    );
    const count = async () =>
      (await statisticsFor(c(), { fiscalYears: [2026], threshold: 3 })).main.find(
        (r) => r.item === '重層的支援会議の開催（回数）',
      )?.values['2026'];
    expect(await count()).toBe(1);
    expect((await detail(id)).missing).not.toEqual([]);
    await expect(cancelMeeting(c(), { meetingId: id, reason: '' })).rejects.toMatchObject({
      message: '中止の理由を入力してください。理由は履歴に残ります。',
    });
    await cancelMeeting(c(), { meetingId: id, reason: '本人が入院したため' });
    const cancelled = await detail(id);
    expect(cancelled.cancelled).toEqual({ at: meetingNow.toISOString(), reason: '本人が入院したため' });
    expect(cancelled.missing).toEqual([]);
    expect(await count()).toBe(0);
    await expect(
      updateMeeting(c(), {
        id: id,
        meeting: meeting({ heldOn: '2026-11-20', issuedOn: '2026-11-10', replyBy: null }),
      }),
    ).rejects.toMatchObject({ message: '中止した会議は変更できません。' });
    await expect(cancelMeeting(c(), { meetingId: id, reason: '重ねて' })).rejects.toMatchObject({
      message: 'この会議はすでに中止になっています。',
    });
    expect(await auditKinds()).toContain('meeting.cancelled');
  });

  it('何も発行していない会議は削除でき、発行した会議は削除できず中止を勧める', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const blank = await createMeeting(c(), meeting());
    const issued = await createMeeting(c(), meeting({ meetingNo: 'R8-001-2' }));
    await vault.db
      .insertInto('document_issues')
      .values({
        id: 'd1',
        meeting_id: issued.id,
        document: 'form1',
        copies: 1,
        purpose: 'meeting',
        purpose_note: '',
        names: 'masked',
        names_reason: null,
        action: 'save',
        user_id: vault.userId,
        created_at: meetingNow.toISOString(),
      })
      .execute();
    expect((await detail(issued.id)).issuedDocuments).toBe(1);
    await expect(deleteMeeting(c(), { meetingId: issued.id })).rejects.toMatchObject({
      message:
        'この会議では文書を1回発行しています。発行の記録を残すため削除はできません。開かなかった会議は「中止」にしてください。',
    });
    await deleteMeeting(c(), { meetingId: blank.id });
    expect((await listMeetings(dayCtx(vault.db, today), { limit: 10 })).map((m) => m.id)).toEqual([
      issued.id,
    ]);
    expect(await auditKinds()).toContain('meeting.deleted');
  });
});

describe('移行データ（ルール21）', () => {
  it('取り込んだ過去の会議は「未作成」を出さず、完成させると選んだときだけ出す', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const id = await vault.db
      .transaction()
      .execute((trx) =>
        insertMeeting(
          trx,
          vault.userId,
          meeting({ heldOn: '2026-06-01', issuedOn: '2026-06-01', replyBy: null }),
          defaultOfficeSettings.meetingLabels,
          meetingNow,
          'none',
          true,
        ),
      );
    expect(await detail(id)).toMatchObject({ migrated: 'pastRecord', missing: [] });
    await completeMigratedMeeting(c(), { meetingId: id });
    expect(await detail(id)).toMatchObject({
      migrated: 'completing',
      missing: ['支援プランが未確定', '会議結果（当面の取組事項）が未入力', '会議報告（様式4）が未発行'],
    });
    await expect(completeMigratedMeeting(c(), { meetingId: id })).rejects.toMatchObject({
      code: 'NOT_MIGRATED_DATA',
    });
  });
});
