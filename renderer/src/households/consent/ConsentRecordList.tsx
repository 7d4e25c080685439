import { consentValidOn, methodLabels } from '../../../../electron/domain/consent';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { ConsentHistory, ConsentRecord } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { CorrectionHistory, VoidedMark } from '../corrections/CorrectionHistory';

interface ConsentRecordListProps {
  /** Newest first; voided records included (rule 18). */
  records: readonly ConsentHistory[];
  /** Names in display order: a record's 範囲 is listed in this order. */
  agencyNames: ReadonlyMap<string, string>;
  today: string;
  onWithdraw: (record: ConsentRecord) => void;
  onCorrect: (record: ConsentRecord) => void;
  onVoid: (record: ConsentRecord) => void;
}

/**
 * Each record on two or three short lines (取得, 範囲, 撤回) rather than a wide table: agency names
 * stay whole in the detail's narrow column. A voided record stays, struck through, with its reason.
 */
export function ConsentRecordList({
  records,
  agencyNames,
  today,
  onWithdraw,
  onCorrect,
  onVoid,
}: ConsentRecordListProps) {
  const position = new Map([...agencyNames.keys()].map((id, i) => [id, i]));
  const inOrder = (ids: readonly string[]) =>
    [...ids].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
  const scope = (r: Pick<ConsentRecord, 'allAgencies' | 'agencyIds'>) =>
    r.allAgencies
      ? '出席する全機関'
      : inOrder(r.agencyIds)
          .map((id) => agencyNames.get(id) ?? '（不明な機関）')
          .join('、');
  return (
    <ol className="hh-consents">
      {records.map((r) => (
        <li
          key={r.id}
          data-testid="consent-row"
          className={
            r.voided
              ? 'hh-consent is-withdrawn is-voided'
              : r.withdrawnOn
                ? 'hh-consent is-withdrawn'
                : 'hh-consent'
          }
        >
          <div className="hh-consent-head">
            <span className="hh-consent-date">{formatWarekiDate(r.obtainedOn)}取得</span>
            <span>{methodLabels[r.method]}</span>
            <span className="muted">取得者 {r.obtainedBy}</span>
            {!r.voided && consentValidOn(r, today) && <span className="tag hh-valid">有効</span>}
            {!r.voided && r.withdrawnOn && <span className="tag hh-withdrawn">撤回済み</span>}
            <span className="actions-spacer" />
            {!r.voided && (
              <>
                {!r.withdrawnOn && (
                  <Button variant="link" onClick={() => onWithdraw(r)}>
                    撤回を記録
                  </Button>
                )}
                <Button variant="link" onClick={() => onCorrect(r)}>
                  訂正
                </Button>
                <Button variant="link" onClick={() => onVoid(r)}>
                  取消
                </Button>
              </>
            )}
          </div>
          <VoidedMark voided={r.voided} />
          <dl className="hh-consent-facts">
            <dt>範囲</dt>
            <dd>
              {r.allAgencies ? (
                '出席する全機関'
              ) : (
                <ul className="hh-scope-names">
                  {inOrder(r.agencyIds).map((id) => (
                    <li key={id}>{agencyNames.get(id) ?? '（不明な機関）'}</li>
                  ))}
                </ul>
              )}
            </dd>
            {r.withdrawnOn && (
              <>
                <dt>撤回</dt>
                <dd>
                  <span className="nowrap">{formatWarekiDate(r.withdrawnOn)}</span>
                  <span className="hh-withdraw-reason">{r.withdrawReason}</span>
                </dd>
              </>
            )}
          </dl>
          <CorrectionHistory
            corrections={r.corrections}
            renderBefore={(b) => (
              <span>
                {formatWarekiDate(b.obtainedOn)}取得・{methodLabels[b.method]}・取得者 {b.obtainedBy || '—'}
                ・範囲 {scope(b)}
                {b.withdrawnOn && `・${formatWarekiDate(b.withdrawnOn)}撤回（${b.withdrawReason ?? ''}）`}
              </span>
            )}
          />
        </li>
      ))}
    </ol>
  );
}
