import styles from './EmptyNote.module.css';
/** Said in the plot when no bar can be drawn: every count is hidden (＊) or zero. */
export function EmptyNote({ x, y }: { x: number; y: number }) {
  return (
    <text className={styles.emptyNote} x={x} y={y} textAnchor="middle" dominantBaseline="central">
      棒で示せる件数はありません（＊または0のみ）
    </text>
  );
}
