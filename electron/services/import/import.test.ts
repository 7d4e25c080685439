import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAgencies } from '../agencies.js';
import { listAuditEvents } from '../audit.js';
import { listConsents } from '../consent.js';
import { listHouseholds } from '../household-page.js';
import { listMembers } from '../households.js';
import { filesContaining } from '../testing/scan-files.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { dumpDatabase, fileOf, importCounts, type Rows, xlsxBytes, xlsxFiles } from './fixtures.js';
import { previewImport, runImport } from './index.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => now);
});
afterEach(async () => vault.close());

const sqlite = () => vault.session.signedIn().store.sqlite;
const list = (query = '') =>
  listHouseholds(dayCtx(vault.db, today), { query, sort: 'receivedOn', limit: 500 });
const importSheets = async (households: Rows, members: Rows = []) =>
  runImport(serviceCtx(vault.db, vault.userId, now), {
    files: await xlsxFiles({ 世帯: { rows: households }, 世帯員: { rows: members } }),
  });
const householdRow = (caseNo: string, over: Rows[number] = {}): Rows[number] => ({
  受付番号: caseNo,
  受付日: '2024/4/1',
  世帯表示名: `${caseNo}世帯`,
  本人同意: 'なし',
  ...over,
});
const memberRow = (caseNo: string, label: string, name: string, over: Rows[number] = {}): Rows[number] => ({
  受付番号: caseNo,
  記号: label,
  氏名: name,
  ...over,
});

/** 100 households written the ways offices write dates; every 3rd consented, every 10th closed. */
function ledger(): { households: Rows; members: Rows } {
  const dates = (i: number) =>
    [
      `2024/4/${(i % 28) + 1}`,
      `令和6年5月${(i % 28) + 1}日`,
      `R6.6.${(i % 28) + 1}`,
      new Date(Date.UTC(2024, 6, (i % 28) + 1)),
      45383 + i,
    ][i % 5] ?? null;
  const households: Rows = [];
  const members: Rows = [];
  for (let i = 0; i < 100; i++) {
    const caseNo = `R6-${String(i + 1).padStart(3, '0')}`;
    households.push({
      受付番号: caseNo,
      受付日: dates(i),
      世帯表示名: `世帯${i + 1}`,
      本人同意: i % 3 === 0 ? 'あり' : 'なし',
      同意取得日: i % 3 === 0 ? '2024/9/1' : null,
      同意範囲: i % 6 === 0 ? '地域包括支援センター、ＮＰＯ法人ひだまり' : null,
      相談経路: i % 4 === 0 ? '社会福祉協議会' : i % 4 === 1 ? '民間の見守り団体' : null,
      課題: i % 2 === 0 ? '8050、社会的孤立・ひきこもり' : '生活困窮,債務',
      状態: i % 10 === 9 ? '終結' : i % 10 === 8 ? '支援中' : null,
      終結日: i % 10 === 9 ? '令和7年3月31日' : null,
      終結理由: i % 10 === 9 ? '課題解決' : null,
    });
    for (let m = 0; m <= i % 3; m++) {
      members.push({
        受付番号: caseNo,
        記号: String.fromCharCode(65 + m),
        氏名: `氏名${i + 1}-${m}`,
        ふりがな: 'やまだ',
        続柄: m === 0 ? '本人' : '長男',
        生年月日: m === 0 ? '昭和40年1月2日' : null,
        性別: m === 0 ? '女' : '男',
        本人: m === 0 ? '○' : null,
      });
    }
  }
  return { households, members };
}

