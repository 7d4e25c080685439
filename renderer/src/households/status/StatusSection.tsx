import { useRef, useState } from 'react';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { statusActionLabels } from '../../../../electron/domain/status-history';
import type { HouseholdDetail, StatusChangeRecord } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { StatusBadge } from '../Badges';
import { VoidForm } from '../corrections/VoidForm';
import householdsStyles from '../households.module.css';
import { AreaNotice, useNotices } from '../notices';
import { CloseForm } from './CloseForm';
import { CorrectStatusForm } from './CorrectStatusForm';
import { DateOnlyStatusForm } from './DateOnlyStatusForm';
import { EvaluationHistory } from './EvaluationHistory';
import { StatusHistoryList } from './StatusHistoryList';
import styles from './StatusSection.module.css';

type Action = 'start' | 'close' | 'reopen';

const doneMessages: Record<Action, string> = {
  start: '支援を開始しました。',
  close: '終結しました。',
  reopen: '支援を再開しました。',
};

/** 状態: 受付 → 支援開始, 受付/支援中 → 終結, 終結 → 再開; the buttons follow the state. */
export function StatusSection({ household }: { household: HouseholdDetail }) {
  const [open, setOpen] = useState<Action | null>(null);
  const [record, setRecord] = useState<{ kind: 'correct' | 'void'; change: StatusChangeRecord } | null>(null);
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
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-status-title">
      <h2 id="hh-status-title" ref={heading} tabIndex={-1} className={householdsStyles.sectionTitle}>
        状態
      </h2>
      <dl className={householdsStyles.facts}>
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
      <AreaNotice area="status" className={householdsStyles.sectionNotice} />
      {household.statusProblems.length > 0 && (
        <Notice tone="warning">
          <p>
            状態の記録に矛盾があります（以前に登録された記録です）。該当する変更を訂正または取消してください。
          </p>
          <ul>
            {household.statusProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className={styles.statusActions}>
        {household.status === 'received' && (
          <Button variant="primary" onClick={() => start('start')}>
            支援開始
          </Button>
        )}
        {household.status !== 'closed' && <Button onClick={() => start('close')}>終結</Button>}
        {household.status === 'closed' && <Button onClick={() => start('reopen')}>再開</Button>}
      </div>
      <StatusHistoryList
        history={household.statusHistory}
        onCorrect={(change) => {
          notices.clear();
          setRecord({ kind: 'correct', change });
        }}
        onVoid={(change) => {
          notices.clear();
          setRecord({ kind: 'void', change });
        }}
      />
      <EvaluationHistory household={household} />
      <Dialog
        open={record?.kind === 'correct'}
        title={record ? `${statusActionLabels[record.change.action]}を訂正` : ''}
        onClose={() => setRecord(null)}
      >
        {record?.kind === 'correct' && (
          <CorrectStatusForm
            change={record.change}
            onCancel={() => setRecord(null)}
            onDone={() => {
              setRecord(null);
              notices.show('status', '状態の記録を訂正しました。訂正前の内容は履歴に残っています。');
              heading.current?.focus();
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={record?.kind === 'void'}
        title={record ? `${statusActionLabels[record.change.action]}を取り消す` : ''}
        onClose={() => setRecord(null)}
      >
        {record?.kind === 'void' && (
          <VoidForm
            effect="この変更は世帯の状態と統計に数えられなくなります。"
            voidRecord={(reason) => call('households.voidStatusChange', { id: record.change.id, reason })}
            onCancel={() => setRecord(null)}
            onDone={() => {
              setRecord(null);
              notices.show('status', '状態の変更を取り消しました。');
              heading.current?.focus();
            }}
          >
            {formatWarekiDate(record.change.on)}の{statusActionLabels[record.change.action]}
          </VoidForm>
        )}
      </Dialog>
      <Dialog open={open !== null} title={open ? statusActionLabels[open] : ''} onClose={() => setOpen(null)}>
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
