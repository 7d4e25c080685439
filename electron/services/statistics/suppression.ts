import type { Cell } from '../../ipc/schemas/statistics.js';

/**
 * Rule 12. Primary: 1 ≤ n < threshold is hidden. Secondary: wherever a total is shown, a line that
 * hides exactly one cell would give it away by subtraction, so one more cell (the smallest) is
 * hidden, repeating until every affected row and column hides none or at least two.
 */
export interface Grid {
  /** counts[row][column] */
  counts: number[][];
  /** Rows whose cells add up to a shown total per column: the last row is that total. */
  hasTotalRow: boolean;
}

export interface Suppressed {
  cells: Cell[][];
  primary: number;
  secondary: number;
}

export function suppress(grid: Grid, threshold: number): Suppressed {
  const { counts } = grid;
  const hidden = counts.map((row) => row.map((n) => n >= 1 && n < threshold));
  const primary = hidden.flat().filter(Boolean).length;
  let secondary = 0;

  const hideOneMore = (cells: [number, number][]) => {
    const open = cells.filter(([r, c]) => !hidden[r]?.[c]);
    // Prefer the smallest non-zero cell: hiding a known zero protects nothing.
    const pick =
      open
        .filter(([r, c]) => (counts[r]?.[c] ?? 0) > 0)
        .sort(([r1, c1], [r2, c2]) => (counts[r1]?.[c1] ?? 0) - (counts[r2]?.[c2] ?? 0))[0] ?? open[0];
    if (!pick) return false;
    const [r, c] = pick;
    const row = hidden[r];
    if (row) row[c] = true;
    secondary += 1;
    return true;
  };

  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    // Rows: the reader may know a row's total across the years shown (other publications).
    for (let r = 0; r < rows; r++) {
      const line = Array.from({ length: columns }, (_, c) => [r, c] as [number, number]);
      if (columns >= 2 && line.filter(([, c]) => hidden[r]?.[c]).length === 1)
        changed = hideOneMore(line) || changed;
    }
    // Columns: only where a total row is printed.
    if (grid.hasTotalRow) {
      for (let c = 0; c < columns; c++) {
        const line = Array.from({ length: rows }, (_, r) => [r, c] as [number, number]);
        if (line.filter(([r]) => hidden[r]?.[c]).length === 1) changed = hideOneMore(line) || changed;
      }
    }
  }

  return {
    cells: counts.map((row, r) => row.map((n, c) => (hidden[r]?.[c] ? '＊' : n))),
    primary,
    secondary,
  };
}