describe('移行用ブックの取り込み', () => {
  it('100世帯のブックを取り込むと件数が合い、一覧・同意・状態・世帯員に反映され、監査ログに件数とハッシュだけが残る', async () => {
    const { households, members } = ledger();
    const bytes = await xlsxBytes({ 世帯: { rows: households }, 世帯員: { rows: members } });
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('台帳.xlsx', bytes)],
    });
    expect(report).toEqual({
      ok: true,
      counts: importCounts({ households: 100, members: members.length, consents: 34, agenciesAdded: 2 }),
      errors: [],
    });
    expect(members).toHaveLength(199);

    const listed = await list();
    expect(listed).toHaveLength(100);
    const byCaseNo = new Map(listed.map((h) => [h.caseNo, h]));
    expect(byCaseNo.get('R6-001')).toMatchObject({
      label: '世帯1',
      consent: 'granted',
      status: 'received',
      receivedOn: '2024-04-01',
      memberCount: 1,
      issues: ['8050', '社会的孤立・ひきこもり'],
    });
    expect(byCaseNo.get('R6-002')).toMatchObject({
      consent: 'none',
      receivedOn: '2024-05-02',
      memberCount: 2,
      issues: ['生活困窮', '債務'],
    });
    expect(byCaseNo.get('R6-003')).toMatchObject({ receivedOn: '2024-06-03', memberCount: 3 });
    expect(byCaseNo.get('R6-004')).toMatchObject({ receivedOn: '2024-07-04', consent: 'granted' });
    expect(byCaseNo.get('R6-005')?.receivedOn).toBe('2024-04-05'); // Excel serial 45383 + 4
    expect(byCaseNo.get('R6-009')?.status).toBe('active');
    expect(byCaseNo.get('R6-010')?.status).toBe('closed');
    expect(listed.filter((h) => h.status === 'closed')).toHaveLength(10);
    expect(listed.filter((h) => h.consent === 'granted')).toHaveLength(34);

    const third = byCaseNo.get('R6-003')?.id ?? '';
    expect(await listMembers(vault.db, third)).toMatchObject([
      {
        label: 'A',
        name: '氏名3-0',
        relationship: '本人',
        birthDate: '1965-01-02',
        sex: 'female',
        isPrincipal: true,
      },
      { label: 'B', name: '氏名3-1', sex: 'male', isPrincipal: false, birthDate: null },
      { label: 'C', name: '氏名3-2' },
    ]);

    const events = await listAuditEvents(vault.db, { limit: 10 });
    const imported = events.find((e) => e.kind === 'import.completed');
    expect(imported?.detail).toEqual({
      ...importCounts({ households: 100, members: 199, consents: 34, agenciesAdded: 2 }),
      format: 'xlsx',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const detail = JSON.stringify(imported?.detail);
    for (const secret of ['R6-', '世帯1', '氏名', '台帳']) expect(detail).not.toContain(secret);
  });

  it('同意範囲の機関は一覧にあれば使い、なければ分野「その他」で一度だけ追加する。空欄は出席する全機関', async () => {
    const report = await importSheets([
      householdRow('R8-001', {
        本人同意: 'あり',
        同意取得日: '2026/5/1',
        同意範囲: '地域包括支援センター、ＮＰＯ法人ひだまり',
      }),
      householdRow('R8-002', {
        本人同意: 'あり',
        同意取得日: 'R8.6.1',
        同意方法: '口頭',
        相談経路: 'ＮＰＯ法人ひだまり',
      }),
    ]);
    expect(report.counts).toEqual(importCounts({ households: 2, consents: 2, agenciesAdded: 1 }));
    const agencies = await listAgencies({ db: vault.db });
    const added = agencies.filter((a) => a.name === 'ＮＰＯ法人ひだまり');
    expect(added).toMatchObject([{ field: 'その他' }]);
    const center = agencies.find((a) => a.name === '地域包括支援センター');
    const [first, second] = await list();
    const scoped = await listConsents(vault.db, second?.id ?? '');
    expect(second?.caseNo).toBe('R8-001');
    expect(scoped).toMatchObject([
      // The ledger did not say how consent was given: 不明, never 書面.
      { obtainedOn: '2026-05-01', method: 'unknown', obtainedBy: '（移行データ）', allAgencies: false },
    ]);
    expect(scoped[0]?.agencyIds.toSorted()).toEqual([center?.id, added[0]?.id].toSorted());
    expect(await listConsents(vault.db, first?.id ?? '')).toMatchObject([
      { obtainedOn: '2026-06-01', method: 'oral', allAgencies: true, agencyIds: [] },
    ]);
  });
});

