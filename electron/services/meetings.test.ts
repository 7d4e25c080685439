import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listConsents, withdrawConsent } from './consent.js';
import {
  cancelMeeting,
  checkMeetingKind,
  createMeeting,
  getMeeting,
  listMeetings,
  meetingDefaults,
  savePlan,
  updateMeeting,
} from './meetings.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());
const today = '2026-11-22';
/** A meeting on `heldOn` whose notice went out that day (rule 18: 発信日 ≤ 開催日). */
const on = (heldOn: string) => ({ heldOn, issuedOn: heldOn, replyBy: null });

describe('会議の種類は法律に従う（ルール2）', () => {
  it('同意のない世帯には重層的支援会議を開けず、理由を示す', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId);
    const check = await checkMeetingKind(dayCtx(vault.db, today), {
      householdId: householdId,
      heldOn: '2026-11-24',
    });
    expect(check.allowed).toEqual(['unconsented']);
    expect(check.reason).toContain('本人同意の記録がありません');
    await expect(
      createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting()),
    ).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
    const { id } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ kind: 'unconsented' }),
    );
    expect((await getMeeting(serviceCtx(vault.db, vault.userId, meetingNow), { id: id })).kind).toBe(
      'unconsented',
    );
  });

  it('同意の取得日より前の日付や、撤回後の日付には重層的支援会議を開けない', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
    });
    await expect(
      createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting({ ...on('2026-10-31') })),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', message: expect.stringContaining('取得日') });
    const { id } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ ...on('2026-11-01') }),
    );
    const [consent] = await listConsents(vault.db, householdId);
    await withdrawConsent(serviceCtx(vault.db, vault.userId, meetingNow), {
      consentId: consent?.id ?? '',
      withdrawnOn: '2026-11-20',
      reason: '本人の申し出',
    });
    await expect(
      createMeeting(
        serviceCtx(vault.db, vault.userId, meetingNow),
        meeting({ meetingNo: 'R8-001-2', ...on('2026-11-20') }),
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('撤回') });
    // The meeting held before the withdrawal stays lawful.
    await updateMeeting(serviceCtx(vault.db, vault.userId, meetingNow), {
      id: id,
      meeting: meeting({ ...on('2026-11-01'), place: '別室' }),
    });
    await expect(
      updateMeeting(serviceCtx(vault.db, vault.userId, meetingNow), {
        id: id,
        meeting: meeting({ ...on('2026-11-21') }),
      }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
});

describe('出席機関は同意の範囲内（ルール3）', () => {
  it('範囲外の機関は理由がなければ出席させられず、理由は記録される', async () => {
    const { meeting, agencies } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
      scope: 'first',
    });
    await expect(
      createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting()),
    ).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: expect.stringContaining('基幹相談支援センター'),
    });
    const withReasons = meeting({
      attendees: agencies.map((a, i) => ({
        agencyId: a.id,
        title: '',
        personName: `担当 ${i}`,
        scopeReason: i === 0 ? '' : '緊急の安否確認のため',
      })),
    });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), withReasons);
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, meetingNow), { id: id });
    expect(detail.attendees.map((a) => a.inScope)).toEqual([true, false, false]);
    expect(detail.attendees[1]?.scopeReason).toBe('緊急の安否確認のため');
    const exceptions = await vault.db
      .selectFrom('audit_events')
      .select('kind')
      .where('kind', '=', 'meeting.scopeException')
      .execute();
    expect(exceptions).toHaveLength(2);
  });

  it('支援会議には同意の範囲はない（106条の6で共有できる）', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId);
    const { id } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ kind: 'unconsented' }),
    );
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, meetingNow), { id: id });
    expect(detail.attendees).toHaveLength(3);
    expect(detail.attendees.map((a) => [a.inScope, a.scopeReason])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    const exceptions = await vault.db
      .selectFrom('audit_events')
      .select('kind')
      .where('kind', '=', 'meeting.scopeException')
      .execute();
    expect(exceptions).toEqual([]);
  });
});

