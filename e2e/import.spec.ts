import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

type Cell = string | number | Date | null;
type Row = Record<string, Cell>;

const householdColumns = [
  '受付番号',
  '受付日',
  '世帯表示名',
  '本人同意',
  '同意取得日',
  '同意範囲',
  '相談経路',
  '課題',
  '状態',
  '終結日',
  '終結理由',
  '備考',
];
const memberColumns = ['受付番号', '記号', '氏名', 'ふりがな', '続柄', '生年月日', '性別', '本人'];

/** Two households (one consented, referred by an agency not yet in the list) and three members. */
const households: Row[] = [
  {
    受付番号: 'R7-001',
    受付日: '2025/4/1',
    世帯表示名: '𠮷田',
    本人同意: 'あり',
    同意取得日: '令和7年4月10日',
    同意範囲: '地域包括支援センター',
    相談経路: 'ＮＰＯ法人ひだまり',
    課題: '8050、認知症',
    状態: '支援中',
  },
  {
    受付番号: 'R7-002',
    受付日: new Date(Date.UTC(2025, 4, 20)),
    世帯表示名: '髙橋',
    本人同意: 'なし',
  },
];
const members: Row[] = [
  {
    受付番号: 'R7-001',
    記号: 'A',
    氏名: '𠮷田 太郎',
    ふりがな: 'よしだ たろう',
    続柄: '本人',
    生年月日: '1970/1/2',
    性別: '男',
    本人: '○',
  },
  { 受付番号: 'R7-001', 記号: 'B', 氏名: '𠮷田 ハナ', ふりがな: 'よしだ はな', 続柄: '母', 性別: '女' },
  {
    受付番号: 'R7-002',
    記号: 'A',
    氏名: '髙橋 﨑子',
    ふりがな: 'たかはし さきこ',
    続柄: '本人',
    生年月日: 'R1.5.1',
    性別: '女',
    本人: '○',
  },
];

async function workbook(sheets: Record<string, { columns: string[]; rows: Row[] }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, { columns, rows }] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns);
    for (const row of rows) sheet.addRow(columns.map((c) => row[c] ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cp932Csv(columns: string[], rows: Row[]): Buffer {
  const text = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? '')))]
    .map((cells) => cells.join(','))
    .join('\r\n');
  const bytes = iconv.encode(text, 'cp932');
  // iconv writes 「?」 for what CP932 lacks: a test file must not lose characters silently.
  if (iconv.decode(bytes, 'cp932') !== text) throw new Error('text not representable in CP932');
  return bytes;
}

async function openImport(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '取り込み', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '取り込み' })).toBeVisible();
}

let picks = 0;

/** Picks files from disk, as a person does: a 21 MB buffer sent through the protocol is slow on a busy PC. */
async function pickFiles(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  const dir = test.info().outputPath(`picked-${++picks}`);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    paths.push(join(dir, file.name));
    await writeFile(join(dir, file.name), file.buffer);
  }
  await page.locator('input[type="file"]').setInputFiles(paths);
}

async function listHouseholds(page: Page) {
  return page.evaluate(async () => {
    const result = await window.kasane['households.list']({});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  });
}

async function memberNames(page: Page, householdId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const result = await window.kasane['households.get']({ id });
    if (!result.ok) throw new Error(result.message);
    return result.value.members.map((m) => `${m.label}:${m.name}`);
  }, householdId);
}

/** `yoshi` is 𠮷 in the workbook; CP932 has no 𠮷, so the Shift_JIS CSV files use 吉. */
async function expectImported(page: Page, yoshi = '𠮷'): Promise<void> {
  const list = await listHouseholds(page);
  expect(list.map((h) => [h.caseNo, h.label, h.consent, h.memberCount]).sort()).toEqual([
    ['R7-001', `${yoshi}田`, 'granted', 2],
    ['R7-002', '髙橋', 'none', 1],
  ]);
  const first = list.find((h) => h.caseNo === 'R7-001');
  const second = list.find((h) => h.caseNo === 'R7-002');
  if (!first || !second) throw new Error('imported households missing');
  expect(first.issues).toEqual(['8050', '認知症']);
  expect(await memberNames(page, first.id)).toEqual([`A:${yoshi}田 太郎`, `B:${yoshi}田 ハナ`]);
  expect(await memberNames(page, second.id)).toEqual(['A:髙橋 﨑子']);
}

const previewButton = (page: Page) => page.getByRole('button', { name: '内容を確認' });
const runButton = (page: Page) => page.getByRole('button', { name: '取り込む', exact: true });

