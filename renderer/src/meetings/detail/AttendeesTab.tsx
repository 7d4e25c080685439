import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import tableStyles from '../../ui/table.module.css';
import meetingsStyles from '../meetings.module.css';
import styles from './AttendeesTab.module.css';

/** 出席者名簿 in the order the 様式 print it, with each agency's place in the consent's 範囲 (rule 3). */
export function AttendeesTab({
  meeting: m,
  onEdit,
}: {
  meeting: MeetingDetail;
  /** null for a 中止 meeting: it is no longer changed. */
  onEdit: (() => void) | null;
}) {
  const agencyCount = new Set(m.attendees.map((a) => a.agencyId)).size;
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
      {m.attendees.length === 0 ? (
        <p className="muted">出席者はまだ登録されていません。「出席者を変更」から機関と出席者を加えます。</p>
      ) : (
        <div className={meetingsStyles.tableWrap}>
          <table className={cx(tableStyles.table, styles.attendeeTable)}>
            <thead>
              <tr>
                <th scope="col" className={tableStyles.num}>
                  No.
                </th>
                <th scope="col">分野</th>
                <th scope="col">機関名</th>
                <th scope="col">職名</th>
                <th scope="col">氏名</th>
                {m.kind === 'consented' && <th scope="col">同意の範囲</th>}
              </tr>
            </thead>
            <tbody>
              {m.attendees.map((a, index) => (
                <tr key={a.id} className={a.inScope ? undefined : styles.isOutside}>
                  <td className={tableStyles.num}>{index + 1}</td>
                  <td className="nowrap">{a.field}</td>
                  <td>{a.agencyName}</td>
                  <td>{a.title || <span className="muted">—</span>}</td>
                  <td>{a.personName || <span className="muted">—</span>}</td>
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
