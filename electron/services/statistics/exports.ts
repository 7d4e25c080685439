import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { formatWareki } from '../../domain/dates.js';
import { fiscalYearLabel } from '../../domain/fiscal-year.js';
import type { Cell, Statistics } from '../../ipc/schemas/statistics.js';
import { spreadsheetCsv } from '../csv-export.js';
import { runFont } from '../forms/fonts.js';

/**
 * Anonymous exports (rule 11): the tables only — counts per 年度, 課題, 分野, 年代, 世帯員数 and
 * month. Nothing here can carry a name, 受付番号, birth date or a date finer than the month.
 */

interface Table2D {
  title: string;
  header: string[];
  rows: (string | Cell)[][];
}

function tablesOf(stats: Statistics): Table2D[] {
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

function notes(stats: Statistics, exportedOn: string): string[] {
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

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const run = (text: string, bold = false) =>
  new TextRun({ text, bold, ...runFont(bold ? 'gothic' : 'mincho') });

function wordCell(text: string, width: number, head: boolean, align: 'left' | 'right' | 'center'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(head ? { shading: { fill: 'EDEDED', color: 'auto', type: 'clear' as const } } : {}),
    children: [
      new Paragraph({
        alignment:
          align === 'right'
            ? AlignmentType.RIGHT
            : align === 'center'
              ? AlignmentType.CENTER
              : AlignmentType.LEFT,
        children: [run(text, head)],
      }),
    ],
  });
}

/** A one-page Word report of the main table, for the yearly 実績報告. */
export async function statisticsDocx(
  stats: Statistics,
  office: { municipalityName: string; departmentName: string },
  exportedOn: string,
): Promise<Buffer> {
  const total = 9070; // A4 portrait between 20 mm margins, in twips
  const yearWidth = Math.min(1500, Math.floor((total * 0.55) / stats.fiscalYears.length));
  const widths = [total - yearWidth * stats.fiscalYears.length, ...stats.fiscalYears.map(() => yearWidth)];
  const [main] = tablesOf(stats);
  const rows = [
    new TableRow({
      tableHeader: true,
      children: (main?.header ?? []).map((h, i) => wordCell(h, widths[i] ?? 0, true, 'center')),
    }),
    ...(main?.rows ?? []).map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: r.map((v, i) => wordCell(String(v), widths[i] ?? 0, false, i === 0 ? 'left' : 'right')),
        }),
    ),
  ];
  const period =
    stats.fiscalYears.length === 1
      ? fiscalYearLabel(stats.fiscalYears[0] ?? 0)
      : `${fiscalYearLabel(stats.fiscalYears[0] ?? 0)}〜${fiscalYearLabel(stats.fiscalYears.at(-1) ?? 0)}`;
  const doc = new Document({
    creator: 'かさね',
    title: `重層的支援体制整備事業 実績（${period}）`,
    styles: { default: { document: { run: { ...runFont('mincho'), size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(`${office.municipalityName}${office.departmentName}`)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240 },
            children: [
              new TextRun({
                text: '重層的支援体制整備事業（多機関協働事業）実績',
                bold: true,
                size: 28,
                ...runFont('gothic'),
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: period, bold: true, size: 24, ...runFont('gothic') })],
          }),
          new Table({
            rows,
            width: { size: total, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: {
              top: border,
              bottom: border,
              left: border,
              right: border,
              insideHorizontal: border,
              insideVertical: border,
            },
          }),
          ...notes(stats, exportedOn).map(
            (n) =>
              new Paragraph({
                spacing: { before: 120 },
                children: [new TextRun({ text: `※ ${n}`, size: 18, ...runFont('mincho') })],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
