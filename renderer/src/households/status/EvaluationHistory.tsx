import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { evaluationSheet } from '../../../../electron/domain/forms';
import { achievementLabels } from '../../../../electron/domain/monitoring';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import type { Evaluation } from '../../../../electron/ipc/schemas/monitoring';
import { errorMessage } from '../../api';
import { DocumentGate } from '../../documents/DocumentGate';
import { useKindLabels } from '../../meetings/labels';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Notice } from '../../ui/Notice';
import tableStyles from '../../ui/table.module.css';
import householdsStyles from '../households.module.css';
import styles from './EvaluationHistory.module.css';

/**
 * 評価 (rule 20): each 終結's evaluation, newest first, kept through 再開; 「評価シートを出す」 issues
 * its 評価シート through the 159条 gate. A 終結 that was taken back (取消) is shown struck, not issued.
 */
export function EvaluationHistory({ household }: { household: HouseholdDetail }) {
  const evaluations = useQuery(read('evaluations.list', { householdId: household.id }));
  const labels = useKindLabels();
  const [issuing, setIssuing] = useState<Evaluation | null>(null);
  // Rule 4 as the service decides it: labels unless consented today and the evaluated plan was not a 支援会議's.
  const kind =
    household.consent === 'granted' && issuing?.meetingKind !== 'unconsented' ? 'consented' : 'unconsented';
  if (evaluations.isError) return <Notice tone="error">{errorMessage(evaluations.error)}</Notice>;
  if (!evaluations.data || evaluations.data.length === 0) return null;
  return (
    <div className={styles.history}>
      <h3 className={styles.title}>終結時の評価</h3>
      <ol className={styles.list} aria-label="終結時の評価">
        {evaluations.data.map((e) => (
          <li key={e.id} data-testid="evaluation" className={styles.item}>
            <div className={cx(householdsStyles.recordHead, e.closingVoided && householdsStyles.struck)}>
              <span className={householdsStyles.recordDate}>{formatWarekiDate(e.closedOn)} 終結</span>
              <span>{e.closeReason}</span>
              {e.handoverAgencyName && <span>引継ぎ先: {e.handoverAgencyName}</span>}
              {e.meetingNo && <span className="muted small">評価したプラン: {e.meetingNo}</span>}
              {e.reopenedOn && <span className="muted small">{formatWarekiDate(e.reopenedOn)} 再開</span>}
              <span className={styles.spacer} />
              {!e.closingVoided && <Button onClick={() => setIssuing(e)}>評価シートを出す</Button>}
            </div>
            {e.closingVoided && <p className="muted small">この終結は取り消されています。</p>}
            {e.rows.length > 0 && (
              <div className={tableStyles.wrap}>
                <table className={tableStyles.table}>
                  <thead>
                    <tr>
                      <th scope="col">対象</th>
                      <th scope="col">目標</th>
                      <th scope="col">達成状況</th>
                      <th scope="col">コメント</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.rows.map((r, i) => (
                      // The rows are a copy that never changes: their order is their identity.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <tr key={i}>
                        <th scope="row" className="nowrap">
                          {r.heading}
                        </th>
                        <td>{r.goal || '—'}</td>
                        <td className="nowrap">{achievementLabels[r.achievement]}</td>
                        <td>{r.comment || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ol>
      <DocumentGate
        document={issuing ? evaluationSheet.key : null}
        title={evaluationSheet.title}
        householdId={household.id}
        {...(issuing ? { evaluationId: issuing.id } : {})}
        numberedCopies={issuing?.meetingNo !== null && issuing?.meetingNo !== undefined}
        kind={kind}
        kindLabel={labels[kind]}
        noticeNumber={null}
        onClose={() => setIssuing(null)}
      />
    </div>
  );
}
