import { useQuery } from '@tanstack/react-query';
import { agencyDisplayName } from '../../../../electron/domain/agency';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { read } from '../../queries';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { IssueTags } from '../Badges';
import householdsStyles from '../households.module.css';

/** 受付日, 相談経路, 課題, 備考. */
export function BasicFacts({ household }: { household: HouseholdDetail }) {
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const referral = agencies.data?.find((a) => a.id === household.referralAgencyId);
  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-basic-title">
      <h2 id="hh-basic-title" className={householdsStyles.sectionTitle}>
        基本情報
      </h2>
      <dl className={householdsStyles.facts}>
        <dt>受付日</dt>
        <dd>{formatWarekiDate(household.receivedOn)}</dd>
        <dt>相談経路</dt>
        <dd>
          {referral ? (
            agencyDisplayName(referral)
          ) : (
            <span className="muted">{household.referralAgencyId && agencies.isPending ? '…' : 'なし'}</span>
          )}
        </dd>
        <dt>課題</dt>
        <dd>
          <IssueTags issues={household.issues} />
        </dd>
        <dt>備考</dt>
        <dd className={householdsStyles.multiline}>{household.note || <span className="muted">—</span>}</dd>
      </dl>
    </section>
  );
}
