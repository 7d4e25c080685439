import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { agencyDisplayName, groupByField } from '../../../../electron/domain/agency';
import { methodLabels } from '../../../../electron/domain/consent';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { ConsentRecord, HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import layoutStyles from '../../ui/layout.module.css';
import { ConsentBadge } from '../Badges';
import { VoidForm } from '../corrections/VoidForm';
import householdsStyles from '../households.module.css';
import { AreaNotice, useNotices } from '../notices';
import { AddConsentForm } from './AddConsentForm';
import { ConsentRecordList } from './ConsentRecordList';
import { CorrectConsentForm } from './CorrectConsentForm';
import { WithdrawConsentForm } from './WithdrawConsentForm';

type Open = { kind: 'add' } | { kind: 'withdraw' | 'correct' | 'void'; record: ConsentRecord } | null;

/** 本人同意: the history of records (rule 1), newest first; adding one and recording a withdrawal. */
export function ConsentSection({ household }: { household: HouseholdDetail }) {
  const [open, setOpen] = useState<Open>(null);
  const notices = useNotices();
  const heading = useRef<HTMLHeadingElement>(null);
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  // In the office's order of 分野, so a 範囲 always lists its agencies the same way.
  const all = agencies.data ?? [];
  const names = new Map(
    groupByField(all)
      .flatMap((group) => group.agencies)
      .map((a) => [a.id, agencyDisplayName(a)]),
  );
  const today = officeDate(new Date());
  const records = [...household.consents].reverse();

  function finished(message: string) {
    setOpen(null);
    notices.show('consent', message);
    heading.current?.focus();
  }

  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-consent-title">
      <div className={householdsStyles.sectionHead}>
        <h2 id="hh-consent-title" ref={heading} tabIndex={-1} className={householdsStyles.sectionTitle}>
          本人同意
          <ConsentBadge consent={household.consent} />
        </h2>
        <Button
          onClick={() => {
            notices.clear();
            setOpen({ kind: 'add' });
          }}
        >
          同意を記録
        </Button>
      </div>
      <AreaNotice area="consent" className={householdsStyles.sectionNotice} />
      {records.length === 0 ? (
        <p className="muted">同意の記録はありません。同意を得たら、取得日・方法・範囲を記録します。</p>
      ) : (
        <ConsentRecordList
          records={records}
          agencyNames={names}
          today={today}
          onWithdraw={(record) => {
            notices.clear();
            setOpen({ kind: 'withdraw', record });
          }}
          onCorrect={(record) => {
            notices.clear();
            setOpen({ kind: 'correct', record });
          }}
          onVoid={(record) => {
            notices.clear();
            setOpen({ kind: 'void', record });
          }}
        />
      )}
      <Dialog open={open?.kind === 'add'} title="本人同意を記録" size="wide" onClose={() => setOpen(null)}>
        <AddConsentForm
          householdId={household.id}
          agencies={agencies.data ?? []}
          onCancel={() => setOpen(null)}
          onSaved={() => finished('本人同意を記録しました。')}
        />
      </Dialog>
      <Dialog open={open?.kind === 'withdraw'} title="同意の撤回を記録" onClose={() => setOpen(null)}>
        {open?.kind === 'withdraw' && (
          <WithdrawConsentForm
            record={open.record}
            onCancel={() => setOpen(null)}
            onSaved={() => finished('同意の撤回を記録しました。')}
          />
        )}
      </Dialog>
      <Dialog
        open={open?.kind === 'correct'}
        title="本人同意の記録を訂正"
        size="wide"
        onClose={() => setOpen(null)}
      >
        {open?.kind === 'correct' && (
          <CorrectConsentForm
            record={open.record}
            agencies={agencies.data ?? []}
            onCancel={() => setOpen(null)}
            onSaved={() => finished('本人同意の記録を訂正しました。訂正前の内容は履歴に残っています。')}
          />
        )}
      </Dialog>
      <Dialog open={open?.kind === 'void'} title="本人同意の記録を取り消す" onClose={() => setOpen(null)}>
        {open?.kind === 'void' && (
          <VoidForm
            effect="この記録は同意として数えられなくなり、世帯の同意の状態と会議の種別の判断から外れます。"
            voidRecord={(reason) => call('consents.void', { id: open.record.id, reason })}
            onCancel={() => setOpen(null)}
            onDone={() => finished('本人同意の記録を取り消しました。')}
          >
            {formatWarekiDate(open.record.obtainedOn)}取得（{methodLabels[open.record.method]}、取得者{' '}
            {open.record.obtainedBy}）
          </VoidForm>
        )}
      </Dialog>
    </section>
  );
}
