import { cx } from '../ui/cx';
import styles from './layout.module.css';

/**
 * Up to three 年度 the chart sits beside its table, and every table on the page has the same width
 * (so the charts line up); with more, the table needs the whole width and the chart goes under it.
 */
export function pairClass(yearCount: number): string {
  const width =
    yearCount > 3
      ? styles.pairStacked
      : yearCount === 3
        ? styles.pair3
        : yearCount === 2
          ? styles.pair2
          : undefined;
  return cx(styles.pair, width);
}
