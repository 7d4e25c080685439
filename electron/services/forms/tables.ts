import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  type ITableBordersOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { styles } from './styles.js';
import { textRuns } from './text.js';

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders: ITableBordersOptions = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
const cellMargins = { top: 40, bottom: 40, left: 85, right: 85 } as const;
const headShading = { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } as const;

/** Splits `total` twips by `ratios` into whole widths that add up to exactly `total`. */
export function columnWidths(total: number, ratios: number[]): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  const widths = ratios.map((r) => Math.floor((total * r) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (i === widths.length - 1 ? w + rest : w));
}

export interface CellOptions {
  columnSpan?: number;
  head?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  verticalAlign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
  /** Keeps the row on the page of the next one: a short table then never splits from its title. */
  keepWithNext?: boolean;
}

/** A cell of fixed width holding the given paragraphs. */
export function cell(children: Paragraph[], width: number, options: CellOptions = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({ style: styles.tableText })],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.verticalAlign ?? VerticalAlignTable.CENTER,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.head ? { shading: headShading } : {}),
  });
}

/** A cell of plain text; line breaks in the text become breaks in the cell. */
export function textCell(text: string, width: number, options: CellOptions = {}): TableCell {
  const paragraph = new Paragraph({
    style: options.head ? styles.tableHead : styles.tableText,
    ...(options.align ? { alignment: options.align } : {}),
    ...(options.keepWithNext ? { keepNext: true } : {}),
    children: textRuns(text),
  });
  return cell([paragraph], width, options);
}

export function headCell(text: string, width: number, options: CellOptions = {}): TableCell {
  return textCell(text, width, { align: AlignmentType.CENTER, ...options, head: true });
}

/** The column titles: shaded, repeated at the top of every page the table runs onto. */
export function headerRow(labels: string[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map((label, i) => headCell(label, widths[i] ?? 0)),
  });
}

export interface RowOptions {
  /** Twips; the row grows past it when its text needs more. */
  minHeight?: number;
  /** A row holding more text than a page must be allowed to continue on the next one. */
  splittable?: boolean;
}

export function bodyRow(cells: TableCell[], options: RowOptions = {}): TableRow {
  return new TableRow({
    cantSplit: !options.splittable,
    children: cells,
    ...(options.minHeight ? { height: { value: options.minHeight, rule: HeightRule.ATLEAST } } : {}),
  });
}

/** Real table: fixed layout and column widths, thin borders on every side. */
export function fixedTable(
  widths: number[],
  rows: TableRow[],
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): Table {
  return new Table({
    rows,
    alignment,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: cellMargins,
  });
}

/** A boxed note: a one-cell table with borders, which every word processor keeps in the text flow. */
export function boxedNote(text: string, width: number): Table {
  return fixedTable([width], [bodyRow([textCell(text, width, { align: AlignmentType.LEFT })])]);
}
