import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import styles from './PlanUnfinalizations.module.css';

/** Each withdrawal of the plan's 確定, newest first, with who and why (rule 18). */
export function PlanUnfinalizations({ meeting }: { meeting: MeetingDetail }) {
  if (meeting.planUnfinalizations.length === 0) return null;
  return (
    <details className={styles.history}>
      <summary>確定の取消の履歴（{meeting.planUnfinalizations.length}件）</summary>
      <ul className={styles.entries}>
        {meeting.planUnfinalizations.map((u) => (
          <li key={u.at} className={styles.entry}>
            <span className={styles.when}>{formatWarekiDate(u.at)}</span>
            {u.userName && <span className={styles.who}>{u.userName}</span>}
            <span>理由：{u.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
