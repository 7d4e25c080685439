import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { timelineKindLabels } from '../labels';

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
    <section className="panel hh-section" aria-labelledby="hh-timeline-title">
      <h2 id="hh-timeline-title" className="hh-section-title">
        経過（タイムライン）
      </h2>
      <ol className="hh-timeline" data-testid="timeline">
        {keyed.map((entry) => (
          <li key={entry.key} className={`hh-timeline-item hh-timeline-${entry.kind}`}>
            <span className="hh-timeline-date">{formatWarekiDate(entry.on)}</span>
            <span className="hh-timeline-kind">{timelineKindLabels[entry.kind]}</span>
            <span className="hh-timeline-text">{entry.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
