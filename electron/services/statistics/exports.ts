import ExcelJS from 'exceljs';
import { formatWareki } from '../../domain/dates.js';
import { fiscalYearLabel } from '../../domain/fiscal-year.js';
import type { Cell, Statistics } from '../../ipc/schemas/statistics.js';
import { spreadsheetCsv } from '../csv-export.js';

/**
 * Anonymous exports (rule 11): the tables only — counts per 年度, 課題, 分野, 年代, 世帯員数 and
 * month. Nothing here can carry a name, 受付番号, birth date or a date finer than the month.
 */

export interface Table2D {
  title: string;
  header: string[];
  rows: (string | Cell)[][];
}

export function tablesOf(stats: Statistics): Table2D[] {
  const years = stats.fiscalYears.map(String);
  const header = (first: string) => [first, ...stats.fiscalYears.map(fiscalYearLabel)];
  return [
    {
      title: '主な表',
      header: header('項目'),
      rows: stats.main.map((r) => [r.item, ...years.map((y) => r.values[y] ?? 0)]),
    },
    ...Object.entries(stats.breakdowns).map(([name, rows]) => ({
      title: `${name}別（本人同意のある世帯）`,
      header: header(name),
      rows: rows.map((r) => [r.label, ...years.map((y) => r.values[y] ?? 0)]),
    })),
  ];
}

export function notes(stats: Statistics, exportedOn: string): string[] {
  return [
    `秘匿の基準: 1〜${stats.threshold - 1}件は「＊」（${stats.threshold}件未満）。合計から引き算で分からないよう、さらに隠した欄があります。`,
    '主な表の年度合計は公表値のため隠していません。内訳は本人同意のある世帯のみです（支援会議の世帯は年度合計にのみ含みます）。',
    `作成日: ${formatWareki(exportedOn, { weekday: false })}`,
  ];
}

/** The tables one under another, a blank line between them, then the notes. */
export function statisticsCsv(stats: Statistics, exportedOn: string): Buffer {
  const rows: (string | number)[][] = [];
  for (const t of tablesOf(stats)) rows.push([t.title], t.header, ...t.rows, []);
  for (const note of notes(stats, exportedOn)) rows.push([note]);
  return spreadsheetCsv(rows);
}

/** One sheet per table, with the threshold and the export date noted under each. */
export async function statisticsXlsx(stats: Statistics, exportedOn: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'かさね';
  book.created = new Date(`${exportedOn}T00:00:00Z`);
  for (const t of tablesOf(stats)) {
    const sheet = book.addWorksheet(t.title.replace(/[\\/?*[\]:]/g, '・').slice(0, 31));
    sheet.addRow([t.title]).font = { bold: true, size: 12 };
    const head = sheet.addRow(t.header);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    });
    for (const row of t.rows) sheet.addRow(row);
    sheet.addRow([]);
    for (const note of notes(stats, exportedOn)) sheet.addRow([note]);
    sheet.getColumn(1).width = 36;
    for (let c = 2; c <= t.header.length; c++) {
      const column = sheet.getColumn(c);
      column.width = 14;
      column.alignment = { horizontal: 'right' };
    }
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
