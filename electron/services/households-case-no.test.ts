import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HouseholdInput } from '../ipc/schemas/households.js';
import { listHouseholds } from './household-page.js';
import { createHousehold, updateHousehold } from './households.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

const household = (caseNo: string, label = '山田'): HouseholdInput => ({
  caseNo,
  receivedOn: '2026-04-10',
  label,
  referralAgencyId: null,
  issues: [],
  note: '',
});
const count = async () =>
  (await listHouseholds(dayCtx(vault.db, '2026-11-22'), { query: '', sort: 'receivedOn', limit: 50 })).length;

describe('受付番号は正規化して一意（規則18）', () => {
  const lookAlikes = [
    'Ｃ２０２３－００１',
    'c2023-001',
    'C2023‐001',
    'C2023−001',
    'C2023ー001',
    ' C2023-001 ',
  ];

  it.each(lookAlikes)('C2023-001 があるとき「%s」は新しい世帯として登録できない', async (typed) => {
    await createHousehold(serviceCtx(vault.db, vault.userId, now), household('C2023-001'));
    const attempt = createHousehold(serviceCtx(vault.db, vault.userId, now), household(typed, '別世帯'));
    await expect(attempt).rejects.toMatchObject({ code: 'DUPLICATE_CASE_NO' });
    await expect(attempt).rejects.toThrow(/「C2023-001」（山田）と同じ番号とみなされます/);
    expect(await count()).toBe(1);
  });

  it('変更でも同じ番号にはできず、自分の番号を書き方だけ変えるのは構わない（入力どおりに残る）', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household('C2023-001'));
    const other = await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household('C2023-002', '佐藤'),
    );
    await expect(
      updateHousehold(serviceCtx(vault.db, vault.userId, now), {
        id: other.id,
        household: household('Ｃ２０２３－００１', '佐藤'),
      }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_CASE_NO' });
    await updateHousehold(serviceCtx(vault.db, vault.userId, now), {
      id: id,
      household: household('Ｃ２０２３－００１'),
    });
    const rows = await listHouseholds(dayCtx(vault.db, '2026-11-22'), {
      query: '',
      sort: 'receivedOn',
      limit: 50,
    });
    expect(rows.map((r) => r.caseNo).sort()).toEqual(['C2023-002', 'Ｃ２０２３－００１']);
  });
});
