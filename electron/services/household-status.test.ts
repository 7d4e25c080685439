import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { listHouseholds } from './household-page.js';
import { changeHouseholdStatus, correctStatusChange, voidStatusChange } from './household-status.js';
import { createHousehold, getHousehold, updateHousehold } from './households.js';
import { openHouseholdsAt } from './statistics/report.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

/** 09:00 in Japan on the day: the office's today is that day. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);
const household = {
  caseNo: 'R8-001',
  receivedOn: '2026-04-01',
  label: '山田',
  referralAgencyId: null,
  issues: [],
  note: '',
};
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function create(): Promise<string> {
  return (await createHousehold(serviceCtx(vault.db, vault.userId, at('2026-04-01')), household)).id;
}
const change = (householdId: string, action: 'start' | 'close' | 'reopen', on: string, today = on) =>
  changeHouseholdStatus(
    serviceCtx(vault.db, vault.userId, at(today)),
    action === 'close' ? { householdId, action, on, reason: '課題解決' } : { householdId, action, on },
  );

describe('状態の履歴はひとつの関数で読まれる（規則17）', () => {
  it('受付から支援開始・終結・再開・終結の取消まで、毎日、画面の状態と統計の数が一致する', async () => {
    const id = await create();
    await change(id, 'start', '2026-04-10');
    await change(id, 'close', '2026-06-30');
    await change(id, 'reopen', '2026-07-15');
    await change(id, 'close', '2026-09-01');
    const history = (await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-09-05')), { id: id }))
      .statusHistory;
    const lastClose = history.at(-1);
    await voidStatusChange(serviceCtx(vault.db, vault.userId, at('2026-09-05')), {
      id: lastClose?.id ?? 0,
      reason: '別世帯の終結を誤って記録',
    });

    const expected = (day: string) =>
      day < '2026-04-01'
        ? null
        : day < '2026-04-10'
          ? 'received'
          : day < '2026-06-30'
            ? 'active'
            : day < '2026-07-15'
              ? 'closed'
              : 'active';
    for (let day = '2026-03-31'; day <= '2026-09-10'; day = dayAfter(day)) {
      const open = await openHouseholdsAt(vault.db, day);
      if (day < '2026-04-01') {
        expect(open, day).toBe(0);
        continue;
      }
      const screen = await getHousehold(serviceCtx(vault.db, vault.userId, at(day)), { id: id });
      const [row] = await listHouseholds(dayCtx(vault.db, day), { query: '', sort: 'receivedOn', limit: 10 });
      expect(screen.status, day).toBe(expected(day));
      expect(row?.status, day).toBe(screen.status);
      expect(open, day).toBe(screen.status === 'closed' ? 0 : 1);
    }
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-09-10')), { id: id });
    expect(detail.timeline.filter((t) => t.kind === 'status').map((t) => t.text)).toEqual([
      '再開',
      '終結（課題解決）',
      '支援開始',
    ]);
    expect(detail.statusHistory.at(-1)?.voided).toEqual({
      at: at('2026-09-05').toISOString(),
      reason: '別世帯の終結を誤って記録',
    });
  });

  it('今日より後の終結は断り、どの日付がなぜだめかを言う', async () => {
    const id = await create();
    await change(id, 'start', '2026-04-10');
    await expect(change(id, 'close', '2026-12-05', '2026-11-30')).rejects.toThrow(
      '終結日（令和8年12月5日）が今日（令和8年11月30日）より後です。まだ来ていない日付では記録できません。',
    );
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-11-30')), { id: id });
    expect(detail.status).toBe('active');
    expect(detail.statusHistory).toHaveLength(2);
  });

  it('再開は終結日より後、変更は前の変更より後、支援開始は受付日以降', async () => {
    const id = await create();
    await expect(change(id, 'start', '2026-03-20', '2026-04-02')).rejects.toThrow(
      '支援開始日（令和8年3月20日）が受付日（令和8年4月1日）より前です。受付日以降の日付にしてください。',
    );
    await change(id, 'start', '2026-04-10');
    await change(id, 'close', '2026-06-30');
    await expect(change(id, 'reopen', '2026-06-30')).rejects.toThrow(
      '再開日（令和8年6月30日）は終結日（令和8年6月30日）より後の日付にしてください。',
    );
    await expect(change(id, 'reopen', '2026-06-01', '2026-07-01')).rejects.toThrow(
      '再開日（令和8年6月1日）が、その前の「終結」（令和8年6月30日）より前です。',
    );
  });

  it('終結日の訂正は前後の変更の間に収まり、理由と以前の日付が残り、監査される（規則18）', async () => {
    const id = await create();
    await change(id, 'start', '2026-04-10');
    await change(id, 'close', '2026-06-30');
    await change(id, 'reopen', '2026-07-15');
    const close = (await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-07-20')), { id: id }))
      .statusHistory[2];
    const correct = (on: string) =>
      correctStatusChange(serviceCtx(vault.db, vault.userId, at('2026-07-20')), {
        id: close?.id ?? 0,
        on,
        reason: '日付の書き誤り',
      });
    await expect(correct('2026-07-20')).rejects.toThrow(/より前です|より後の日付にしてください/);
    await expect(correct('2026-04-05')).rejects.toThrow(
      '終結日（令和8年4月5日）が、その前の「支援開始」（令和8年4月10日）より前です。',
    );
    await correct('2026-06-20');
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-07-20')), { id: id });
    expect(detail.statusHistory[2]).toMatchObject({
      on: '2026-06-20',
      corrections: [
        expect.objectContaining({
          action: 'correct',
          reason: '日付の書き誤り',
          before: { status: 'closed', on: '2026-06-30', reason: '課題解決' },
        }),
      ],
    });
    expect(await openHouseholdsAt(vault.db, '2026-06-25')).toBe(0);
    expect(await listAuditEvents(vault.db, { kind: 'record.corrected', limit: 5 })).toHaveLength(1);
  });

  it('取り消すと記録が続かなくなる変更（再開の前の終結）は取り消せない', async () => {
    const id = await create();
    await change(id, 'start', '2026-04-10');
    await change(id, 'close', '2026-06-30');
    await change(id, 'reopen', '2026-07-15');
    const close = (await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-07-20')), { id: id }))
      .statusHistory[2];
    await expect(
      voidStatusChange(serviceCtx(vault.db, vault.userId, at('2026-07-20')), {
        id: close?.id ?? 0,
        reason: '誤り',
      }),
    ).rejects.toThrow(/^この終結を取り消すと、状態の記録が続かなくなります/);
    const received = (await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-07-20')), { id: id }))
      .statusHistory[0];
    await expect(
      voidStatusChange(serviceCtx(vault.db, vault.userId, at('2026-07-20')), {
        id: received?.id ?? 0,
        reason: '誤り',
      }),
    ).rejects.toThrow('受付の記録は取り消せません。');
  });

  it('受付日を変えると履歴の最初が動き、支援開始より後にはできない', async () => {
    const id = await create();
    await change(id, 'start', '2026-04-10');
    await updateHousehold(serviceCtx(vault.db, vault.userId, at('2026-04-20')), {
      id: id,
      household: { ...household, receivedOn: '2026-04-03' },
    });
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, at('2026-04-20')), { id: id });
    expect(detail.statusHistory[0]?.on).toBe('2026-04-03');
    await expect(
      updateHousehold(serviceCtx(vault.db, vault.userId, at('2026-04-20')), {
        id: id,
        household: { ...household, receivedOn: '2026-04-15' },
      }),
    ).rejects.toThrow('支援開始日（令和8年4月10日）が受付日（令和8年4月15日）より前です。');
    await expect(
      updateHousehold(serviceCtx(vault.db, vault.userId, at('2026-04-20')), {
        id: id,
        household: { ...household, receivedOn: '2026-05-01' },
      }),
    ).rejects.toThrow('受付日（令和8年5月1日）が今日（令和8年4月20日）より後です。');
  });
});
