import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Attendance, attendanceLabels, attendanceSchema } from '../../../../electron/domain/desk';
import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { call, errorMessage } from '../../api';
import { meetingReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import tableStyles from '../../ui/table.module.css';
import meetingsStyles from '../meetings.module.css';
import styles from './AttendeesTab.module.css';

type NumberedAttendee = MeetingDetail['attendees'][number] & { no: number };
const attendeeColumns = {
  no: (a: NumberedAttendee) => a.no,
  field: (a: NumberedAttendee) => a.field,
  agency: (a: NumberedAttendee) => a.agencyName,
  title: (a: NumberedAttendee) => a.title,
  person: (a: NumberedAttendee) => a.personName,
  attendance: (a: NumberedAttendee) => attendanceLabels[a.attendance],
  scope: (a: NumberedAttendee) => (a.inScope ? '範囲内' : '範囲外'),
};

/**
 * 出席者名簿 in the order the 様式 print it, with each agency's place in the consent's 範囲 (rule 3)
 * and its 出欠 as the replies come in (the desk lists a meeting until every attendee is confirmed).
 */
export function AttendeesTab({
  meeting: m,
  onEdit,
}: {
  meeting: MeetingDetail;
  /** null for a 中止 meeting: it is no longer changed. */
  onEdit: (() => void) | null;
}) {
  const agencyCount = new Set(m.attendees.map((a) => a.agencyId)).size;
  const numbered = m.attendees.map((a, index) => ({ ...a, no: index + 1 }));
  const { rows, sort, sortBy } = useSortedRows(numbered, attendeeColumns);
  const queryClient = useQueryClient();
  const setAttendance = useMutation({
    mutationFn: (change: { attendeeId: string; attendance: Attendance }) =>
      call('meetings.setAttendance', { meetingId: m.id, ...change }),
    onSuccess: () => refresh(queryClient, [...meetingReads, 'desk.get']),
  });
  return (
    <section className={layoutStyles.panel} aria-labelledby="mt-attendees-title">
      <div className={meetingsStyles.sectionHead}>
        <h2 id="mt-attendees-title" className={layoutStyles.panelTitle}>
          出席者
          <span className={meetingsStyles.count}>
            {agencyCount}機関 {m.attendees.length}人
          </span>
        </h2>
        {onEdit && <Button onClick={onEdit}>出席者を変更</Button>}
      </div>
      {setAttendance.isError && <Notice tone="error">{errorMessage(setAttendance.error)}</Notice>}
      {m.attendees.length === 0 ? (
        <p className="muted">出席者はまだ登録されていません。「出席者を変更」から機関と出席者を加えます。</p>
      ) : (
        <div className={meetingsStyles.tableWrap}>
          <table className={cx(tableStyles.table, styles.attendeeTable)}>
            <thead>
              <tr>
                <SortableHeader column="no" sort={sort} onSort={sortBy} className={tableStyles.num}>
                  No.
                </SortableHeader>
                <SortableHeader column="field" sort={sort} onSort={sortBy}>
                  分野
                </SortableHeader>
                <SortableHeader column="agency" sort={sort} onSort={sortBy}>
                  機関名
                </SortableHeader>
                <SortableHeader column="title" sort={sort} onSort={sortBy}>
                  職名
                </SortableHeader>
                <SortableHeader column="person" sort={sort} onSort={sortBy}>
                  氏名
                </SortableHeader>
                <SortableHeader column="attendance" sort={sort} onSort={sortBy}>
                  出欠
                </SortableHeader>
                {m.kind === 'consented' && (
                  <SortableHeader column="scope" sort={sort} onSort={sortBy}>
                    同意の範囲
                  </SortableHeader>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className={a.inScope ? undefined : styles.isOutside}>
                  <td className={tableStyles.num}>{a.no}</td>
                  <td className="nowrap">{a.field}</td>
                  <td>{a.agencyName}</td>
                  <td>{a.title || <span className="muted">—</span>}</td>
                  <td>{a.personName || <span className="muted">—</span>}</td>
                  <td>
                    <select
                      className={styles.attendance}
                      aria-label={`${a.no} ${a.agencyName}の出欠`}
                      value={a.attendance}
                      disabled={onEdit === null || setAttendance.isPending}
                      onChange={(e) =>
                        setAttendance.mutate({
                          attendeeId: a.id,
                          attendance: attendanceSchema.parse(e.target.value),
                        })
                      }
                    >
                      {attendanceSchema.options.map((value) => (
                        <option key={value} value={value}>
                          {attendanceLabels[value]}
                        </option>
                      ))}
                    </select>
                  </td>
                  {m.kind === 'consented' && (
                    <td>
                      {a.inScope ? (
                        <span className="muted">
                          範囲内
                          {a.scopeReason && `（以前に記録した範囲外の理由：${a.scopeReason}）`}
                        </span>
                      ) : (
                        <>
                          <span className={meetingsStyles.scopeMark}>範囲外</span>
                          <span className={styles.scopeRecorded}>理由：{a.scopeReason}</span>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
