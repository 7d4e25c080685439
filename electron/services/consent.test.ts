import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAgencies } from './agencies.js';
import { listAuditEvents } from './audit.js';
import { addConsent, correctConsent, listConsents, voidConsent, withdrawConsent } from './consent.js';
import { listHouseholds } from './household-page.js';
import { createHousehold, getHousehold } from './households.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-30T01:00:00Z');
const today = '2026-11-30';
let vault: Awaited<ReturnType<typeof signedInVault>>;
let householdId: string;
beforeEach(async () => {
  vault = await signedInVault(() => now);
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

const consent = (obtainedOn: string) => ({
  householdId,
  obtainedOn,
  method: 'written' as const,
  obtainedBy: '相談 花子',
  allAgencies: true,
  agencyIds: [],
});
const detail = () => getHousehold(serviceCtx(vault.db, vault.userId, now), { id: householdId });

describe('本人同意の記録は取消・訂正できる（規則18）', () => {
  it('未来の取得日は断り、日付と理由を言う（令和9年1月10日と打ち間違えた場合）', async () => {
    await expect(addConsent(serviceCtx(vault.db, vault.userId, now), consent('2027-01-10'))).rejects.toThrow(
      '取得日（令和9年1月10日）が今日（令和8年11月30日）より後です。まだ来ていない日付では記録できません。',
    );
    expect((await detail()).consents).toEqual([]);
  });

  it('誤って記録した同意を理由付きで取り消すと、記録は見えたまま数えられなくなり、世帯の状態が戻る', async () => {
    await addConsent(serviceCtx(vault.db, vault.userId, now), consent('2026-10-01'));
    expect((await detail()).consent).toBe('granted');
    const [record] = await listConsents(vault.db, householdId);
    await voidConsent(serviceCtx(vault.db, vault.userId, now), {
      id: record?.id ?? '',
      reason: '別の世帯の同意書だった',
    });
    const after = await detail();
    expect(after.consent).toBe('none');
    expect(after.track).toBe('unconsented');
    expect(after.consents).toHaveLength(1);
    expect(after.consents[0]?.voided).toEqual({ at: now.toISOString(), reason: '別の世帯の同意書だった' });
    expect(after.timeline.some((t) => t.kind === 'consentGranted')).toBe(false);
    expect(await listConsents(vault.db, householdId)).toEqual([]);
    const [row] = await listHouseholds(dayCtx(vault.db, today), {
      query: '',
      sort: 'receivedOn',
      limit: 5,
      track: 'consented',
    });
    expect(row).toBeUndefined();
    expect((await listAuditEvents(vault.db, { kind: 'record.voided', limit: 5 }))[0]?.detail).toEqual({
      record: 'consent',
      recordId: record?.id,
    });
  });

  it('訂正すると新しい内容が数えられ、以前の内容は理由とともに残る', async () => {
    await addConsent(serviceCtx(vault.db, vault.userId, now), consent('2026-10-01'));
    const [record] = await listConsents(vault.db, householdId);
    const [agency] = await listAgencies({ db: vault.db }, {});
    await correctConsent(serviceCtx(vault.db, vault.userId, now), {
      consentId: record?.id ?? '',
      obtainedOn: '2026-09-01',
      method: 'oral',
      obtainedBy: '相談 花子',
      allAgencies: false,
      agencyIds: [agency?.id ?? ''],
      withdrawnOn: null,
      withdrawReason: '',
      reason: '取得日と範囲の書き誤り',
    });
    const [shown] = (await detail()).consents;
    expect(shown).toMatchObject({ obtainedOn: '2026-09-01', method: 'oral', agencyIds: [agency?.id] });
    expect(shown?.corrections).toEqual([
      expect.objectContaining({
        action: 'correct',
        reason: '取得日と範囲の書き誤り',
        before: expect.objectContaining({ obtainedOn: '2026-10-01', method: 'written', allAgencies: true }),
      }),
    ]);
  });

  it('撤回日は取得日より前にも今日より後にもできない', async () => {
    await addConsent(serviceCtx(vault.db, vault.userId, now), consent('2026-10-01'));
    const [record] = await listConsents(vault.db, householdId);
    const withdraw = (withdrawnOn: string) =>
      withdrawConsent(serviceCtx(vault.db, vault.userId, now), {
        consentId: record?.id ?? '',
        withdrawnOn,
        reason: '本人の申出',
      });
    await expect(withdraw('2026-09-30')).rejects.toThrow(
      '撤回日（令和8年9月30日）が取得日（令和8年10月1日）より前です。取得日以降の日付にしてください。',
    );
    await expect(withdraw('2026-12-01')).rejects.toThrow(
      '撤回日（令和8年12月1日）が今日（令和8年11月30日）より後です。まだ来ていない日付では記録できません。',
    );
  });

  it('取り消した記録は撤回も訂正もできず、理由のない取消は断る', async () => {
    await addConsent(serviceCtx(vault.db, vault.userId, now), consent('2026-10-01'));
    const [record] = await listConsents(vault.db, householdId);
    await expect(
      voidConsent(serviceCtx(vault.db, vault.userId, now), { id: record?.id ?? '', reason: ' ' }),
    ).rejects.toThrow('取消の理由を入力してください。');
    await voidConsent(serviceCtx(vault.db, vault.userId, now), { id: record?.id ?? '', reason: '誤記録' });
    await expect(
      withdrawConsent(serviceCtx(vault.db, vault.userId, now), {
        consentId: record?.id ?? '',
        withdrawnOn: today,
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'RECORD_VOIDED',
      message: expect.stringMatching(/^この同意の記録は取り消されています。/),
    });
  });
});