describe('誤りがあれば何も登録せず、すべての誤りを返す', () => {
  it('両方のシートの複数の行の誤りを「シート名 行N 列名: 理由」ですべて返し、データベースは1行も変わらない', async () => {
    await importSheets([householdRow('R5-001')], [memberRow('R5-001', 'A', '既存 太郎')]);
    const before = dumpDatabase(sqlite());
    const files = await xlsxFiles({
      世帯: {
        rows: [
          householdRow('R8-001', { 相談経路: '新しい機関' }),
          householdRow('R8-002', { 受付日: '令和6年2月30日' }),
          householdRow('R8-003', { 本人同意: 'あり', 課題: '8050、宇宙人' }),
          householdRow('R8-004', { 世帯表示名: '', 状態: '終結' }),
        ],
      },
      世帯員: {
        rows: [
          memberRow('R8-001', 'A', '山田 花子', { 本人: '○' }),
          memberRow('R8-001', 'A', '山田 一郎'),
          memberRow('R8-999', 'A', '誰か'),
          memberRow('R8-001', 'B', '山田 次郎', { ふりがな: 'yamada', 性別: '男性' }),
          memberRow('R8-001', 'C', '山田 三郎', { 生年月日: '平成32年1月1日', 本人: '○' }),
        ],
      },
    });
    const expected = [
      '世帯 行3 受付日: 「令和6年2月30日」は存在する日付ではありません（例: 2024/4/1、令和6年4月1日、R6.4.1）',
      '世帯 行4 同意取得日: 本人同意が「あり」のときは同意取得日を入力してください',
      '世帯 行4 課題: 登録されていない課題です: 宇宙人（課題の一覧は設定画面で確認・追加できます）',
      '世帯 行5 世帯表示名: 表示名を入力してください',
      '世帯 行5 終結日: 状態が「終結」のときは終結日を入力してください',
      '世帯員 行3 記号: 受付番号「R8-001」の記号「A」は行2と重複しています',
      '世帯員 行4 受付番号: 「R8-999」は「世帯」シートにありません',
      '世帯員 行5 ふりがな: ふりがなはひらがなかカタカナで入力してください',
      '世帯員 行5 性別: 「男性」は選べません（男 / 女 / その他 / 不明 のどれか）',
      '世帯員 行6 生年月日: 平成32年1月1日という日はありません（平成は平成31年4月30日まで）。令和2年1月1日のことなら、そう入力してください',
      '世帯員 行6 本人: 受付番号「R8-001」の本人（○）は1人だけにしてください（行2にもあります）',
    ];
    const preview = await previewImport(serviceCtx(vault.db, '', now), { files: files });
    expect(preview.ok).toBe(false);
    expect(preview.errors).toEqual(expected);
    expect(dumpDatabase(sqlite())).toEqual(before);

    const run = await runImport(serviceCtx(vault.db, vault.userId, now), { files: files });
    expect(run).toEqual({ ...preview, ok: false, errors: expected });
    expect(dumpDatabase(sqlite())).toEqual(before);
    expect((await list()).map((h) => h.caseNo)).toEqual(['R5-001']);
  });

  it('受付番号の重複は、ファイルの中でもデータベースとの間でも誤りで、上書きしない', async () => {
    await importSheets([householdRow('R8-001', { 世帯表示名: '元の表示名' })]);
    const before = dumpDatabase(sqlite());
    const report = await importSheets([
      householdRow('R8-001', { 世帯表示名: '上書きしようとした名前' }),
      householdRow('R8-002'),
      householdRow('R8-002'),
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      '世帯 行2 受付番号: 「R8-001」はすでに登録されています（取り込みでは上書きしません）',
      '世帯 行4 受付番号: 「R8-002」は行3と同じ番号です（正規化して比べています）',
    ]);
    expect(dumpDatabase(sqlite())).toEqual(before);
    expect((await list()).map((h) => h.label)).toEqual(['元の表示名']);
  });

  it('全角・ハイフンの種類・大文字小文字だけが違う受付番号も同じ番号として誤りにする（規則18）', async () => {
    await importSheets([householdRow('C2023-001')]);
    const before = dumpDatabase(sqlite());
    const report = await importSheets([
      householdRow('Ｃ２０２３－００１'),
      householdRow('r8-010'),
      householdRow('R8‐010'),
      householdRow('R8−010'),
    ]);
    expect(report.errors).toEqual([
      '世帯 行2 受付番号: 「Ｃ２０２３－００１」は登録済みの「C2023-001」と同じ番号とみなされます（全角・半角、ハイフンの種類、大文字・小文字は区別しません）',
      '世帯 行4 受付番号: 「R8‐010」は行3と同じ番号です（正規化して比べています）',
      '世帯 行5 受付番号: 「R8−010」は行3と同じ番号です（正規化して比べています）',
    ]);
    expect(dumpDatabase(sqlite())).toEqual(before);
  });

  it('令和6年2月30日・平成32年のような存在しない日付は誤りで、推測で直さない', async () => {
    const report = await importSheets([
      householdRow('R8-001', { 受付日: '令和6年2月30日' }),
      householdRow('R8-002', { 受付日: '平成32年4月1日' }),
      householdRow('R8-003', { 受付日: '' }),
    ]);
    expect(report.errors).toEqual([
      '世帯 行2 受付日: 「令和6年2月30日」は存在する日付ではありません（例: 2024/4/1、令和6年4月1日、R6.4.1）',
      '世帯 行3 受付日: 平成32年4月1日という日はありません（平成は平成31年4月30日まで）。令和2年4月1日のことなら、そう入力してください',
      '世帯 行4 受付日: 日付を入力してください（例: 2024/4/1、令和6年4月1日、R6.4.1）',
    ]);
    expect(await list()).toEqual([]);
  });

  it('知らない列・必須列の欠け・列名の「*」は、1行目の誤りとして一度だけ返す', async () => {
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: await xlsxFiles({
        世帯: {
          header: ['受付番号*', '世帯表示名', '本人同意', '受付者'],
          rows: [
            { '受付番号*': 'R8-001', 世帯表示名: '山田', 本人同意: 'なし', 受付者: '相談 花子' },
            { 世帯表示名: '佐藤', 本人同意: 'なし' },
          ],
        },
      }),
    });
    expect(report.errors).toEqual([
      '世帯 行1 受付番号*: 知らない列名です（「*」を付けずに「受付番号」としてください）',
      '世帯 行1 受付者: 知らない列名です（列名の誤りではありませんか。使える列名: 受付番号、受付日、世帯表示名、本人同意、同意取得日、同意方法、同意範囲、相談経路、課題、状態、終結日、終結理由、備考）',
      '世帯 行1 受付番号: 必須の列がありません',
      '世帯 行1 受付日: 必須の列がありません',
    ]);
  });

  it('登録されていない課題・退役した課題は誤り（「、」「,」「，」のどれで区切っても）', async () => {
    await vault.db
      .updateTable('issue_tags')
      .set({ retired_at: now.toISOString() })
      .where('name', '=', '債務')
      .execute();
    const report = await importSheets([
      householdRow('R8-001', { 課題: '8050，債務,空想の課題、ダブルケア' }),
    ]);
    expect(report.errors).toEqual([
      '世帯 行2 課題: 登録されていない課題です: 債務、空想の課題（課題の一覧は設定画面で確認・追加できます）',
    ]);
  });

  it('知らないシートは誤りで、見出しだけの空のシートは問題にしない', async () => {
    const files = await xlsxFiles({
      世帯: { rows: [householdRow('R8-001')] },
      出席者: { rows: [] },
      Sheet1: { header: ['メモ'], rows: [] },
    });
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), { files: files });
    expect(report.errors).toEqual([
      'シート「Sheet1」は取り込めません（取り込めるシート: 世帯、世帯員、家族関係、会議、出席者、プラン。CSV ではファイル名がシート名です）',
    ]);
    expect(await list()).toEqual([]);
    const withoutStray = await xlsxFiles({ 世帯: { rows: [householdRow('R8-001')] }, 出席者: { rows: [] } });
    expect((await runImport(serviceCtx(vault.db, vault.userId, now), { files: withoutStray })).ok).toBe(true);
  });

  it('本人同意・状態の組み合わせの誤り（なしなのに取得日、終結でないのに終結日、受付日より前の終結日）', async () => {
    const report = await importSheets([
      householdRow('R8-001', { 本人同意: 'なし', 同意取得日: '2026/5/1', 同意範囲: '学校' }),
      householdRow('R8-002', { 状態: '支援中', 終結日: '2026/5/1', 終結理由: '転出' }),
      householdRow('R8-003', { 受付日: '2026/5/1', 状態: '終結', 終結日: '2026/4/30' }),
      householdRow('R8-004', { 本人同意: '' }),
    ]);
    expect(report.errors).toEqual([
      '世帯 行2 同意取得日: 本人同意が「なし」のときは空欄にしてください',
      '世帯 行2 同意範囲: 本人同意が「なし」のときは空欄にしてください',
      '世帯 行3 終結日: 状態が「終結」のときだけ入力してください',
      '世帯 行3 終結理由: 状態が「終結」のときだけ入力してください',
      '世帯 行4 終結日: 受付日より前の日付です',
      '世帯 行5 本人同意: 入力してください（あり / なし）',
    ]);
  });

  it('記号は A〜Z の1文字で、世帯の中で重ならない', async () => {
    const report = await importSheets(
      [householdRow('R8-001'), householdRow('R8-002')],
      [
        memberRow('R8-001', 'A', '一'),
        memberRow('R8-001', 'a', '三'),
        memberRow('R8-002', 'AA', '二'),
        memberRow('R8-002', '', '四'),
      ],
    );
    expect(report.errors).toEqual([
      '世帯員 行3 記号: 受付番号「R8-001」の記号「A」は行2と重複しています',
      '世帯員 行4 記号: 記号は A〜Z の1文字にしてください',
      '世帯員 行5 記号: 記号を入力してください',
    ]);
  });

  it('記号の抜け（A, B, D）は事務所の付けたとおりに残り、プランはその記号を指せる', async () => {
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: await xlsxFiles({
        世帯: { rows: [householdRow('R8-001')] },
        世帯員: {
          rows: [
            memberRow('R8-001', 'D', '孫', { 本人: null }),
            memberRow('R8-001', 'A', '本人', { 本人: '○' }),
            memberRow('R8-001', 'B', '妻'),
          ],
        },
        会議: {
          rows: [
            {
              会議番号: 'M-1',
              受付番号: 'R8-001',
              種別: '支援会議',
              開催日: '2024/5/1',
              支援プラン作成: 'あり',
            },
          ],
        },
        プラン: { rows: [{ 会議番号: 'M-1', 対象: 'D', 目標: '登校を続ける' }] },
      }),
    });
    expect(report.errors).toEqual([]);
    const [household] = await list();
    expect((await listMembers(vault.db, household?.id ?? '')).map((m) => `${m.label}:${m.name}`)).toEqual([
      'A:本人',
      'B:妻',
      'D:孫',
    ]);
    const [plan] = sqlite().prepare('SELECT member_label FROM plan_rows WHERE target = ?').all('member') as {
      member_label: string;
    }[];
    expect(plan?.member_label).toBe('D');
  });

  it('今日より後の受付日・同意取得日・終結日、1900年より前や今日より後の生年月日は誤り', async () => {
    const report = await importSheets(
      [
        householdRow('R8-001', { 受付日: '2026/12/1' }),
        householdRow('R8-002', { 本人同意: 'あり', 同意取得日: '2027/1/10' }),
        householdRow('R8-003', { 状態: '終結', 終結日: '2026/12/5' }),
      ],
      [
        memberRow('R8-003', 'A', '未来', { 生年月日: '2030/1/1' }),
        memberRow('R8-003', 'B', '昔', { 生年月日: '1899/12/31' }),
      ],
    );
    expect(report.errors).toEqual([
      '世帯 行2 受付日: 令和8年12月1日は今日（令和8年11月22日）より後の日付です（まだ来ていない日付は記録できません）',
      '世帯 行3 同意取得日: 令和9年1月10日は今日（令和8年11月22日）より後の日付です（まだ来ていない日付は記録できません）',
      '世帯 行4 終結日: 令和8年12月5日は今日（令和8年11月22日）より後の日付です（まだ来ていない日付は記録できません）',
      '世帯員 行2 生年月日: 生年月日（令和12年1月1日）が今日（令和8年11月22日）より後です',
      '世帯員 行3 生年月日: 生年月日（明治32年12月31日）が1900年（明治33年）1月1日より前です',
    ]);
  });
});

