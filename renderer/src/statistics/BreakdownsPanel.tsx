import type { Statistics } from '../../../electron/ipc/schemas/statistics';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { BreakdownSection } from './BreakdownSection';
import styles from './BreakdownsPanel.module.css';
import statisticsStyles from './statistics.module.css';

const breakdownOrder = ['課題', '相談経路の分野', '本人の年代', '世帯員数', '受付月'];

function ordered(names: string[]): string[] {
  return [
    ...breakdownOrder.filter((n) => names.includes(n)),
    ...names.filter((n) => !breakdownOrder.includes(n)),
  ];
}

/** Rule 13: breakdowns count consented households only; rule 12: how many cells were hidden and why. */
export function BreakdownsPanel({ stats, currentYear }: { stats: Statistics; currentYear: number }) {
  const { primary, secondary, explanation } = stats.suppression;
  const hiddenCount = primary + secondary;
  return (
    <section className={layoutStyles.panel} aria-labelledby="stats-breakdowns-title">
      <div className={statisticsStyles.sectionHead}>
        <h2 id="stats-breakdowns-title">内訳</h2>
        <p className="muted small">本人同意のある世帯のみ</p>
      </div>
      <Notice tone={hiddenCount > 0 ? 'warning' : 'info'} className={styles.suppression}>
        <p>
          <strong>{hiddenCount > 0 ? `「＊」で隠した欄: ${hiddenCount}か所` : '隠した欄はありません'}</strong>
          <span className={styles.suppressionBasis}>秘匿の基準: 1〜{stats.threshold - 1}件</span>
        </p>
        <p data-testid="suppression-explanation">{explanation}</p>
      </Notice>
      {ordered(Object.keys(stats.breakdowns)).map((name) => (
        <BreakdownSection
          key={name}
          name={name}
          rows={stats.breakdowns[name] ?? []}
          years={stats.fiscalYears}
          currentYear={currentYear}
        />
      ))}
      <p className={styles.footnote}>
        注:
        内訳は本人同意のある世帯のみを数えています。本人同意のない世帯（支援会議で扱う世帯）は、上の「年度別の実績」の年度合計にだけ含まれます。
        0は該当なし、「＊」は件数を表示しない欄です（0ではありません）。
      </p>
    </section>
  );
}
