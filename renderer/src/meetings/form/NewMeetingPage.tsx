import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { call, errorMessage } from '../../api';
import { meetingReads, read, readSinceOpened, refresh } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { cx } from '../../ui/cx';
import { ErrorPanel } from '../../ui/ErrorPanel';
import layoutStyles from '../../ui/layout.module.css';
import { Breadcrumb } from '../Breadcrumb';
import meetingsStyles from '../meetings.module.css';
import { newMeetingValues } from './formValues';
import { HouseholdPicker } from './HouseholdPicker';
import { MeetingForm } from './MeetingForm';

/**
 * 会議の準備 (new): the household (fixed when started from its page, else picked first), then the
 * form with the suggested 会議番号 and default 会次第.
 */
export function NewMeetingPage() {
  const { householdId } = useSearch({ from: '/meetings/new' });
  const navigate = useNavigate();
  const toList = () => void navigate({ to: '/meetings' });

  return (
    <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
      <Breadcrumb trail={[{ label: '会議一覧', onClick: toList }]} current="会議の準備" />
      <PageHeader title="会議の準備" note="日付を入れると、本人同意に照らして開ける種別を確認します。" />
      {householdId === undefined ? (
        <HouseholdPicker
          onPick={(picked) =>
            void navigate({ to: '/meetings/new', search: { householdId: picked }, replace: true })
          }
        />
      ) : (
        <NewMeetingForm key={householdId} householdId={householdId} onCancel={toList} />
      )}
    </div>
  );
}

function NewMeetingForm({ householdId, onCancel }: { householdId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const household = useQuery(read('households.get', { id: householdId }));
  const defaults = useQuery(read('meetings.defaults', { householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));

  const failed = household.error ?? defaults.error ?? agencies.error;
  if (failed) return <ErrorPanel title="会議の準備を始められません" message={errorMessage(failed)} />;
  const opened = readSinceOpened(household);
  const start = readSinceOpened(defaults);
  if (!opened || !start || !agencies.data) return <p className="muted">読み込んでいます…</p>;

  const initialKind = opened.consent === 'granted' ? 'consented' : 'unconsented';
  return (
    <MeetingForm
      initial={newMeetingValues(householdId, initialKind, start)}
      household={opened}
      agencies={agencies.data}
      kindChosen={false}
      submitLabel="登録"
      onCancel={onCancel}
      save={async (values) => {
        const { id } = await call('meetings.create', values);
        await refresh(queryClient, meetingReads);
        await navigate({
          to: '/meetings/$meetingId',
          params: { meetingId: id },
          state: { flash: '会議を登録しました。' },
          ignoreBlocker: true,
        });
      }}
    />
  );
}
