import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HouseholdInput, MemberInput } from '../ipc/schemas/households.js';
import { listHouseholds } from './household-page.js';
import { createHousehold, saveMembers } from './households.js';
import { livingMember } from './testing/members.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

const household = (caseNo: string, label: string): HouseholdInput => ({
  caseNo,
  receivedOn: '2026-04-10',
  label,
  referralAgencyId: null,
  issues: [],
  note: '',
});
const principal = (name: string, kana = ''): MemberInput => ({
  name,
  kana,
  relationship: '本人',
  birthDate: null,
  sex: 'unknown',
  isPrincipal: true,
  ...livingMember,
});
async function householdOf(caseNo: string, name: string): Promise<string> {
  const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household(caseNo, 'A氏世帯'));
  await saveMembers(serviceCtx(vault.db, vault.userId, now), { householdId: id, members: [principal(name)] });
  return id;
}
const search = async (query: string) =>
  (await listHouseholds(dayCtx(vault.db, today), { query, sort: 'receivedOn', limit: 200 }))
    .map((h) => h.id)
    .sort();

describe('異体字をたたんで探す（規則16）', () => {
  it('IME で打つ字で、戸籍の字の世帯が見つかる（2文字でも3文字以上でも）', async () => {
    const yoshida = await householdOf('R8-001', '𠮷田 花子');
    const takahashi = await householdOf('R8-002', '髙橋 一郎');
    const sakiyama = await householdOf('R8-003', '﨑山 二郎');
    const saito = await householdOf('R8-004', '齋藤 三郎');
    const watanabe = await householdOf('R8-005', '渡邉 四郎');
    for (const [query, id] of [
      ['吉田', yoshida],
      ['吉田花子', yoshida],
      ['高橋', takahashi],
      ['高橋一郎', takahashi],
      ['崎山', sakiyama],
      ['斉藤', saito],
      ['斎藤三郎', saito],
      ['渡辺', watanabe],
      ['渡邊四郎', watanabe],
    ] as const)
      expect(await search(query), query).toEqual([id]);
  });

  it('逆向きも見つかる：𠮷田 で 吉田 の世帯を、髙 で 高 を', async () => {
    const yoshida = await householdOf('R8-001', '吉田 花子');
    const takahashi = await householdOf('R8-002', '高橋 一郎');
    expect(await search('𠮷田')).toEqual([yoshida]);
    expect(await search('髙橋一郎')).toEqual([takahashi]);
  });

  it('別の字の世帯は見つからない', async () => {
    await householdOf('R8-001', '吉川 花子');
    expect(await search('吉田')).toEqual([]);
  });
});
