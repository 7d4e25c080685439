import ExcelJS from 'exceljs';
import { type ColumnDef, guideSheetName, type SheetDef, sheetDefs } from './columns.js';

/** Rows of each sheet that get the drop-down lists; plenty for an office's ledger. */
const validatedRows = 2000;

const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const optionalFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

const fitToPageWidth: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

const acceptedDates =
  '2024/4/1、2024-04-01、令和6年4月1日、R6.4.1、R6/4/1、H31.4.30、Excel の日付（セルの書式が日付のもの）。全角数字も使えます';

const guideLines = [
  'かさね 移行用テンプレート — 記入のしかた',
  '',
  '各シートに1行ずつ入力し、かさねの「取り込み」（または管理コマンド import）で読み込みます。使わないシートは空のままで構いません。',
  '取り込みは「すべて登録する」か「何も登録しない」かのどちらかです。誤りが1つでもあれば何も登録せず、すべての誤りを「シート名 行N 列名: 理由」の形で一覧にします。',
  '1行目の列名は変えないでください。列の順番は自由です。知らない列名があると取り込みません（入力したデータが黙って捨てられないように）。',
  '太字で色の付いた列名は必須の列です（列名にメモ「必須」が付いています）。',
  `日付の書き方: ${acceptedDates}。存在しない日付（令和6年2月30日、平成32年など）は誤りになります。`,
  'すでに登録されている受付番号・会議番号は取り込めません（上書きはしません）。',
  '「会議」「出席者」「プラン」は会議番号でつながります。会議の受付番号は「世帯」シートのものでも、かさねに登録済みのものでも構いません（登録済みの世帯の会議だけを取り込むときは「世帯」シートを空に）。',
  '重層的支援会議は、開催日に本人同意（同意取得日が開催日以前で、撤回されていないもの）がある世帯だけです。同意のない世帯の会議は「支援会議」にしてください（社会福祉法第106条の6）。',
  '重層的支援会議の出席者は、世帯の同意範囲に含まれる機関だけです。範囲外の機関を出席させるには理由の記録が必要なため、取り込み後に会議の画面で理由を添えて追加してください。',
  '各シートを「世帯.csv」「世帯員.csv」のようにシート名の CSV で保存しても取り込めます（UTF-8 または Shift_JIS）。',
  'この「説明」シートは取り込みのときには読み飛ばします。',
  '',
];

function describeColumn(column: ColumnDef): string {
  const choices = column.choices ? `（選べる値: ${column.choices.join(' / ')}）` : '';
  const dates = column.kind === 'date' ? '（日付）' : column.kind === 'time' ? '（時刻 HH:MM）' : '';
  return `${column.help}${dates}${choices}`;
}

function addGuide(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(guideSheetName, { pageSetup: fitToPageWidth });
  const widths = [12, 18, 8, 90];
  sheet.columns = widths.map((width) => ({ width }));
  const total = widths.reduce((a, b) => a + b);
  for (const line of guideLines) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, widths.length);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    // Excel does not grow merged rows to fit; a Japanese character is about two width units.
    row.height = 16 * Math.max(1, Math.ceil((line.length * 2) / total));
  }
  sheet.getRow(1).font = { bold: true, size: 14 };
  const head = sheet.addRow(['シート', '列名', '必須', '説明']);
  head.font = { bold: true };
  for (const def of sheetDefs) {
    sheet.addRow([def.name, '', '', def.help]).font = { bold: true };
    for (const column of def.columns) {
      const row = sheet.addRow(['', column.name, column.required ? '必須' : '', describeColumn(column)]);
      row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    }
  }
}

/** exceljs has range validations (one rule per column, not one per cell) but leaves them out of its types. */
function withValidations(sheet: ExcelJS.Worksheet) {
  return sheet as ExcelJS.Worksheet & {
    dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
  };
}

function addDataSheet(workbook: ExcelJS.Workbook, def: SheetDef): void {
  const sheet = workbook.addWorksheet(def.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: fitToPageWidth,
  });
  sheet.columns = def.columns.map((column) => ({
    header: column.name,
    width: column.width,
    // Text columns stay text, so Excel does not turn a 受付番号 such as 6-12 into a date.
    style: { numFmt: column.kind === 'date' ? 'yyyy/m/d' : '@' },
  }));
  for (const [i, column] of def.columns.entries()) {
    const header = sheet.getRow(1).getCell(i + 1);
    header.font = { bold: column.required };
    header.fill = column.required ? requiredFill : optionalFill;
    header.numFmt = '@';
    if (column.required) header.note = '必須';
    if (!column.choices) continue;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${column.choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '選べない値です',
      error: `${column.choices.join(' / ')} から選んでください`,
    };
    const letter = sheet.getColumn(i + 1).letter;
    withValidations(sheet).dataValidations.add(`${letter}2:${letter}${validatedRows + 1}`, validation);
  }
}

/** The blank 移行用テンプレート, built from the same column definitions the importer checks. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'かさね';
  addGuide(workbook);
  for (const def of sheetDefs) addDataSheet(workbook, def);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