describe('文字はそのまま残る（ルール16）', () => {
  it('𠮷・髙・﨑・絵文字の氏名はそのまま保存され、検索で見つかり、listMembers から同じ文字で戻る', async () => {
    const names = ['𠮷田 髙子', '山﨑 太郎😀', 'ﾔﾏﾀﾞ'];
    const report = await importSheets(
      [householdRow('R8-001', { 世帯表示名: 'A氏世帯' })],
      [
        memberRow('R8-001', 'B', names[1] ?? '', { ふりがな: 'やまざき たろう' }),
        memberRow('R8-001', 'a', names[0] ?? '', { ふりがな: 'ヨシダ タカコ', 本人: '〇' }),
        memberRow('R8-001', 'Ｃ', names[2] ?? '', { ふりがな: 'ﾔﾏﾀﾞ' }),
      ],
    );
    expect(report.errors).toEqual([]);
    // 異体字 fold for search (吉 finds 𠮷, 高子 finds 髙子) while the names stay as typed.
    for (const query of ['𠮷', '髙子', '山﨑', '😀', '吉田', '高子', '山崎'])
      expect((await list(query)).map((h) => h.caseNo)).toEqual(['R8-001']);
    expect(await list('吉川')).toEqual([]);
    const [household] = await list();
    expect(await listMembers(vault.db, household?.id ?? '')).toMatchObject([
      { label: 'A', name: '𠮷田 髙子', kana: 'ヨシダ タカコ', isPrincipal: true },
      { label: 'B', name: '山﨑 太郎😀', kana: 'やまざき たろう', isPrincipal: false },
      { label: 'C', name: 'ﾔﾏﾀﾞ', kana: 'ヤマダ' },
    ]);
  });

  it('<&>"\' を含む文字と5,000字の備考はそのまま取り込み、5,001字と制御文字は誤りにする', async () => {
    const hostile = `<&>"'\t改行も\nそのまま𠮷😀`;
    const note = hostile + 'あ'.repeat(5000 - hostile.length);
    const report = await importSheets(
      [
        householdRow('R8-001', { 世帯表示名: `<&>"'世帯`, 備考: note }),
        householdRow('R8-002', { 備考: 'x'.repeat(5001) }),
      ],
      [memberRow('R8-001', 'A', `<&>"'`), memberRow('R8-002', 'A', 'ベル_x0007_')], // how Excel stores a BEL
    );
    expect(report.errors).toEqual([
      '世帯 行3 備考: 5000文字以内で入力してください',
      '世帯員 行3 氏名: 改行とタブ以外の制御文字が含まれています',
    ]);
    const ok = await importSheets(
      [householdRow('R8-001', { 世帯表示名: `<&>"'世帯`, 備考: note })],
      [memberRow('R8-001', 'A', `<&>"'`)],
    );
    expect(ok.ok).toBe(true);
    const stored = await vault.db
      .selectFrom('households')
      .select(['label', 'note'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ label: `<&>"'世帯`, note });
    expect(note).toHaveLength(5000);
    const [household] = await list();
    expect((await listMembers(vault.db, household?.id ?? ''))[0]?.name).toBe(`<&>"'`);
  });
});

