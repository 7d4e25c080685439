import { fiscalYearLabel } from '../../../electron/domain/fiscal-year';
import { cx } from '../ui/cx';
import { SortableHeader, useSortedRows } from '../ui/SortableHeader';
import tableStyles from '../ui/table.module.css';
import styles from './CountTable.module.css';

const cellLook = { value: undefined, zero: styles.cellZero, suppressed: styles.cellSuppressed };

import { type CountRow, cellKind, cellText } from './cells';

interface CountTableProps {
  caption: string;
  /** The first column's heading (項目, 課題, 本人の年代…). */
  rowHeading: string;
  rows: readonly CountRow[];
  years: readonly number[];
  /** The 年度 still running: its column says so, so nobody compares half a year with a whole one. */
  currentYear: number;
}

const hiddenTitle = '件数を表示しません（少ない件数、または引き算で分からないよう隠した欄）';

/** Counts per 年度: ＊ stays ＊, 0 stays 0, the 合計 row is set apart. */
export function CountTable({ caption, rowHeading, rows, years, currentYear }: CountTableProps) {
  // The 合計 row stays at the foot whatever the order; a hidden count (＊) sorts last.
  const body = rows.filter((r) => r.label !== '合計');
  const totals = rows.filter((r) => r.label === '合計');
  const columns: Record<string, (row: CountRow) => string | number | null> = {
    label: (row) => row.label,
  };
  years.forEach((fy, i) => {
    columns[String(fy)] = (row) => {
      const cell = row.cells[i];
      return typeof cell === 'number' ? cell : null;
    };
  });
  const { rows: sorted, sort, sortBy } = useSortedRows(body, columns);
  return (
    <table className={cx(tableStyles.table, styles.table)}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <SortableHeader column="label" sort={sort} onSort={sortBy}>
            {rowHeading}
          </SortableHeader>
          {years.map((fy) => (
            <SortableHeader
              key={fy}
              column={String(fy)}
              sort={sort}
              onSort={sortBy}
              className={styles.num}
              note={fy === currentYear && <span className={styles.running}> 年度途中</span>}
            >
              {fiscalYearLabel(fy)}
            </SortableHeader>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...sorted, ...totals].map((row) => (
          <tr key={row.label} className={row.label === '合計' ? styles.total : undefined}>
            <th scope="row">{row.label}</th>
            {years.map((fy, i) => {
              const kind = cellKind(row.cells[i]);
              return (
                <td
                  key={fy}
                  className={cx(styles.num, cellLook[kind])}
                  title={kind === 'suppressed' ? hiddenTitle : undefined}
                >
                  {cellText(row.cells[i])}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
