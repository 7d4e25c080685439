import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import householdsStyles from '../households.module.css';
import { timelineKindLabels } from '../labels';
import styles from './Timeline.module.css';

const kindLine: Partial<Record<HouseholdDetail['timeline'][number]['kind'], string>> = {
  consentGranted: styles.consentGranted,
  consentWithdrawn: styles.consentWithdrawn,
  status: styles.status,
};

/** 経過: 受付, 同意, 状態 and 支援経過 on one line each, newest first (as the service orders them). */
export function Timeline({ entries }: { entries: HouseholdDetail['timeline'] }) {
  // Entries carry no id: the key is their content, numbered when two are identical.
  const seen = new Map<string, number>();
  const keyed = entries.map((entry) => {
    const base = `${entry.on}|${entry.kind}|${entry.text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...entry, key: `${base}|${n}` };
  });
  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-timeline-title">
      <h2 id="hh-timeline-title" className={householdsStyles.sectionTitle}>
        経過（タイムライン）
      </h2>
      <ol className={styles.timeline} data-testid="timeline">
        {keyed.map((entry) => (
          <li key={entry.key} className={cx(styles.item, kindLine[entry.kind])}>
            <span className={styles.date}>{formatWarekiDate(entry.on)}</span>
            <span className={styles.kind}>{timelineKindLabels[entry.kind]}</span>
            <span className={styles.text}>{entry.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
