import { fiscalYearLabel } from '../../../../electron/domain/fiscal-year';
import { type Cell, isSuppressed } from '../cells';

/** The hover text of one bar or point: what it is, which 年度, and the count or why it is hidden. */
export function cellTitle(label: string, fy: number, cell: Cell | undefined): string {
  const value = isSuppressed(cell) ? '＊（件数を表示しません）' : `${cell ?? 0}件`;
  return `${label}　${fiscalYearLabel(fy)}：${value}`;
}