describe('確認（previewImport）', () => {
  it('件数と誤りを実際の取り込みと同じく数えるが、何も書かない', async () => {
    const { households, members } = ledger();
    const files = await xlsxFiles({ 世帯: { rows: households }, 世帯員: { rows: members } });
    const before = dumpDatabase(sqlite());
    const preview = await previewImport(serviceCtx(vault.db, '', now), { files: files });
    expect(dumpDatabase(sqlite())).toEqual(before);
    expect(preview).toEqual({
      ok: true,
      counts: importCounts({ households: 100, members: 199, consents: 34, agenciesAdded: 2 }),
      errors: [],
    });
    expect(await runImport(serviceCtx(vault.db, vault.userId, now), { files: files })).toEqual(preview);
    const again = await previewImport(serviceCtx(vault.db, '', now), { files: files });
    expect(again.errors).toHaveLength(100);
    expect(again.errors[0]).toBe(
      '世帯 行2 受付番号: 「R6-001」はすでに登録されています（取り込みでは上書きしません）',
    );
  });
});

describe('平文を残さない', () => {
  it('取り込んで検索した氏名は、開いている間もロックした後も、データフォルダのどのファイルにも平文で現れない', async () => {
    const name = `平文検出 𠮷野髙﨑😀${Date.now()}`;
    const report = await importSheets(
      [householdRow('R8-001', { 世帯表示名: `${name}世帯` })],
      [memberRow('R8-001', 'A', name)],
    );
    expect(report.ok).toBe(true);
    expect(await list('𠮷野髙﨑')).toHaveLength(1);
    expect(await filesContaining(vault.dir, name)).toEqual([]);
    await vault.session.lock('user');
    expect(await filesContaining(vault.dir, name)).toEqual([]);
  });
});

describe('取り込みのあと検索の索引は一つにまとまる', () => {
  const segments = (table: string) =>
    (sqlite().prepare(`SELECT count(DISTINCT segid) AS n FROM "${table}_idx"`).get() as { n: number }).n;
  it('何度かに分けて登録した索引も、世帯を取り込むと受付日順・ふりがな順とも1つの区分になり、検索は変わらない', async () => {
    for (const caseNo of ['S-1', 'S-2', 'S-3'])
      expect((await importSheets([householdRow(caseNo, { 世帯表示名: `山崎${caseNo}` })])).ok).toBe(true);
    // Three imports of one household each: without the merge, three segments per table.
    for (const table of ['household_search_received', 'household_search_kana'])
      expect(segments(table)).toBe(1);
    expect((await list('山崎')).map((r) => r.caseNo)).toEqual(['S-3', 'S-2', 'S-1']);
  });
});
