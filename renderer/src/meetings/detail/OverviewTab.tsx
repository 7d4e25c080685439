import { useQuery } from '@tanstack/react-query';
import { consentLabels } from '../../../../electron/domain/consent';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { timeRange } from '../../../../electron/domain/time-range';
import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { read } from '../../queries';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { useKindLabels } from '../labels';
import meetingsStyles from '../meetings.module.css';
import styles from './OverviewTab.module.css';

/** 日時・場所・通知の項目、会次第、配布資料、and what is still to be done after the meeting. */
export function OverviewTab({ meeting: m }: { meeting: MeetingDetail }) {
  const labels = useKindLabels();
  const settings = useQuery(read('settings.get', {}));
  const prefix = settings.data?.documentNumberPrefix ?? '';
  const number = m.noticeNumber?.trim() ?? '';
  const printedNumber = number === '' ? '事務連絡' : `${prefix}${number}${number.endsWith('号') ? '' : '号'}`;

  return (
    <div>
      {m.missing.length > 0 && (
        <Notice tone="warning" className={styles.notice}>
          <p className={styles.noticeTitle}>会議後の作業が残っています</p>
          <ul className={meetingsStyles.missing}>
            {m.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Notice>
      )}
      {m.dateWarning && (
        <Notice tone="warning" className={styles.notice}>
          {m.dateWarning}
        </Notice>
      )}
      <div className={styles.overviewGrid}>
        <section className={layoutStyles.panel} aria-labelledby="mt-facts-title">
          <h2 id="mt-facts-title" className={layoutStyles.panelTitle}>
            会議
          </h2>
          <dl className={styles.facts}>
            <dt>種別</dt>
            <dd>{labels[m.kind]}</dd>
            <dt>日時</dt>
            <dd>
              {formatWarekiDate(m.heldOn)} {timeRange(m.startTime, m.endTime)}
            </dd>
            <dt>場所</dt>
            <dd>{m.place || <span className="muted">未定</span>}</dd>
            <dt>本人同意</dt>
            <dd>{consentLabels[m.consentOnDate]}（会議の日）</dd>
            <dt>文書番号</dt>
            <dd>{printedNumber}</dd>
            <dt>発信日</dt>
            <dd>{formatWarekiDate(m.issuedOn)}</dd>
            <dt>回答期限</dt>
            <dd>{m.replyBy ? formatWarekiDate(m.replyBy) : <span className="muted">なし</span>}</dd>
          </dl>
        </section>
        <section className={layoutStyles.panel} aria-labelledby="mt-agenda-title">
          <h2 id="mt-agenda-title" className={layoutStyles.panelTitle}>
            会次第
          </h2>
          {m.agenda.length === 0 ? (
            <p className="muted">会次第はありません。</p>
          ) : (
            <ol className={styles.agenda}>
              {m.agenda.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines may repeat; their order is their identity.
                <li key={index}>{item}</li>
              ))}
            </ol>
          )}
          <h3 className={styles.subheading}>その他の配布資料</h3>
          {m.handouts.length === 0 ? (
            <p className="muted">ありません（検討シート・家族構成図は様式2に自動で載ります）。</p>
          ) : (
            <ul className={styles.handouts}>
              {m.handouts.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <li key={index}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
