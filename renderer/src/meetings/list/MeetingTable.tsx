import type { KeyboardEvent } from 'react';
import { planStatusLabels } from '../../../../electron/domain/meeting';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { timeRange } from '../../../../electron/domain/time-range';
import type { MeetingSummary } from '../../../../electron/ipc/schemas/meetings';
import { cx } from '../../ui/cx';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import tableStyles from '../../ui/table.module.css';
import { KindBadge } from '../KindBadge';
import { MeetingStateTag } from '../lifecycle/MeetingLifecycle';
import meetingsStyles from '../meetings.module.css';
import styles from './MeetingTable.module.css';

interface MeetingTableProps {
  rows: readonly MeetingSummary[];
  label: string;
  /** Past meetings: what is still to be done (「会議報告（様式4）が未発行」…). */
  showMissing?: boolean;
  onOpen: (id: string) => void;
}

/** ↑ and ↓ move between the rows' open buttons; Enter (or a click anywhere on the row) opens. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-open]')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

const meetingColumns = {
  date: (m: MeetingSummary) => `${m.heldOn} ${m.startTime ?? ''}`,
  time: (m: MeetingSummary) => m.startTime,
  kind: (m: MeetingSummary) => m.kind,
  household: (m: MeetingSummary) => m.caseNo,
  place: (m: MeetingSummary) => m.place,
  attendees: (m: MeetingSummary) => m.attendeeCount,
  plan: (m: MeetingSummary) => planStatusLabels[m.planStatus],
  missing: (m: MeetingSummary) => m.missing.length,
};

export function MeetingTable({ rows: given, label, showMissing = false, onOpen }: MeetingTableProps) {
  const { rows, sort, sortBy } = useSortedRows(given, meetingColumns);
  const header = (column: keyof typeof meetingColumns, text: string, className?: string) => (
    <SortableHeader column={column} sort={sort} onSort={sortBy} className={className}>
      {text}
    </SortableHeader>
  );
  return (
    <div className={meetingsStyles.tableWrap}>
      <table className={cx(tableStyles.table, styles.table)} aria-label={label}>
        {/* The same widths in 予定 and 開催済み, so the two tables line up. */}
        <colgroup>
          <col className={styles.colDate} />
          <col className={styles.colTime} />
          <col className={styles.colKind} />
          <col />
          <col />
          <col className={styles.colCount} />
          <col className={styles.colState} />
        </colgroup>
        <thead>
          <tr>
            {header('date', '日付')}
            {header('time', '時刻')}
            {header('kind', '種別')}
            {header('household', '世帯')}
            {header('place', '場所')}
            {header('attendees', '出席者', tableStyles.num)}
            {showMissing ? header('missing', '未完了の作業') : header('plan', '支援プラン')}
          </tr>
        </thead>
        <tbody onKeyDown={moveBetweenRows}>
          {rows.map((m) => (
            <tr key={m.id} data-testid="meeting-row" className={styles.row}>
              <td className="nowrap">
                <button type="button" className={styles.open} data-open onClick={() => onOpen(m.id)}>
                  {formatWarekiDate(m.heldOn)}
                </button>
              </td>
              <td className="nowrap">
                {timeRange(m.startTime, m.endTime) || <span className="muted">—</span>}
              </td>
              <td className="nowrap">
                <KindBadge kind={m.kind} />
              </td>
              <td>
                <span className={meetingsStyles.caseno}>{m.caseNo}</span>
                {m.householdLabel}
              </td>
              <td>{m.place || <span className="muted">—</span>}</td>
              <td className={cx(tableStyles.num, 'nowrap')}>{m.attendeeCount}人</td>
              <td>
                {m.cancelled || m.migrated === 'pastRecord' ? (
                  <MeetingStateTag meeting={m} />
                ) : showMissing ? (
                  m.missing.length === 0 ? (
                    <span className={styles.done}>完了</span>
                  ) : (
                    <ul className={meetingsStyles.missing}>
                      {m.missing.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  )
                ) : (
                  <span className="muted">{planStatusLabels[m.planStatus]}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
