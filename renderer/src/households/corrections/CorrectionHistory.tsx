import type { ReactNode } from 'react';
import { formatWarekiDateTime } from '../../../../electron/domain/office-day';
import styles from './corrections.module.css';

interface CorrectionEntry<Before> {
  id: number;
  action: 'void' | 'correct';
  reason: string;
  before: Before;
  at: string;
  userName: string | null;
}

/**
 * The earlier versions of a record (rule 18), newest first: what it said, and when, by whom and why
 * it was corrected or voided.
 */
export function CorrectionHistory<Before>({
  corrections,
  renderBefore,
}: {
  corrections: readonly CorrectionEntry<Before>[];
  renderBefore: (before: Before) => ReactNode;
}) {
  if (corrections.length === 0) return null;
  return (
    <details className={styles.history}>
      <summary>訂正・取消の履歴（{corrections.length}件）</summary>
      <ol className={styles.entries}>
        {[...corrections].reverse().map((c) => (
          <li key={c.id} className={styles.entry} data-testid="correction">
            <p className={styles.head}>
              <span className={c.action === 'void' ? styles.voidTag : styles.correctTag}>
                {c.action === 'void' ? '取消' : '訂正'}
              </span>
              <span>{formatWarekiDateTime(c.at)}</span>
              {c.userName && <span>{c.userName}</span>}
            </p>
            <p className={styles.reason}>理由：{c.reason || '（記録なし・移行前の修正）'}</p>
            <div className={styles.before}>
              <span className={styles.beforeLabel}>{c.action === 'void' ? '取り消した内容' : '訂正前'}</span>
              {renderBefore(c.before)}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A voided record stays in its list: marked, with the reason, and no longer counted. */
export function VoidedMark({ voided }: { voided: { at: string; reason: string } | null }) {
  if (!voided) return null;
  return (
    <p className={styles.voided} data-testid="voided">
      <span className={styles.voidTag}>取消</span>
      {formatWarekiDateTime(voided.at)}　理由：{voided.reason}
    </p>
  );
}
