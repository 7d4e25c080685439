import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteAgency, listAgencies, saveAgency, setAgencyRetired } from './agencies.js';
import { createHousehold } from './households.js';
import { serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

const agency = {
  field: '高齢' as const,
  name: '第一地域包括支援センター',
  department: '',
  phone: '000-000-0000',
  email: '',
  address: '',
  contactPerson: '',
};

describe('関係機関マスタ', () => {
  it('一般的な機関の種類が最初から入っていて、実在の住所や電話は含まない', async () => {
    const list = await listAgencies({ db: vault.db });
    expect(list.map((a) => a.name)).toEqual(
      expect.arrayContaining(['地域包括支援センター', '社会福祉協議会', 'こども家庭センター']),
    );
    expect(list.every((a) => a.address === '' && a.phone === '')).toBe(true);
  });

  it('使われている機関は削除できず、使用終了にだけできる', async () => {
    const { id } = await saveAgency(serviceCtx(vault.db, vault.userId, now), agency);
    await createHousehold(serviceCtx(vault.db, vault.userId, now), {
      caseNo: 'R8-001',
      receivedOn: '2026-04-01',
      label: '山田',
      referralAgencyId: id,
      issues: [],
      note: '',
    });
    await expect(deleteAgency(serviceCtx(vault.db, vault.userId, now), { id: id })).rejects.toMatchObject({
      code: 'AGENCY_IN_USE',
    });
    await setAgencyRetired(serviceCtx(vault.db, vault.userId, now), { id: id, retired: true });
    expect((await listAgencies({ db: vault.db })).some((a) => a.id === id)).toBe(false);
    expect(
      (await listAgencies({ db: vault.db }, { includeRetired: true })).find((a) => a.id === id),
    ).toMatchObject({
      retired: true,
      inUse: true,
    });
  });

  it('使われていない機関は削除でき、同じ機関名・部署は二重に登録できない', async () => {
    const { id } = await saveAgency(serviceCtx(vault.db, vault.userId, now), agency);
    await expect(saveAgency(serviceCtx(vault.db, vault.userId, now), agency)).rejects.toMatchObject({
      code: 'DUPLICATE_AGENCY',
      message: '同じ機関名・部署の機関がすでに登録されています。',
      details: { field: 'name' },
    });
    await saveAgency(serviceCtx(vault.db, vault.userId, now), { ...agency, id, phone: '111-111-1111' });
    await deleteAgency(serviceCtx(vault.db, vault.userId, now), { id: id });
    expect((await listAgencies({ db: vault.db }, { includeRetired: true })).some((a) => a.id === id)).toBe(
      false,
    );
  });
});
