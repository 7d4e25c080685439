import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { statusActionLabels } from '../../../../electron/domain/status-history';
import type { StatusChangeRecord } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { CorrectionHistory, VoidedMark } from '../corrections/CorrectionHistory';

interface StatusHistoryListProps {
  history: readonly StatusChangeRecord[];
  onCorrect: (change: StatusChangeRecord) => void;
  onVoid: (change: StatusChangeRecord) => void;
}

/** 状態の記録 (rule 17): every change in order; a mistaken 支援開始, 終結 or 再開 is corrected here. */
export function StatusHistoryList({ history, onCorrect, onVoid }: StatusHistoryListProps) {
  return (
    <ol className="hh-status-history" aria-label="状態の記録">
      {history.map((c) => (
        <li key={c.id} data-testid="status-change" className={c.voided ? 'is-voided' : undefined}>
          <div className="hh-consent-head">
            <span className="hh-consent-date">{formatWarekiDate(c.on)}</span>
            <span>
              {statusActionLabels[c.action]}
              {c.action === 'close' && c.closeReason && `（${c.closeReason}）`}
            </span>
            <span className="actions-spacer" />
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
