import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listConsents, withdrawConsent } from './consent.js';
import {
  checkMeetingKind,
  createMeeting,
  getMeeting,
  listMeetings,
  savePlan,
  updateMeeting,
} from './meetings.js';
import { defaultOfficeSettings } from './office-settings.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { signedInVault } from './testing/signed-in-vault.js';

const labels = defaultOfficeSettings.meetingLabels;
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

describe('会議の種類は法律に従う（ルール2）', () => {
  it('同意のない世帯には重層的支援会議を開けず、理由を示す', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId);
    const check = await checkMeetingKind(vault.db, householdId, '2026-11-24', labels);
    expect(check.allowed).toEqual(['unconsented']);
    expect(check.reason).toContain('本人同意の記録がありません');
    await expect(createMeeting(vault.db, vault.userId, meeting(), labels, meetingNow)).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
    const { id } = await createMeeting(
      vault.db,
      vault.userId,
      meeting({ kind: 'unconsented' }),
      labels,
      meetingNow,
    );
    expect((await getMeeting(vault.db, vault.userId, id, '2026-11-22', meetingNow)).kind).toBe('unconsented');
  });

  it('同意の取得日より前の日付や、撤回後の日付には重層的支援会議を開けない', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
    });
    await expect(
      createMeeting(vault.db, vault.userId, meeting({ heldOn: '2026-10-31' }), labels, meetingNow),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', message: expect.stringContaining('取得日') });
    const { id } = await createMeeting(
      vault.db,
      vault.userId,
      meeting({ heldOn: '2026-11-01' }),
      labels,
      meetingNow,
    );
    const [consent] = await listConsents(vault.db, householdId);
    await withdrawConsent(
      vault.db,
      vault.userId,
      { consentId: consent?.id ?? '', withdrawnOn: '2026-11-20', reason: '本人の申し出' },
      meetingNow,
    );
    await expect(
      createMeeting(
        vault.db,
        vault.userId,
        meeting({ meetingNo: 'R8-001-2', heldOn: '2026-11-20' }),
        labels,
        meetingNow,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('撤回') });
    // The meeting held before the withdrawal stays lawful.
    await updateMeeting(
      vault.db,
      vault.userId,
      id,
      meeting({ heldOn: '2026-11-01', place: '別室' }),
      labels,
      meetingNow,
    );
    await expect(
      updateMeeting(vault.db, vault.userId, id, meeting({ heldOn: '2026-11-21' }), labels, meetingNow),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
});

describe('出席機関は同意の範囲内（ルール3）', () => {
  it('範囲外の機関は理由がなければ出席させられず、理由は記録される', async () => {
    const { meeting, agencies } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-11-01',
      scope: 'first',
    });
    await expect(createMeeting(vault.db, vault.userId, meeting(), labels, meetingNow)).rejects.toMatchObject({
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
    const { id } = await createMeeting(vault.db, vault.userId, withReasons, labels, meetingNow);
    const detail = await getMeeting(vault.db, vault.userId, id, '2026-11-22', meetingNow);
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
      vault.db,
      vault.userId,
      meeting({ kind: 'unconsented' }),
      labels,
      meetingNow,
    );
    const detail = await getMeeting(vault.db, vault.userId, id, '2026-11-22', meetingNow);
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
      vault.db,
      vault.userId,
      meeting({ meetingNo: 'P', heldOn: '2026-10-01' }),
      labels,
      meetingNow,
    );
    const soon = await createMeeting(
      vault.db,
      vault.userId,
      meeting({ meetingNo: 'S', heldOn: '2026-11-25' }),
      labels,
      meetingNow,
    );
    const later = await createMeeting(
      vault.db,
      vault.userId,
      meeting({ meetingNo: 'L', heldOn: '2026-12-24' }),
      labels,
      meetingNow,
    );
    const list = await listMeetings(vault.db, { limit: 50 }, '2026-11-22');
    expect(list.map((m) => m.id)).toEqual([soon.id, later.id, past.id]);
    expect(list[2]?.missing).toEqual([
      '支援プランが未確定',
      '会議結果（当面の取組事項）が未入力',
      '会議報告（様式4）が未作成',
    ]);
    const detail = await getMeeting(vault.db, vault.userId, past.id, '2026-11-22', meetingNow);
    expect(detail.planRows.map((r) => r.heading)).toEqual([
      'A氏 𠮷田 花子（本人）',
      'B氏 𠮷田 髙志（長男）',
      'C氏 山﨑 美咲（孫）',
      '危機介入',
      'その他',
    ]);
    await savePlan(
      vault.db,
      vault.userId,
      {
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
      },
      meetingNow,
    );
    const after = (await listMeetings(vault.db, { limit: 50 }, '2026-11-22')).find((m) => m.id === past.id);
    expect(after).toMatchObject({
      planStatus: 'final',
      planRowCount: 5,
      missing: ['会議報告（様式4）が未作成'],
    });
  });

  it('週末や祝日の会議には警告が付く（拒否はしない）', async () => {
    const { householdId } = await householdForMeetings(vault.db, vault.userId);
    expect((await checkMeetingKind(vault.db, householdId, '2026-11-23', labels)).dateWarning).toContain(
      '勤労感謝の日',
    );
    expect((await checkMeetingKind(vault.db, householdId, '2026-11-22', labels)).dateWarning).toContain(
      '日曜日',
    );
    expect((await checkMeetingKind(vault.db, householdId, '2026-11-24', labels)).dateWarning).toBeNull();
  });

  it('空のプランは確定できない', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(vault.db, vault.userId, meeting(), labels, meetingNow);
    await expect(
      savePlan(vault.db, vault.userId, { meetingId: id, status: 'final', rows: [] }, meetingNow),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