describe('会議一覧とプラン', () => {
  it('新しい会議には世帯員ごとの行と危機介入・その他の行があり、予定は先に、過去は不足を示す', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const past = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ meetingNo: 'P', ...on('2026-10-01') }),
    );
    const soon = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ meetingNo: 'S', ...on('2026-11-25') }),
    );
    const later = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ meetingNo: 'L', ...on('2026-12-24') }),
    );
    const list = await listMeetings(dayCtx(vault.db, '2026-11-22'), { limit: 50 });
    expect(list.map((m) => m.id)).toEqual([soon.id, later.id, past.id]);
    expect(list[2]?.missing).toEqual([
      '支援プランが未確定',
      '会議結果（当面の取組事項）が未入力',
      '会議報告（様式4）が未発行',
    ]);
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, meetingNow), { id: past.id });
    expect(detail.planRows.map((r) => r.heading)).toEqual([
      'A氏 𠮷田 花子（本人）',
      'B氏 𠮷田 髙志（長男）',
      'C氏 山﨑 美咲（孫）',
      '危機介入',
      'その他',
    ]);
    await savePlan(serviceCtx(vault.db, vault.userId, meetingNow), {
      meetingId: past.id,
      status: 'final',
      rows: detail.planRows.map((r) => ({
        target: r.target,
        memberId: r.memberId,
        goal: '見守り',
        discussion: '',
        nextActions: '週1回訪問',
        roles: '包括',
      })),
    });
    const after = (await listMeetings(dayCtx(vault.db, '2026-11-22'), { limit: 50 })).find(
      (m) => m.id === past.id,
    );
    expect(after).toMatchObject({
      planStatus: 'final',
      planRowCount: 5,
      missing: ['会議報告（様式4）が未発行'],
    });
  });

  it('週末や祝日の会議には警告が付く（拒否はしない）', async () => {
    const { householdId } = await householdForMeetings(vault.db, vault.userId);
    expect(
      (await checkMeetingKind(dayCtx(vault.db, today), { householdId: householdId, heldOn: '2026-11-23' }))
        .dateWarning,
    ).toContain('勤労感謝の日');
    expect(
      (await checkMeetingKind(dayCtx(vault.db, today), { householdId: householdId, heldOn: '2026-11-22' }))
        .dateWarning,
    ).toContain('日曜日');
    expect(
      (await checkMeetingKind(dayCtx(vault.db, today), { householdId: householdId, heldOn: '2026-11-24' }))
        .dateWarning,
    ).toBeNull();
  });

  it('空のプランは確定できない', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ ...on('2026-11-20') }),
    );
    await expect(
      savePlan(serviceCtx(vault.db, vault.userId, meetingNow), { meetingId: id, status: 'final', rows: [] }),
    ).rejects.toMatchObject({
      code: 'PLAN_EMPTY',
      message: '目標か検討内容が1行もないプランは確定できません。',
    });
  });
});

describe('2回目の会議は前回から始まる（issue 13）', () => {
  it('次の会議番号と、中止でない最新の会議の時刻・場所・出席者を返す。はじめての世帯には前回がない', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId);
    const ctx = serviceCtx(vault.db, vault.userId, meetingNow);
    expect(await meetingDefaults(ctx, { householdId })).toEqual({ meetingNo: 'R8-001-1', previous: null });
    const first = meeting({ kind: 'unconsented' });
    await createMeeting(ctx, first);
    const later = await createMeeting(ctx, {
      ...first,
      meetingNo: 'R8-001-2',
      ...on('2026-11-26'),
      place: '別の会場',
    });
    await cancelMeeting(ctx, { meetingId: later.id, reason: '本人の入院' });
    const defaults = await meetingDefaults(ctx, { householdId });
    expect(defaults).toEqual({
      meetingNo: 'R8-001-3',
      previous: {
        meetingNo: 'R8-001-1',
        startTime: first.startTime,
        endTime: first.endTime,
        place: first.place,
        attendees: first.attendees.map(({ agencyId, title, personName }) => ({
          agencyId,
          title,
          personName,
        })),
      },
    });
  });
});
