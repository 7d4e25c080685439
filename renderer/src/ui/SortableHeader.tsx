import { type ReactNode, useState } from 'react';
import styles from './SortableHeader.module.css';
import { nextSort, type SortState, type SortValue, sortRows } from './sort';

/**
 * Sorting a table by its column headers, for every table: each header is a button (Enter or Space
 * with the keyboard), the sorted column says so to screen readers (aria-sort) and shows ▲ or ▼.
 */
export function useSortedRows<T, K extends string>(
  rows: readonly T[],
  columns: Readonly<Record<K, (row: T) => SortValue>>,
  initial: SortState<K> | null = null,
) {
  const [sort, setSort] = useState<SortState<K> | null>(initial);
  return {
    rows: sortRows(rows, columns, sort),
    sort,
    sortBy: (column: K) => setSort((current) => nextSort(current, column)),
  };
}

/** The ▲/▼ is drawn by the stylesheet, so the heading's text stays the heading alone. */
const markStyles = {
  ascending: styles.markAscending,
  descending: styles.markDescending,
};

interface SortableHeaderProps<K extends string> {
  column: K;
  sort: SortState<K> | null;
  onSort: (column: K) => void;
  className?: string | undefined;
  /** What the column sorts by, when it is not the heading itself (表示名 → 本人のふりがな). */
  sortsBy?: string;
  /** Shown under the heading, outside the button (「年度途中」). */
  note?: ReactNode;
  children: string;
}

export function SortableHeader<K extends string>({
  column,
  sort,
  onSort,
  className,
  sortsBy,
  note,
  children,
}: SortableHeaderProps<K>) {
  const direction = sort?.column === column ? sort.direction : undefined;
  return (
    <th scope="col" className={className} aria-sort={direction ?? 'none'}>
      <button
        type="button"
        className={styles.button}
        onClick={() => onSort(column)}
        title={`${sortsBy ?? children}で並べ替え`}
      >
        {children}
        <span className={direction ? markStyles[direction] : styles.mark} aria-hidden="true" />
      </button>
      {note}
    </th>
  );
}
