import { consentValidOn, methodLabels } from '../../../../electron/domain/consent';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { ConsentHistory, ConsentRecord } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Tag } from '../../ui/Tag';
import { CorrectionHistory, VoidedMark } from '../corrections/CorrectionHistory';
import householdsStyles from '../households.module.css';
import styles from './ConsentRecordList.module.css';

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
    <ol className={styles.consents}>
      {records.map((r) => (
        <li
          key={r.id}
          data-testid="consent-row"
          className={cx(styles.consent, (r.voided || r.withdrawnOn) && styles.withdrawnRecord)}
        >
          <div className={cx(householdsStyles.recordHead, r.voided && householdsStyles.struck)}>
            <span className={householdsStyles.recordDate}>{formatWarekiDate(r.obtainedOn)}取得</span>
            <span>{methodLabels[r.method]}</span>
            <span className="muted">取得者 {r.obtainedBy}</span>
            {!r.voided && consentValidOn(r, today) && <Tag tone="success">有効</Tag>}
            {!r.voided && r.withdrawnOn && <Tag tone="danger">撤回済み</Tag>}
            <span className={layoutStyles.actionsSpacer} />
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
          <dl className={cx(styles.consentFacts, r.voided && householdsStyles.struck)}>
            <dt>範囲</dt>
            <dd>
              {r.allAgencies ? (
                '出席する全機関'
              ) : (
                <ul className={styles.scopeNames}>
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
                  <span className={styles.withdrawReason}>{r.withdrawReason}</span>
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
