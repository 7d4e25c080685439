/** What a table column sorts by: text (Japanese order), a number, or an ISO date; empty always last. */
export type SortValue = string | number | null | undefined;

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  column: K;
  direction: SortDirection;
}

const collator = new Intl.Collator('ja', { numeric: true, sensitivity: 'base' });

function compareValues(a: SortValue, b: SortValue): number {
  const empty = (v: SortValue) => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows in the column's order. Stable: rows that compare equal keep the order they came in (the
 * service's order), and empty values stay at the end whichever way the column is sorted.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  columns: Readonly<Record<K, (row: T) => SortValue>>,
  state: SortState<K> | null,
): T[] {
  if (!state) return [...rows];
  const value = columns[state.column];
  const sign = state.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const empties = compareValues(a.key, b.key);
      const oneEmpty = (a.key ?? '') === '' || (b.key ?? '') === '';
      return (oneEmpty ? empties : sign * empties) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** A click on a header: a new column sorts ascending, the same column turns round. */
export function nextSort<K extends string>(current: SortState<K> | null, column: K): SortState<K> {
  if (current?.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}
