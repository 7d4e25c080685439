import type { Cell } from '../../../electron/ipc/schemas/statistics';

export type { Cell };

/** Rule 12: 「＊」 is a hidden count, never a zero and never a number to guess. */
const suppressedMark = '＊';

export function isSuppressed(cell: Cell | undefined): cell is '＊' {
  return cell === suppressedMark;
}

type CellKind = 'value' | 'zero' | 'suppressed';

export function cellKind(cell: Cell | undefined): CellKind {
  if (isSuppressed(cell)) return 'suppressed';
  return (cell ?? 0) === 0 ? 'zero' : 'value';
}

const numberFormat = new Intl.NumberFormat('ja-JP');

export function cellText(cell: Cell | undefined): string {
  return isSuppressed(cell) ? suppressedMark : numberFormat.format(cell ?? 0);
}

/** One row of a table or chart: a label and one cell per 年度, in the order of the columns. */
export interface CountRow {
  label: string;
  cells: Cell[];
}

export function rowsFrom(
  rows: readonly { label: string; values: Record<string, Cell> }[],
  years: readonly number[],
): CountRow[] {
  return rows.map((r) => ({ label: r.label, cells: years.map((y) => r.values[String(y)] ?? 0) }));
}
