import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consentState } from '../domain/consent.js';
import type { HouseholdInput, MemberInput } from '../ipc/schemas/households.js';
import { listAgencies } from './agencies.js';
import { addConsent, withdrawConsent } from './consent.js';
import { listHouseholds } from './household-page.js';
import { changeHouseholdStatus } from './household-status.js';
import {
  createHousehold,
  getHousehold,
  listMembers,
  saveMembers,
  suggestCaseNo,
  updateHousehold,
  voidMember,
} from './households.js';
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

const household = (over: Partial<HouseholdInput> = {}): HouseholdInput => ({
  caseNo: 'R8-001',
  receivedOn: '2026-04-10',
  label: '山田',
  referralAgencyId: null,
  issues: ['8050', '社会的孤立・ひきこもり'],
  note: '',
  ...over,
});
const member = (name: string, kana: string, over: Partial<MemberInput> = {}): MemberInput => ({
  name,
  kana,
  relationship: '',
  birthDate: null,
  sex: 'unknown',
  isPrincipal: false,
  ...livingMember,
  ...over,
});
const list = (query = '') =>
  listHouseholds(dayCtx(vault.db, today), { query, sort: 'receivedOn', limit: 200 });

describe('本人同意は記録の履歴から決まる（ルール1）', () => {
  it('同意の記録がなければ「同意なし」、取得日以降は「同意あり」、撤回日からは「撤回」', () => {
    expect(consentState([], today)).toBe('none');
    const record = { obtainedOn: '2026-05-01', withdrawnOn: null };
    expect(consentState([record], '2026-04-30')).toBe('none');
    expect(consentState([record], '2026-05-01')).toBe('granted');
    const withdrawn = { obtainedOn: '2026-05-01', withdrawnOn: '2026-08-01' };
    expect(consentState([withdrawn], '2026-07-31')).toBe('granted');
    expect(consentState([withdrawn], '2026-08-01')).toBe('withdrawn');
    expect(consentState([withdrawn, { obtainedOn: '2026-09-01', withdrawnOn: null }], '2026-09-01')).toBe(
      'granted',
    );
  });

  it('同意を追加すると重層の対象になり、撤回すると支援会議の対象に戻り、経過に残る', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    expect((await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id })).track).toBe(
      'unconsented',
    );
    const [agency] = await listAgencies({ db: vault.db });
    await addConsent(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      obtainedOn: '2026-05-01',
      method: 'written',
      obtainedBy: '相談 花子',
      allAgencies: false,
      agencyIds: [agency?.id ?? ''],
    });
    const granted = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id });
    expect(granted).toMatchObject({ consent: 'granted', track: 'consented' });
    expect(granted.consents[0]?.agencyIds).toEqual([agency?.id]);
    await withdrawConsent(serviceCtx(vault.db, vault.userId, now), {
      consentId: granted.consents[0]?.id ?? '',
      withdrawnOn: '2026-10-01',
      reason: '本人の申し出',
    });
    const withdrawn = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id });
    expect(withdrawn).toMatchObject({ consent: 'withdrawn', track: 'unconsented' });
    expect(withdrawn.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['consentGranted', 'consentWithdrawn', 'received']),
    );
  });

  it('範囲のない同意や、取得日より前の撤回は受け付けない', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    await expect(
      addConsent(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        obtainedOn: '2026-05-01',
        method: 'oral',
        obtainedBy: 'x',
        allAgencies: false,
        agencyIds: [],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await addConsent(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      obtainedOn: '2026-05-01',
      method: 'oral',
      obtainedBy: 'x',
      allAgencies: true,
      agencyIds: [],
    });
    const [consent] = (await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id })).consents;
    await expect(
      withdrawConsent(serviceCtx(vault.db, vault.userId, now), {
        consentId: consent?.id ?? '',
        withdrawnOn: '2026-04-01',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('世帯の登録・一覧・検索', () => {
  it('受付番号は重複できない（登録も変更も）', async () => {
    await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    await expect(
      createHousehold(serviceCtx(vault.db, vault.userId, now), household({ label: '別' })),
    ).rejects.toMatchObject({ code: 'DUPLICATE_CASE_NO' });
    const { id } = await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R8-002' }),
    );
    await expect(
      updateHousehold(serviceCtx(vault.db, vault.userId, now), { id: id, household: household() }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_CASE_NO',
    });
  });

  it('登録されていない課題は受け付けない', async () => {
    await expect(
      createHousehold(serviceCtx(vault.db, vault.userId, now), household({ issues: ['宇宙人'] })),
    ).rejects.toMatchObject({ code: 'UNKNOWN_ISSUE' });
    expect(await list()).toEqual([]);
  });

  it('氏名・ふりがな・表示名・受付番号の部分一致で探せる（𠮷・髙・﨑・絵文字、1〜2文字も）', async () => {
    const { id } = await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ label: 'A氏世帯' }),
    );
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [
        member('𠮷田 髙子', 'よしだ たかこ', { isPrincipal: true }),
        member('山﨑 太郎😀', 'ヤマザキ タロウ'),
      ],
    });
    await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R8-002', label: '別世帯' }),
    );
    for (const q of [
      '𠮷',
      '𠮷田',
      '髙子',
      '﨑',
      '😀',
      'よしだ',
      'やまざき',
      'ﾔﾏｻﾞｷ',
      'タロウ',
      'R8-001',
      'A氏',
      '𠮷田髙子',
    ]) {
      expect(
        (await list(q)).map((h) => h.id),
        q,
      ).toEqual([id]);
    }
    expect(await list('100%')).toEqual([]);
    expect(await list('"𠮷田')).toEqual([]);
    expect(await list('AND')).toEqual([]);
    expect(await list('_')).toEqual([]);
  });

  it('一覧は同意の状態・状態・課題・年度で絞り込め、ふりがな順に並べられる', async () => {
    const a = await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R7-001', receivedOn: '2026-03-31', issues: ['8050'] }),
    );
    const b = await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R8-001', receivedOn: '2026-04-01', issues: ['ダブルケア'] }),
    );
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: a.id,
      members: [member('和田', 'わだ', { isPrincipal: true })],
    });
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: b.id,
      members: [member('阿部', 'あべ', { isPrincipal: true })],
    });
    await addConsent(serviceCtx(vault.db, vault.userId, now), {
      householdId: b.id,
      obtainedOn: '2026-05-01',
      method: 'written',
      obtainedBy: 'x',
      allAgencies: true,
      agencyIds: [],
    });
    const ids = async (input: Parameters<typeof listHouseholds>[1]) =>
      (await listHouseholds(dayCtx(vault.db, today), input)).map((h) => h.id);
    expect(await ids({ query: '', fiscalYear: 2025, sort: 'receivedOn', limit: 10 })).toEqual([a.id]);
    expect(await ids({ query: '', fiscalYear: 2026, sort: 'receivedOn', limit: 10 })).toEqual([b.id]);
    expect(await ids({ query: '', track: 'consented', sort: 'receivedOn', limit: 10 })).toEqual([b.id]);
    expect(await ids({ query: '', track: 'unconsented', sort: 'receivedOn', limit: 10 })).toEqual([a.id]);
    expect(await ids({ query: '', issue: '8050', sort: 'receivedOn', limit: 10 })).toEqual([a.id]);
    expect(await ids({ query: '', sort: 'kana', limit: 10 })).toEqual([b.id, a.id]);
    const [summary] = await listHouseholds(dayCtx(vault.db, today), {
      query: '',
      track: 'consented',
      sort: 'receivedOn',
      limit: 10,
    });
    expect(summary).toMatchObject({
      consent: 'granted',
      status: 'received',
      memberCount: 1,
      issues: ['ダブルケア'],
      lastActivityOn: '2026-05-01',
    });
  });

  it('見出しの並べ替えは一覧全体の順で、表示中の1ページの中だけではない（受付番号・ふりがな・受付日、両方向）', async () => {
    const ctx = serviceCtx(vault.db, vault.userId, now);
    const rows = [
      { caseNo: 'R8-003', receivedOn: '2026-06-01', kana: 'いのうえ' },
      { caseNo: 'R8-001', receivedOn: '2026-08-01', kana: 'わだ' },
      { caseNo: 'R8-005', receivedOn: '2026-04-01', kana: 'あべ' },
      { caseNo: 'R8-002', receivedOn: '2026-09-01', kana: 'さとう' },
      { caseNo: 'R8-004', receivedOn: '2026-05-01', kana: 'かとう' },
    ];
    for (const r of rows) {
      const { id } = await createHousehold(
        ctx,
        household({ caseNo: r.caseNo, receivedOn: r.receivedOn, label: '山田', issues: [] }),
      );
      await saveMembers(ctx, { householdId: id, members: [member('山田', r.kana, { isPrincipal: true })] });
    }
    const page = async (input: Partial<Parameters<typeof listHouseholds>[1]>) =>
      (
        await listHouseholds(dayCtx(vault.db, today), { query: '', sort: 'receivedOn', limit: 2, ...input })
      ).map((h) => h.caseNo);
    for (const query of ['', '山田']) {
      expect(await page({ query, sort: 'caseNo' })).toEqual(['R8-001', 'R8-002']);
      expect(await page({ query, sort: 'caseNo', direction: 'descending' })).toEqual(['R8-005', 'R8-004']);
      expect(await page({ query, sort: 'kana' })).toEqual(['R8-005', 'R8-003']);
      expect(await page({ query, sort: 'kana', direction: 'descending' })).toEqual(['R8-001', 'R8-002']);
      expect(await page({ query, sort: 'receivedOn' })).toEqual(['R8-002', 'R8-001']);
      expect(await page({ query, sort: 'receivedOn', direction: 'ascending' })).toEqual(['R8-005', 'R8-004']);
    }
  });

  it('世帯員の記号は並べ替えても変わらず、新しい人には使っていない次の記号が付き、本人は1人だけ', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    const first = await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [member('父', 'ちち', { isPrincipal: true }), member('子', 'こ'), member('母', 'はは')],
    });
    expect(first.map((m) => `${m.label}:${m.name}`)).toEqual(['A:父', 'B:子', 'C:母']);
    const [f, c, m] = first;
    const reordered = await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [{ ...c, id: c?.id } as MemberInput, { ...m } as MemberInput, { ...f } as MemberInput],
    });
    // 様式 and plans name members by 記号: moving a row never renames anybody.
    expect(reordered.map((x) => `${x.label}:${x.name}`)).toEqual(['B:子', 'C:母', 'A:父']);
    expect(reordered.map((x) => x.id)).toEqual([c?.id, m?.id, f?.id]);
    await voidMember(serviceCtx(vault.db, vault.userId, now), {
      id: m?.id ?? '',
      reason: '別世帯の母を誤って登録',
    });
    const added = await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [
        ...reordered
          .filter((x) => x.id !== m?.id)
          .map((x) => ({ ...x, death: { date: null, year: null } }) as MemberInput),
        member('祖母', 'そぼ'),
      ],
    });
    // C was voided: the new member is D, and C is never given to anybody else.
    expect(added.map((x) => `${x.label}:${x.name}`)).toEqual(['B:子', 'A:父', 'D:祖母']);
    await expect(
      saveMembers(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        members: [member('a', '', { isPrincipal: true }), member('b', '', { isPrincipal: true })],
      }),
    ).rejects.toMatchObject({ code: 'PRINCIPAL_TWICE' });
    expect((await listMembers(vault.db, id)).map((x) => x.name)).toEqual(['子', '父', '祖母']);
  });

  it('登録済みの世帯員の訂正には理由が要り、以前の内容が残る。黙って消すことはできない（規則18）', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    const [a, b] = await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [
        member('山田 太郎', 'やまだ たろう', { isPrincipal: true }),
        member('山田 花子', 'やまだ はなこ'),
      ],
    });
    const renamed = [{ ...a, name: '山田 太朗' } as MemberInput, { ...b } as MemberInput];
    await expect(
      saveMembers(serviceCtx(vault.db, vault.userId, now), { householdId: id, members: renamed }),
    ).rejects.toThrow('登録済みの世帯員（A）を変えるときは、訂正の理由を入力してください。');
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: renamed,
      reason: '氏名の漢字の誤り',
    });
    await expect(
      saveMembers(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        members: [renamed[0] as MemberInput],
        reason: 'x',
      }),
    ).rejects.toThrow('登録済みの世帯員（B）は削除できません。');
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id });
    expect(detail.members[0]?.corrections).toEqual([
      expect.objectContaining({
        action: 'correct',
        reason: '氏名の漢字の誤り',
        before: expect.objectContaining({ label: 'A', name: '山田 太郎' }),
      }),
    ]);
    await voidMember(serviceCtx(vault.db, vault.userId, now), { id: b?.id ?? '', reason: '同姓の別人' });
    const after = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id });
    expect(after.members.map((m) => m.label)).toEqual(['A']);
    expect(after.memberCount).toBe(1);
    expect(after.voidedMembers).toEqual([
      expect.objectContaining({
        label: 'B',
        name: '山田 花子',
        voided: { at: now.toISOString(), reason: '同姓の別人' },
      }),
    ]);
  });

  it('生年月日は1900年1月1日から今日まで（規則15）', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    await expect(
      saveMembers(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        members: [member('未来 生まれ', '', { birthDate: '2030-04-01' })],
      }),
    ).rejects.toThrow(
      'Aの生年月日（令和12年4月1日）が今日（令和8年11月22日）より後です。まだ来ていない日は生年月日にできません。',
    );
    await expect(
      saveMembers(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        members: [member('明治 生まれ', '', { birthDate: '1899-12-31' })],
      }),
    ).rejects.toThrow('Aの生年月日（明治32年12月31日）が1900年（明治33年）1月1日より前です。');
    expect(await listMembers(vault.db, id)).toEqual([]);
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [member('明治 生まれ', '', { birthDate: '1900-01-01' })],
    });
  });

  it('受付番号は事務所の付け方に合わせて提案される', async () => {
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'R8-001' });
    await createHousehold(serviceCtx(vault.db, vault.userId, now), household({ caseNo: 'R8-009' }));
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'R8-010' });
    await createHousehold(serviceCtx(vault.db, vault.userId, now), household({ caseNo: '2026-0041' }));
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: '2026-0042' });
  });

  it('「次の番号」は今年度の番号の続きで、あとから取り込んだ過去の台帳の番号には引きずられない', async () => {
    await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R8-003', receivedOn: '2026-05-01' }),
    );
    // A past ledger imported after: received in 2023, registered later.
    for (const n of ['C2023-044', 'C2023-045'])
      await createHousehold(
        serviceCtx(vault.db, vault.userId, now),
        household({ caseNo: n, receivedOn: '2023-06-01' }),
      );
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'R8-004' });
  });

  it('今年度の受付がまだなければ、前の番号の付け方を今年度に移す（C2025-017 → C2026-001）', async () => {
    await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'C2025-017', receivedOn: '2025-12-01' }),
    );
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'C2026-001' });
    await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'R7-045', receivedOn: '2026-03-01' }),
    );
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'R8-001' });
    // Never a number taken after normalisation.
    await createHousehold(
      serviceCtx(vault.db, vault.userId, now),
      household({ caseNo: 'ｒ８－００１', receivedOn: '2024-01-05' }),
    );
    expect(await suggestCaseNo(dayCtx(vault.db, today))).toEqual({ caseNo: 'R8-002' });
  });
});

