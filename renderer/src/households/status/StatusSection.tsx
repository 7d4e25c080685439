import { useRef, useState } from 'react';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { StatusBadge } from '../Badges';
import { AreaNotice, useNotices } from '../notices';
import { CloseForm } from './CloseForm';
import { DateOnlyStatusForm } from './DateOnlyStatusForm';

type Action = 'start' | 'close' | 'reopen';

const titles: Record<Action, string> = { start: '支援開始', close: '終結', reopen: '再開' };
const doneMessages: Record<Action, string> = {
  start: '支援を開始しました。',
  close: '終結しました。',
  reopen: '支援を再開しました。',
};

/** 状態: 受付 → 支援開始, 受付/支援中 → 終結, 終結 → 再開; the buttons follow the state. */
export function StatusSection({ household }: { household: HouseholdDetail }) {
  const [open, setOpen] = useState<Action | null>(null);
  const notices = useNotices();
  const heading = useRef<HTMLHeadingElement>(null);
  const start = (action: Action) => {
    notices.clear();
    setOpen(action);
  };
  const finished = (action: Action) => {
    setOpen(null);
    notices.show('status', doneMessages[action]);
    heading.current?.focus();
  };

  return (
    <section className="panel hh-section" aria-labelledby="hh-status-title">
      <h2 id="hh-status-title" ref={heading} tabIndex={-1} className="hh-section-title">
        状態
      </h2>
      <dl className="hh-facts">
        <dt>現在</dt>
        <dd data-testid="household-status">
          <StatusBadge status={household.status} />
        </dd>
        {household.status === 'closed' && (
          <>
            <dt>終結日</dt>
            <dd>{household.closedOn ? formatWarekiDate(household.closedOn) : '—'}</dd>
            <dt>終結理由</dt>
            <dd>{household.closeReason ?? '—'}</dd>
          </>
        )}
      </dl>
      <AreaNotice area="status" className="hh-section-notice" />
      <div className="hh-status-actions">
        {household.status === 'received' && (
          <Button variant="primary" onClick={() => start('start')}>
            支援開始
          </Button>
        )}
        {household.status !== 'closed' && <Button onClick={() => start('close')}>終結</Button>}
        {household.status === 'closed' && <Button onClick={() => start('reopen')}>再開</Button>}
      </div>
      <Dialog open={open !== null} title={open ? titles[open] : ''} onClose={() => setOpen(null)}>
        {open === 'close' && (
          <CloseForm
            householdId={household.id}
            onCancel={() => setOpen(null)}
            onDone={() => finished('close')}
          />
        )}
        {(open === 'start' || open === 'reopen') && (
          <DateOnlyStatusForm
            householdId={household.id}
            action={open}
            onCancel={() => setOpen(null)}
            onDone={() => finished(open)}
          />
        )}
      </Dialog>
    </section>
  );
}
