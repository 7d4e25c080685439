import { type ReactNode, useRef } from 'react';
import styles from './ChartFigure.module.css';
import { useElementWidth } from './useElementWidth';

const minWidth = 320;
const maxWidth = 640;

/** The chart's column: measures itself and hands the chart a width between 320 and 640 px. */
export function ChartFigure({ children }: { children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const width = useElementWidth(ref, 520);
  return (
    <figure ref={ref} className={styles.figure}>
      {children(Math.min(maxWidth, Math.max(minWidth, width)))}
    </figure>
  );
}