const another: Row = { 受付番号: 'R7-003', 受付日: '2025/6/2', 世帯表示名: '三件目', 本人同意: 'なし' };

async function runImportAgain(page: Page, buffer: Buffer): Promise<void> {
  await pickFiles(page, [{ name: '追加分.xlsx', buffer }]);
  await previewButton(page).click();
  await runButton(page).click();
  await page
    .getByRole('dialog', { name: 'この内容で取り込みますか' })
    .getByRole('button', { name: '取り込む' })
    .click();
  await expect(
    page.getByText('世帯 1件、世帯員 0人、同意 0件、新しい機関 0件を登録しました。'),
  ).toBeVisible();
}

test.describe('取り込み', () => {
  test('テンプレートを保存すると、Excel で開けるブックがダウンロード先にでき、空のままでは取り込めない', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openImport(page);
    await page.getByRole('button', { name: 'テンプレートを保存' }).click();
    await expect(page.getByText('保存しました: かさね_移行用テンプレート.xlsx')).toBeVisible();

    const bytes = await readFile(join(harness.downloadsDir, 'かさね_移行用テンプレート.xlsx'));
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['世帯', '世帯員', '会議', '出席者', 'プラン']),
    );
    const header = book.getWorksheet('世帯')?.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(householdColumns));

    // The blank template itself: readable, but nothing to import.
    await pickFiles(page, [{ name: 'かさね_移行用テンプレート.xlsx', buffer: bytes }]);
    await previewButton(page).click();
    await expect(page.getByText('1件の誤りがあります')).toBeVisible();
    await expect(page.getByRole('list', { name: '誤りの一覧' })).toContainText('取り込む行がありません');
    await expect(runButton(page)).toBeDisabled();
  });

  test('Excel ブックの世帯と世帯員を確認してから取り込み、𠮷・髙・﨑もそのまま登録される', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openImport(page);
    await expect(previewButton(page)).toBeDisabled();
    await expect(runButton(page)).toBeDisabled();

    const buffer = await workbook({
      世帯: { columns: householdColumns, rows: households },
      世帯員: { columns: memberColumns, rows: members },
    });
    await pickFiles(page, [{ name: '相談受付台帳.xlsx', buffer }]);
    await expect(page.getByTestId('import-file')).toHaveText([/^相談受付台帳\.xlsx\s*\d+\.\d KB$/]);
    await expect(runButton(page)).toBeDisabled();

    await previewButton(page).click();
    const counts = page.getByRole('definition');
    await expect(page.getByText('誤りはありません。次の内容を登録できます')).toBeVisible();
    await expect(counts).toHaveText(['2件', '3人', '1件', '1件']);
    await expect(runButton(page)).toBeEnabled();
    // A preview writes nothing.
    expect(await listHouseholds(page)).toEqual([]);
    await screenshot(page, 'import-preview-ok');

    await runButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'この内容で取り込みますか' });
    await expect(dialog).toContainText('世帯 2件、世帯員 3人、同意 1件、新しい機関 1件を登録します。');
    await expect(dialog.getByRole('button', { name: 'やめる' })).toBeFocused();
    await dialog.getByRole('button', { name: 'やめる' }).click();
    expect(await listHouseholds(page)).toEqual([]);

    await runButton(page).click();
    await dialog.getByRole('button', { name: '取り込む' }).click();
    await expect(page.getByText('取り込みました')).toBeVisible();
    await expect(
      page.getByText('世帯 2件、世帯員 3人、同意 1件、新しい機関 1件を登録しました。'),
    ).toBeVisible();
    await expect(page.getByTestId('import-file')).toHaveCount(0);
    await expect(runButton(page)).toBeDisabled();
    await screenshot(page, 'import-done');
    await expectImported(page);

    const agencies = await page.evaluate(async () => {
      const result = await window.kasane['agencies.list']({ includeRetired: false });
      if (!result.ok) throw new Error(result.message);
      return result.value;
    });
    expect(agencies.find((a) => a.name === 'ＮＰＯ法人ひだまり')).toMatchObject({ field: 'その他' });

    // The same 受付番号 again: refused, not overwritten.
    await pickFiles(page, [{ name: '相談受付台帳.xlsx', buffer }]);
    await previewButton(page).click();
    await expect(page.getByText('2件の誤りがあります')).toBeVisible();
    await expect(page.getByRole('list', { name: '誤りの一覧' })).toContainText('R7-001');
    await expect(runButton(page)).toBeDisabled();
    expect(await listHouseholds(page)).toHaveLength(2);

    // From the finished import straight to the list that shows them.
    await runImportAgain(page, await workbook({ 世帯: { columns: householdColumns, rows: [another] } }));
    await page.getByRole('button', { name: '世帯一覧を開く' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
    await expect(page.getByText('R7-003')).toBeVisible();
  });

  test('誤りのある行はすべて「世帯 行N 列名: 理由」で示し、取り込むボタンは使えず何も登録しない', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openImport(page);
    const buffer = await workbook({
      世帯: {
        columns: householdColumns,
        rows: [
          { 受付番号: 'R7-101', 受付日: '2025/4/1', 世帯表示名: '正しい世帯', 本人同意: 'なし' },
          { 受付番号: 'R7-102', 受付日: '令和6年2月30日', 世帯表示名: '日付の誤り', 本人同意: 'なし' },
          { 受付番号: 'R7-103', 受付日: '2025/4/3', 世帯表示名: '同意の誤り', 本人同意: 'たぶん' },
        ],
      },
      世帯員: { columns: memberColumns, rows: [] },
    });
    await pickFiles(page, [{ name: '誤りのある台帳.xlsx', buffer }]);
    await previewButton(page).click();

    await expect(page.getByText('2件の誤りがあります')).toBeVisible();
    await expect(page.getByText('何も登録していません。', { exact: false })).toBeVisible();
    const errors = page.getByRole('list', { name: '誤りの一覧' }).getByRole('listitem');
    await expect(errors).toHaveText([/^世帯 行3 受付日: /, /^世帯 行4 本人同意: /]);
    await expect(runButton(page)).toBeDisabled();
    await screenshot(page, 'import-preview-errors');
    expect(await listHouseholds(page)).toEqual([]);

    // A sheet the importer does not know stops the import rather than being silently skipped.
    const withNotes = await workbook({
      世帯: { columns: householdColumns, rows: [households[1] as Row] },
      メモ: { columns: ['受付番号', 'メモ'], rows: [{ 受付番号: 'R7-002', メモ: '電話あり' }] },
    });
    await pickFiles(page, [{ name: 'メモ入り.xlsx', buffer: withNotes }]);
    await expect(page.getByText('2件の誤りがあります')).toBeHidden();
    await previewButton(page).click();
    await expect(errors).toHaveText([/^シート「メモ」は取り込めません/]);
    await expect(runButton(page)).toBeDisabled();

    // Over 20 MB: refused in the page with the reason; the small file beside it is taken.
    const small = await workbook({ 世帯: { columns: householdColumns, rows: [households[1] as Row] } });
    await pickFiles(page, [
      { name: '大きすぎる台帳.xlsx', buffer: Buffer.alloc(21 * 1024 * 1024) },
      { name: '小さい台帳.xlsx', buffer: small },
    ]);
    await expect(
      page.getByText('「大きすぎる台帳.xlsx」は21.0 MBあり、20MB を超えているため読み込めません。'),
    ).toBeVisible();
    await expect(page.getByTestId('import-file')).toHaveText([/^小さい台帳\.xlsx/]);
    expect(await listHouseholds(page)).toEqual([]);
  });

  test('Shift_JIS（CP932）の CSV（世帯.csv と 世帯員.csv）をドロップしても取り込める', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openImport(page);
    const shiftJis = (rows: Row[]) =>
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            v instanceof Date ? '2025-05-20' : typeof v === 'string' ? v.replaceAll('𠮷', '吉') : v,
          ]),
        ),
      );
    const files = [
      { name: '世帯.csv', base64: cp932Csv(householdColumns, shiftJis(households)).toString('base64') },
      { name: '世帯員.csv', base64: cp932Csv(memberColumns, shiftJis(members)).toString('base64') },
    ];
    // What the system does when files are dropped: a drop event carrying them.
    const dataTransfer = await page.evaluateHandle((dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: 'text/csv' }));
      }
      return transfer;
    }, files);
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('import-file')).toHaveText([/^世帯\.csv/, /^世帯員\.csv/]);

    await previewButton(page).click();
    await expect(page.getByRole('definition')).toHaveText(['2件', '3人', '1件', '1件']);
    await runButton(page).click();
    await page
      .getByRole('dialog', { name: 'この内容で取り込みますか' })
      .getByRole('button', { name: '取り込む' })
      .click();
    await expect(
      page.getByText('世帯 2件、世帯員 3人、同意 1件、新しい機関 1件を登録しました。'),
    ).toBeVisible();
    await expectImported(page, '吉');
  });
});
