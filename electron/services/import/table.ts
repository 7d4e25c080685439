import type { SheetDef } from './columns.js';
import { isBlankCell, type RawCell, type RawSheet } from './raw-sheet.js';

export interface TableRow {
  rowNumber: number;
  /** Keyed by column name; a column the sheet lacks is null. */
  cells: Record<string, RawCell>;
}

export interface Table {
  rows: TableRow[];
  /** Required columns the sheet lacks: reported once on the header, not again on every row. */
  missingColumns: Set<string>;
  /** Columns the sheet has: an optional column left out means its old meaning (同居: everyone). */
  presentColumns: Set<string>;
  errors: string[];
}

/** 「シート名 行N 列名: 理由」, the one shape every import error takes. */
export function rowError(sheet: string, rowNumber: number, column: string, reason: string): string {
  return `${sheet} 行${rowNumber} ${column}: ${reason}`;
}

/**
 * One sheet's errors, whichever step finds them (reading cells, rules across sheets, the legal
 * checks while writing): the header's first, then by row, so the list reads down the sheet.
 */
export class SheetErrors {
  readonly #header: string[] = [];
  readonly #rows: { rowNumber: number; text: string }[] = [];

  constructor(readonly sheet: string) {}

  /** Errors already worded, such as readTable's header problems. */
  addHeader(texts: readonly string[]): void {
    this.#header.push(...texts);
  }

  addText(rowNumber: number, texts: readonly string[]): void {
    this.#rows.push(...texts.map((text) => ({ rowNumber, text })));
  }

  add(rowNumber: number, column: string, reason: string): void {
    this.addText(rowNumber, [rowError(this.sheet, rowNumber, column, reason)]);
  }

  list(): string[] {
    return [...this.#header, ...this.#rows.toSorted((a, b) => a.rowNumber - b.rowNumber).map((e) => e.text)];
  }
}

/** 0 → A, 25 → Z, 26 → AA: how Excel names a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const headerText = (cell: RawCell | undefined) =>
  typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim().normalize('NFC') : '';

/**
 * Matches row 1 against the sheet's columns: exact names after trimming, any order. Unknown and
 * repeated names are errors, so a typo cannot silently drop a column of data.
 */
export function readTable(def: SheetDef, sheet: RawSheet): Table {
  const errors: string[] = [];
  const error = (rowNumber: number, column: string, reason: string) =>
    errors.push(rowError(def.name, rowNumber, column, reason));
  const [header, ...body] = sheet.rows;
  if (header?.rowNumber !== 1) {
    errors.push(`${def.name} 行1: 1行目に列名（見出し）を入れてください`);
    return { rows: [], missingColumns: new Set(), presentColumns: new Set(), errors };
  }
  const known = new Map(def.columns.map((c) => [c.name, c]));
  const positions = new Map<string, number>();
  const width = body.reduce((widest, row) => Math.max(widest, row.cells.length), header.cells.length);
  for (let i = 0; i < width; i++) {
    const name = headerText(header.cells[i]);
    if (name === '') {
      const stray = body.find((row) => !isBlankCell(row.cells[i]));
      if (stray) error(stray.rowNumber, `列${columnLetter(i)}`, '列名（1行目）のない列に値があります');
    } else if (!known.has(name)) {
      const unstarred = name.replace(/[*＊]$/, '');
      const hint = known.has(unstarred)
        ? `「*」を付けずに「${unstarred}」としてください`
        : `列名の誤りではありませんか。使える列名: ${def.columns.map((c) => c.name).join('、')}`;
      error(1, name, `知らない列名です（${hint}）`);
    } else if (positions.has(name)) error(1, name, '同じ列名が2つあります');
    else positions.set(name, i);
  }
  const missingColumns = new Set(
    def.columns.filter((c) => c.required && !positions.has(c.name)).map((c) => c.name),
  );
  for (const name of missingColumns) error(1, name, '必須の列がありません');
  const rows = body
    .map((row) => ({
      rowNumber: row.rowNumber,
      cells: Object.fromEntries(
        def.columns.map((c) => [c.name, row.cells[positions.get(c.name) ?? -1] ?? null]),
      ),
    }))
    // A row with data only under unknown columns is already reported on the header.
    .filter((row) => !Object.values(row.cells).every(isBlankCell));
  return { rows, missingColumns, presentColumns: new Set(positions.keys()), errors };
}
