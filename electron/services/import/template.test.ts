import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAgencies } from '../agencies.js';
import { listHouseholds } from '../household-page.js';
import { listMembers } from '../households.js';
import { getMeeting, listMeetings } from '../meetings.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { sheetDefs } from './columns.js';
import { fileOf, importCounts } from './fixtures.js';
import { runImport } from './index.js';
import { buildImportTemplate } from './template.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => now);
});
afterEach(async () => vault.close());

async function loadTemplate(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await buildImportTemplate()).buffer);
  return workbook;
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('移行用テンプレート', () => {
  it('仕様どおりのシートと列名を持ち、必須の列は太字とメモで示し、見出しを固定し、決まった値は選択肢にする', async () => {
    const workbook = await loadTemplate();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '説明',
      '世帯',
      '世帯員',
      '家族関係',
      '会議',
      '出席者',
      'プラン',
    ]);
    expect(headerOf(workbook.getWorksheet('世帯') as ExcelJS.Worksheet)).toEqual([
      '受付番号',
      '受付日',
      '世帯表示名',
      '本人同意',
      '同意取得日',
      '同意方法',
      '同意範囲',
      '相談経路',
      '課題',
      '状態',
      '終結日',
      '終結理由',
      '備考',
    ]);
    expect(headerOf(workbook.getWorksheet('世帯員') as ExcelJS.Worksheet)).toEqual([
      '受付番号',
      '記号',
      '氏名',
      'ふりがな',
      '続柄',
      '生年月日',
      '性別',
      '本人',
      '同居',
      '死亡',
      'キーパーソン',
    ]);
    expect(headerOf(workbook.getWorksheet('家族関係') as ExcelJS.Worksheet)).toEqual([
      '受付番号',
      '記号',
      '相手の記号',
      '関係',
      '年',
    ]);
    for (const def of sheetDefs) {
      const sheet = workbook.getWorksheet(def.name) as ExcelJS.Worksheet;
      expect(headerOf(sheet)).toEqual(def.columns.map((c) => c.name));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (const [i, column] of def.columns.entries()) {
        const header = sheet.getRow(1).getCell(i + 1);
        expect(Boolean(header.font?.bold)).toBe(column.required);
        if (column.required) expect(JSON.stringify(header.note)).toContain('必須');
        else expect(header.note).toBeUndefined();
        expect(sheet.getColumn(i + 1).width).toBe(column.width);
      }
    }
    const households = workbook.getWorksheet('世帯') as ExcelJS.Worksheet;
    expect(households.getCell('D2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"あり,なし"'],
    });
    expect(households.getCell('F2').dataValidation).toMatchObject({ formulae: ['"書面,口頭,不明"'] });
    expect(households.getCell('J500').dataValidation).toMatchObject({ formulae: ['"受付,支援中,終結"'] });
    const members = workbook.getWorksheet('世帯員') as ExcelJS.Worksheet;
    expect(members.getCell('G2').dataValidation).toMatchObject({ formulae: ['"男,女,その他,不明"'] });
    expect(members.getCell('H2').dataValidation).toMatchObject({ formulae: ['"○"'] });
    expect(members.getCell('I2').dataValidation).toMatchObject({ formulae: ['"○"'] });
    expect(
      (workbook.getWorksheet('家族関係') as ExcelJS.Worksheet).getCell('D2').dataValidation,
    ).toMatchObject({ formulae: ['"親子,夫婦,内縁,離婚,別居"'] });

    const guide = (workbook.getWorksheet('説明') as ExcelJS.Worksheet)
      .getSheetValues()
      .flat()
      .map(String)
      .join('\n');
    for (const def of sheetDefs) for (const column of def.columns) expect(guide).toContain(column.name);
    for (const format of ['2024/4/1', '令和6年4月1日', 'R6.4.1', 'H31.4.30', '令和6年2月30日'])
      expect(guide).toContain(format);
  });

  it('空のテンプレートを取り込むと「行がない」とだけ伝える（説明シートと空の会議シートは問題にしない）', async () => {
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('テンプレート.xlsx', await buildImportTemplate())],
    });
    expect(report).toEqual({
      ok: false,
      counts: importCounts(),
      errors: ['取り込む行がありません（「世帯」か「会議」のシートに1行以上入力してください）'],
    });
  });

  it('テンプレートの5つのシートすべてに記入したものはそのまま取り込め、会議・出席者・プランも一覧と詳細に出る', async () => {
    const workbook = await loadTemplate();
    const fill = (name: string, rows: Record<string, string | Date>[]) => {
      const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      const header = headerOf(sheet);
      for (const [r, row] of rows.entries()) {
        for (const [column, value] of Object.entries(row)) {
          expect(header).toContain(column);
          sheet.getRow(r + 2).getCell(header.indexOf(column) + 1).value = value;
        }
      }
    };
    fill('世帯', [
      {
        受付番号: 'R8-101',
        受付日: new Date(Date.UTC(2026, 3, 1)),
        世帯表示名: '山田',
        本人同意: 'あり',
        同意取得日: '令和8年4月10日',
        同意範囲: '地域包括支援センター、ＮＰＯ法人ひだまり',
      },
      { 受付番号: 'R8-102', 受付日: 'R8.4.2', 世帯表示名: 'B氏世帯', 本人同意: 'なし', 課題: '不登校' },
    ]);
    fill('世帯員', [
      { 受付番号: 'R8-101', 記号: 'A', 氏名: '山田 花子', 本人: '○', 性別: '女', 同居: '○' },
      { 受付番号: 'R8-102', 記号: 'A', 氏名: '佐藤 次郎', 同居: '○' },
    ]);
    fill('会議', [
      {
        会議番号: 'R8-101-1',
        受付番号: 'R8-101',
        種別: '重層的支援会議',
        開催日: new Date(Date.UTC(2026, 4, 12)),
        開始時刻: '14:00',
        終了時刻: '15:30',
        場所: '市役所 第2会議室',
        支援プラン作成: 'あり',
      },
      {
        会議番号: 'R8-102-1',
        受付番号: 'R8-102',
        種別: '支援会議',
        開催日: 'R8.6.3',
        開始時刻: '１０：００',
      },
    ]);
    fill('出席者', [
      {
        会議番号: 'R8-101-1',
        分野: '高齢',
        機関名: '地域包括支援センター',
        職名: '社会福祉士',
        出席者: '包括 一郎',
      },
      { 会議番号: 'R8-101-1', 分野: '地域', 機関名: 'ＮＰＯ法人ひだまり', 出席者: '日溜 二郎' },
      { 会議番号: 'R8-102-1', 機関名: '民生委員・児童委員' },
      { 会議番号: 'R8-102-1', 機関名: '見守りボランティアの会' },
    ]);
    fill('プラン', [
      { 会議番号: 'R8-101-1', 対象: 'A', 目標: '通院を続ける', 検討内容: '受診同行', 役割分担: '包括' },
      { 会議番号: 'R8-101-1', 対象: '危機介入', 目標: '急変時の連絡' },
      { 会議番号: 'R8-101-1', 対象: 'その他', 当面の取組事項: '次回 7月' },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('記入済み.xlsx', bytes)],
    });
    expect(report).toEqual({
      ok: true,
      counts: importCounts({
        households: 2,
        members: 2,
        consents: 1,
        agenciesAdded: 2,
        meetings: 2,
        attendees: 4,
        planRows: 3,
      }),
      errors: [],
    });
    const listed = await listHouseholds(dayCtx(vault.db, '2026-11-22'), {
      query: '',
      sort: 'receivedOn',
      limit: 10,
    });
    expect(listed).toMatchObject([
      { caseNo: 'R8-102', label: 'B氏世帯', receivedOn: '2026-04-02', consent: 'none', issues: ['不登校'] },
      { caseNo: 'R8-101', label: '山田', receivedOn: '2026-04-01', consent: 'granted' },
    ]);
    expect(await listMembers(vault.db, listed[1]?.id ?? '')).toMatchObject([
      { label: 'A', name: '山田 花子', sex: 'female', isPrincipal: true },
    ]);
    const meetings = await listMeetings(dayCtx(vault.db, '2026-11-22'), { limit: 10 });
    expect(meetings).toMatchObject([
      { meetingNo: 'R8-102-1', kind: 'unconsented', heldOn: '2026-06-03', startTime: '10:00', endTime: null },
      {
        meetingNo: 'R8-101-1',
        kind: 'consented',
        heldOn: '2026-05-12',
        startTime: '14:00',
        endTime: '15:30',
        place: '市役所 第2会議室',
        attendeeCount: 2,
        planRowCount: 3,
        planStatus: 'final',
      },
    ]);
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, now), { id: meetings[1]?.id ?? '' });
    expect(detail.attendees).toMatchObject([
      {
        agencyName: '地域包括支援センター',
        field: '高齢',
        title: '社会福祉士',
        personName: '包括 一郎',
        inScope: true,
      },
      { agencyName: 'ＮＰＯ法人ひだまり', field: '地域', title: '', personName: '日溜 二郎', inScope: true },
    ]);
    expect(detail.planRows).toMatchObject([
      {
        target: 'member',
        heading: 'A氏 山田 花子',
        goal: '通院を続ける',
        discussion: '受診同行',
        roles: '包括',
      },
      { target: 'crisis', heading: '危機介入', goal: '急変時の連絡' },
      { target: 'other', heading: 'その他', nextActions: '次回 7月' },
    ]);
    const agencies = await listAgencies({ db: vault.db });
    expect(agencies.find((a) => a.name === '見守りボランティアの会')?.field).toBe('その他');
  });
});
