import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HouseholdInput } from '../ipc/schemas/households.js';
import { createHousehold, listHouseholds, updateHousehold } from './households.js';
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
  (await listHouseholds(vault.db, { query: '', sort: 'receivedOn', limit: 50 }, '2026-11-22')).length;

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
    await createHousehold(vault.db, vault.userId, household('C2023-001'), now);
    const attempt = createHousehold(vault.db, vault.userId, household(typed, '別世帯'), now);
    await expect(attempt).rejects.toMatchObject({ code: 'DUPLICATE_CASE_NO' });
    await expect(attempt).rejects.toThrow(/「C2023-001」（山田）と同じ番号とみなされます/);
    expect(await count()).toBe(1);
  });

  it('変更でも同じ番号にはできず、自分の番号を書き方だけ変えるのは構わない（入力どおりに残る）', async () => {
    const { id } = await createHousehold(vault.db, vault.userId, household('C2023-001'), now);
    const other = await createHousehold(vault.db, vault.userId, household('C2023-002', '佐藤'), now);
    await expect(
      updateHousehold(vault.db, vault.userId, other.id, household('Ｃ２０２３－００１', '佐藤'), now),
    ).rejects.toMatchObject({ code: 'DUPLICATE_CASE_NO' });
    await updateHousehold(vault.db, vault.userId, id, household('Ｃ２０２３－００１'), now);
    const rows = await listHouseholds(vault.db, { query: '', sort: 'receivedOn', limit: 50 }, '2026-11-22');
    expect(rows.map((r) => r.caseNo).sort()).toEqual(['C2023-002', 'Ｃ２０２３－００１']);
  });
});
