import { AlignmentType, type FileChild, VerticalAlignTable } from 'docx';
import ExcelJS from 'exceljs';
import { type PackedDocument, packDocument } from '../forms/document.js';
import type { LayoutFonts } from '../forms/layout-fonts.js';
import { contentWidth, handlingMark, type Orientation } from '../forms/page.js';
import {
  blankParagraph,
  bodyParagraph,
  headingParagraph,
  rightParagraph,
  titleParagraph,
} from '../forms/paragraphs.js';
import { bodyRow, columnWidths, fixedTable, headerRow, textCell } from '../forms/tables.js';
import { cleanText } from '../forms/text.js';

/**
 * One list as it leaves Kasane, decided before any file is written (names already masked as rule 4
 * requires): the same rows become a Word table on the 様式' page furniture, or an Excel sheet with
 * the warning in its top rows and in its print header and footer.
 */

export type ListCell = string | number;

export interface ListColumn {
  label: string;
  /** Share of the table's width in the Word file. */
  ratio: number;
  /** Column width in the Excel sheet, in characters. */
  sheetWidth: number;
  align?: 'left' | 'center' | 'right';
}

export interface ListSection {
  /** 「予定」「開催済み」; null for a list of one part. */
  heading: string | null;
  rows: ListCell[][];
}

export interface ListTable {
  /** 「世帯一覧」: the title, the sheet's name and the document's title (never a name). */
  title: string;
  /** The page header's left label; 「（世帯一覧）」 from the title when not given. */
  headerLabel?: string;
  orientation: Orientation;
  /** Lines under the title: 作成日, the conditions applied, the count. */
  facts: string[];
  columns: ListColumn[];
  sections: ListSection[];
  /** What a section with no rows says. */
  empty: string;
  /** The confidentiality warning in force (rule 8), in the footer and the sheet's top rows. */
  warning: string;
  /** Rows longer than a page (ケース記録) may continue on the next one. */
  splittableRows?: boolean;
  author: string;
  createdAt: Date;
}

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

export function listRowCount(table: ListTable): number {
  return table.sections.reduce((n, s) => n + s.rows.length, 0);
}

/** The Word file: title, facts, then each section as a real table whose header repeats on every page. */
export function renderListDocx(table: ListTable, layout: LayoutFonts | null): Promise<PackedDocument> {
  const widths = columnWidths(
    contentWidth(table.orientation),
    table.columns.map((c) => c.ratio),
  );
  const full = widths.reduce((a, b) => a + b, 0);
  const [created, ...facts] = table.facts;
  const children: FileChild[] = [
    titleParagraph(table.title),
    ...(created ? [rightParagraph(created)] : []),
    ...facts.map(bodyParagraph),
    blankParagraph(),
  ];
  for (const section of table.sections) {
    if (section.heading) children.push(headingParagraph(section.heading));
    const rows =
      section.rows.length > 0
        ? section.rows.map((row) =>
            bodyRow(
              row.map((value, i) => {
                const column = table.columns[i];
                return textCell(String(value), widths[i] ?? 0, {
                  align: alignments[column?.align ?? 'left'],
                  verticalAlign: VerticalAlignTable.TOP,
                });
              }),
              { splittable: table.splittableRows === true },
            ),
          )
        : [bodyRow([textCell(table.empty, full, { columnSpan: widths.length })])];
    children.push(
      fixedTable(widths, [
        headerRow(
          table.columns.map((c) => c.label),
          widths,
        ),
        ...rows,
      ]),
    );
    children.push(blankParagraph());
  }
  return packDocument(
    {
      title: table.title,
      author: table.author,
      createdAt: table.createdAt,
      numbering: 'document',
      sections: [
        {
          orientation: table.orientation,
          headerLabel: table.headerLabel ?? `（${table.title}）`,
          copy: null,
          warning: table.warning,
          children,
        },
      ],
    },
    layout,
  );
}

/** Excel reads `&` in a header or footer as a code: a literal one is doubled. */
const headerText = (text: string) => cleanText(text).replace(/\n/g, ' ').replace(/&/g, '&&');

/** Text that cannot break the sheet: XML-safe and within Excel's 32,767 characters per cell. */
const cellValue = (value: ListCell): ListCell =>
  typeof value === 'number' ? value : cleanText(value).slice(0, 32_000);

const headFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The Excel file: the warning in the top rows and in the print header and footer, then the title,
 * the facts and one table (a 区分 column when the list has sections). Every cell holds a string or a
 * number, never a formula; A4 with the header row repeated on every printed page.
 */
export async function renderListXlsx(table: ListTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'かさね';
  book.lastModifiedBy = 'かさね';
  book.title = table.title;
  book.created = table.createdAt;
  book.modified = table.createdAt;
  const sectioned = table.sections.length > 1;
  const columns: ListColumn[] = [
    ...(sectioned ? [{ label: '区分', ratio: 1, sheetWidth: 10 }] : []),
    ...table.columns,
  ];
  const sheet = book.addWorksheet(table.title, {
    pageSetup: {
      paperSize: 9,
      orientation: table.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.9, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${headerText(table.headerLabel ?? `（${table.title}）`)}&R&B${headerText(handlingMark(null))}`,
      oddFooter: `&L&8${headerText(table.warning)}&R&P / &N`,
    },
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.sheetWidth;
  });
  const lastColumn = columns.length;
  const banner = (text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    const row = sheet.addRow([cellValue(text)]);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.font = font;
    row.alignment = { wrapText: true, vertical: 'top' };
    if (height) row.height = height;
    return row;
  };
  banner(table.warning, { bold: true, color: { argb: 'FFC00000' } }, 32);
  banner(table.title, { bold: true, size: 14 }, 24);
  for (const fact of table.facts) banner(fact, {});
  sheet.addRow([]);
  const head = sheet.addRow(columns.map((c) => c.label));
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = headFill;
    c.border = thin;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  let rows = 0;
  for (const section of table.sections) {
    for (const values of section.rows) {
      const row = sheet.addRow([...(sectioned ? [section.heading ?? ''] : []), ...values.map(cellValue)]);
      row.eachCell({ includeEmpty: true }, (c, i) => {
        c.border = thin;
        c.alignment = { vertical: 'top', wrapText: true, horizontal: columns[i - 1]?.align ?? 'left' };
      });
      rows++;
    }
  }
  if (rows === 0) banner(table.empty, {});
  sheet.views = [{ state: 'frozen', ySplit: head.number }];
  sheet.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(lastColumn).letter}${sheet.rowCount}`;
  return Buffer.from(await book.xlsx.writeBuffer());
}
