import { type ReactNode, useId } from 'react';
import styles from './ChartFrame.module.css';

interface ChartFrameProps {
  width: number;
  height: number;
  /** Said first by a screen reader and shown on hover. */
  title: string;
  /** The chart in one or two sentences (the table beside it has every number). */
  desc: string;
  /** Gets the fill for hidden (＊) cells: a grey hatch defined once per chart. */
  children: (hatchFill: string) => ReactNode;
}

/** An SVG chart with its <title>/<desc>, sized by its viewBox so it shrinks with the column. */
export function ChartFrame({ width, height, title, desc, children }: ChartFrameProps) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const hatchId = `${id}-hatch`;
  return (
    <svg
      className={styles.chartSvg}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <pattern
          id={hatchId}
          width="5"
          height="5"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="5" height="5" fill="#f1f2f4" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="#7b8491" strokeWidth="2" />
        </pattern>
      </defs>
      {children(`url(#${hatchId})`)}
    </svg>
  );
}
