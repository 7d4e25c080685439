/** A sheet as read from an .xlsx or a CSV file, before any column is interpreted. */

/** An Excel error value (#REF!, #N/A …): reported under its column, never imported as text. */
export class CellError {
  constructor(readonly code: string) {}
}

export type RawCell = string | number | Date | CellError | null;

export interface RawRow {
  /** The spreadsheet row number: the header is row 1. */
  rowNumber: number;
  cells: RawCell[];
}

export interface RawSheet {
  name: string;
  /** Non-blank rows only, header included. */
  rows: RawRow[];
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(cells: readonly (RawCell | undefined)[]): boolean {
  return cells.every(isBlankCell);
}
