import { AlignmentType, LineRuleType, Paragraph, type Table, VerticalAlignTable } from 'docx';
import type { FormData } from './form-data.js';
import { contentHeight, contentWidth } from './page.js';
import { styles } from './styles.js';
import { bodyRow, columnWidths, fixedTable, headerRow, textCell } from './tables.js';
import { joinLines, rowHeight, tableLineHeight, type WrappedLine, wrapLines } from './text-fit.js';

type PlanRow = FormData['planRows'][number];
type Headers = [string, string, string, string, string];

/** (氏名) | 目標 | 検討内容 | two columns for the actions and roles, across a landscape page. */
const widths = columnWidths(contentWidth('landscape'), [11, 20, 31, 19, 19]);

/** 「A氏 山田 太郎（本人）」 too long for the 氏名 cell keeps the name whole: 続柄 goes on its own line. */
function headingLines(heading: string): string {
  if (wrapLines(heading, widths[0] ?? 0).length <= 1) return heading;
  return heading.replace(/(（[^（]*）)$/, '\n$1');
}

/** What is above the table on the page: the title (14 pt, spaced) and the date line (10.5 pt). */
const titleAndDate = 710 + 263;
/** Borders (½ pt) and the end-of-document paragraph after the table, with a little to spare. */
const slack = 400;

/** A row's cells as printed: heading, 目標, 検討内容, then the form's last two columns. */
interface PrintedRow {
  cells: [string, string, string, string, string];
}

/**
 * A row too tall for a page becomes several rows, each with the 氏名 cell again (「（続き）」), so the
 * table only ever breaks between rows and every page says whose row it is.
 */
function splitTallRow(row: PrintedRow, pageRoom: number): PrintedRow[] {
  const maxLines = Math.max(1, Math.floor(pageRoom / tableLineHeight) - 1);
  const columns = row.cells.map((text, i) => (i === 0 ? [] : wrapLines(text, widths[i] ?? 0)));
  const pieces = Math.max(1, ...columns.map((lines) => Math.ceil(lines.length / maxLines)));
  if (pieces === 1) return [row];
  const piece = (lines: WrappedLine[], k: number) => joinLines(lines.slice(k * maxLines, (k + 1) * maxLines));
  return Array.from({ length: pieces }, (_, k) => ({
    cells: [
      k === 0 ? row.cells[0] : `${row.cells[0]}\n（続き）`,
      piece(columns[1] ?? [], k),
      piece(columns[2] ?? [], k),
      piece(columns[3] ?? [], k),
      piece(columns[4] ?? [], k),
    ],
  }));
}

/**
 * Heights that fill the page left under the header when they can: each row at least its text and the
 * floor, the rest shared out so that the shortest rows grow first. When even that does not fit, rows keep
 * their own height and the table continues on the next page, between rows.
 */
export function fillHeights(needed: number[], room: number, floor: number): number[] {
  const least = needed.map((n) => Math.max(n, floor));
  if (least.reduce((a, b) => a + b, 0) >= room) return least;
  // The k shortest rows rise to a common level; the others keep their height.
  const sorted = [...least].sort((a, b) => a - b);
  let level = 0;
  for (let k = sorted.length; k >= 1; k--) {
    const kept = sorted.slice(k).reduce((a, b) => a + b, 0);
    level = (room - kept) / k;
    if (level >= (sorted[k - 1] ?? 0)) break;
  }
  return least.map((h) => Math.floor(Math.max(h, level)));
}

export interface PlanTableOptions {
  headers: Headers;
  /** The text of the last two columns: blank on 様式3, the results on 様式5. */
  columns: (row: PlanRow) => [string, string];
  /** Room taken below the table on the first page (様式5's follow-up table), in twips. */
  below: number;
  /** The least height of a row, in twips. */
  floor: number;
}

/**
 * The plan table shared by 様式3 and 様式5: one row per member, then 危機介入 and その他, as given.
 * Up to four members fill one landscape page with room to write; a longer household continues on the
 * next page between rows, with the header row repeated.
 */
export function planTable(
  rows: PlanRow[],
  { headers, columns, below, floor }: PlanTableOptions,
): (Table | Paragraph)[] {
  const header = rowHeight(headers.map((text, i) => ({ text, width: widths[i] ?? 0 })));
  // The first page's room, under the title: a row that fits there fits on any page.
  const room = contentHeight('landscape') - header - slack - titleAndDate;
  const printed = rows.flatMap((row) =>
    splitTallRow({ cells: [headingLines(row.heading), row.goal, row.discussion, ...columns(row)] }, room),
  );
  const needed = printed.map((r) => rowHeight(r.cells.map((text, i) => ({ text, width: widths[i] ?? 0 }))));
  const heights = fillHeights(needed, room - below, floor);
  return [
    fixedTable(widths, [
      headerRow(headers, widths),
      ...printed.map((row, r) =>
        bodyRow(
          row.cells.map((text, i) =>
            textCell(
              text,
              widths[i] ?? 0,
              i === 0 ? { align: AlignmentType.CENTER } : { verticalAlign: VerticalAlignTable.TOP },
            ),
          ),
          { minHeight: heights[r] ?? floor },
        ),
      ),
    ]),
    // Ends the body with a paragraph that takes no room, so Word adds no empty line that could spill.
    new Paragraph({ style: styles.body, spacing: { line: 20, lineRule: LineRuleType.EXACT } }),
  ];
}
