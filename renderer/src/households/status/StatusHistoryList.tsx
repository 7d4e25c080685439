import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { statusActionLabels } from '../../../../electron/domain/status-history';
import type { StatusChangeRecord } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { CorrectionHistory, VoidedMark } from '../corrections/CorrectionHistory';
import householdsStyles from '../households.module.css';
import styles from './StatusHistoryList.module.css';

interface StatusHistoryListProps {
  history: readonly StatusChangeRecord[];
  onCorrect: (change: StatusChangeRecord) => void;
  onVoid: (change: StatusChangeRecord) => void;
}

/** 状態の記録 (rule 17): every change in order; a mistaken 支援開始, 終結 or 再開 is corrected here. */
export function StatusHistoryList({ history, onCorrect, onVoid }: StatusHistoryListProps) {
  return (
    <ol className={styles.statusHistory} aria-label="状態の記録">
      {history.map((c) => (
        <li key={c.id} data-testid="status-change">
          <div className={cx(householdsStyles.recordHead, c.voided && householdsStyles.struck)}>
            <span className={householdsStyles.recordDate}>{formatWarekiDate(c.on)}</span>
            <span>
              {statusActionLabels[c.action]}
              {c.action === 'close' && c.closeReason && `（${c.closeReason}）`}
            </span>
            <span className={layoutStyles.actionsSpacer} />
            {!c.voided && c.action !== 'received' && (
              <>
                <Button variant="link" onClick={() => onCorrect(c)}>
                  訂正
                </Button>
                <Button variant="link" onClick={() => onVoid(c)}>
                  取消
                </Button>
              </>
            )}
          </div>
          <VoidedMark voided={c.voided} />
          <CorrectionHistory
            corrections={c.corrections}
            renderBefore={(b) => (
              <span>
                {formatWarekiDate(b.on)}
                {b.reason && `（${b.reason}）`}
              </span>
            )}
          />
        </li>
      ))}
    </ol>
  );
}