describe('状態と終結（受付 → 支援中 → 終結、再開）', () => {
  it('終結には理由と日付があり、再開できる。順序に合わない操作は断る', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    await expect(
      changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        action: 'reopen',
        on: '2026-05-01',
      }),
    ).rejects.toMatchObject({ code: 'STATUS_NOT_ALLOWED' });
    await changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      action: 'start',
      on: '2026-05-01',
    });
    await changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      action: 'close',
      on: '2026-09-30',
      reason: '課題解決',
    });
    const closed = await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-09-30', closeReason: '課題解決' });
    await expect(
      changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        action: 'close',
        on: '2026-10-01',
        reason: 'その他',
      }),
    ).rejects.toMatchObject({ code: 'STATUS_NOT_ALLOWED' });
    await changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      action: 'reopen',
      on: '2026-10-15',
    });
    expect(await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id })).toMatchObject({
      status: 'active',
      closedOn: null,
    });
    await expect(
      changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
        householdId: id,
        action: 'close',
        on: '2026-01-01',
        reason: 'その他',
      }),
    ).rejects.toMatchObject({ code: 'STATUS_HISTORY_CONFLICT' });
  });
});

describe('監査（ルール10）', () => {
  it('世帯を開く・変更する・同意を変える・終結するたびに記録され、氏名は記録されない', async () => {
    const { id } = await createHousehold(serviceCtx(vault.db, vault.userId, now), household());
    await saveMembers(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      members: [member('監査 確認子', 'かんさ')],
    });
    await getHousehold(serviceCtx(vault.db, vault.userId, now), { id: id });
    await addConsent(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      obtainedOn: '2026-05-01',
      method: 'written',
      obtainedBy: 'x',
      allAgencies: true,
      agencyIds: [],
    });
    await changeHouseholdStatus(serviceCtx(vault.db, vault.userId, now), {
      householdId: id,
      action: 'close',
      on: '2026-09-30',
      reason: '転出',
    });
    const rows = (
      await vault.db.selectFrom('audit_events').selectAll().where('target_id', '=', id).execute()
    ).map((r) => r.kind);
    expect(rows).toEqual([
      'household.created',
      'members.saved',
      'household.viewed',
      'consent.added',
      'household.statusChanged',
    ]);
    const everything = JSON.stringify(await vault.db.selectFrom('audit_events').selectAll().execute());
    expect(everything).not.toContain('監査 確認子');
    expect(everything).not.toContain('R8-001');
  });
});
