import { useId } from 'react';
import { fiscalYearLabel } from '../../../../electron/domain/fiscal-year';
import styles from './Legend.module.css';
import { seriesFill } from './scale';

interface LegendProps {
  years: readonly number[];
  /** Shows the ＊ key when the chart has hidden cells. */
  hasSuppressed: boolean;
}

/** The key under a bar chart: one swatch per 年度 (oldest lightest), and what a hatched ＊ means. */
export function Legend({ years, hasSuppressed }: LegendProps) {
  const hatchId = `${useId().replace(/[^A-Za-z0-9_-]/g, '')}-key`;
  return (
    <ul className={styles.legend} aria-label="凡例">
      {years.map((fy, i) => (
        <li key={fy}>
          <svg className={styles.swatch} viewBox="0 0 14 14" aria-hidden="true">
            <rect width="14" height="14" rx="2" fill={seriesFill(i, years.length)} />
          </svg>
          {fiscalYearLabel(fy)}
        </li>
      ))}
      {hasSuppressed && (
        <li>
          <svg className={styles.swatch} viewBox="0 0 14 14" aria-hidden="true">
            <defs>
              <pattern
                id={hatchId}
                width="4"
                height="4"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="4" height="4" fill="#f1f2f4" />
                <line x1="0" y1="0" x2="0" y2="4" stroke="#7b8491" strokeWidth="2" />
              </pattern>
            </defs>
            <rect width="14" height="14" rx="2" fill={`url(#${hatchId})`} stroke="#7b8491" />
          </svg>
          ＊ 件数を表示しない欄（長さは件数ではありません）
        </li>
      )}
    </ul>
  );
}
