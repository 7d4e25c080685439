import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import { timeRange } from '../../../electron/domain/time-range';
import { errorMessage } from '../api';
import { read } from '../queries';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './HouseholdMeetingsSection.module.css';
import { KindBadge } from './KindBadge';
import meetingsStyles from './meetings.module.css';

/**
 * A household's meetings, for its detail page: upcoming and held, what is still missing after each,
 * and 「会議を準備」 for this household. Opening one goes to the 会議 page.
 */
export function HouseholdMeetingsSection({ householdId }: { householdId: string }) {
  const navigate = useNavigate();
  const list = useQuery(read('meetings.list', { householdId }));
  const rows = list.data ?? [];
  return (
    <section className={layoutStyles.panel} aria-labelledby="mt-household-title">
      <div className={meetingsStyles.sectionHead}>
        <h2 id="mt-household-title" className={layoutStyles.panelTitle}>
          会議<span className={meetingsStyles.count}>{rows.length}件</span>
        </h2>
        <Button
          variant="primary"
          onClick={() => void navigate({ to: '/meetings/new', search: { householdId } })}
        >
          会議を準備
        </Button>
      </div>
      {list.isError && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      {list.isSuccess && rows.length === 0 && <p className="muted">この世帯の会議はまだありません。</p>}
      {rows.length > 0 && (
        <ul className={styles.householdList}>
          {rows.map((m) => (
            <li key={m.id} className={styles.householdItem}>
              <button
                type="button"
                className={styles.householdOpen}
                onClick={() => void navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } })}
              >
                <span className={styles.householdDate}>
                  {formatWarekiDate(m.heldOn)} {timeRange(m.startTime, m.endTime)}
                </span>
                <KindBadge kind={m.kind} />
                <span className="muted">{m.place}</span>
              </button>
              {m.missing.length > 0 && (
                <ul className={cx(meetingsStyles.missing, styles.householdMissing)}>
                  {m.missing.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
