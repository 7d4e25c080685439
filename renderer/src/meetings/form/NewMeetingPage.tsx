import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { call, errorMessage } from '../../api';
import { PageHeader } from '../../shell/PageHeader';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Breadcrumb } from '../Breadcrumb';
import { meetingAgenciesQuery, meetingDefaultsQuery, meetingHouseholdQuery, meetingsKey } from '../queries';
import '../meetings.css';
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
    <div className="page page-meetings">
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
  const household = useQuery(meetingHouseholdQuery(householdId));
  const defaults = useQuery(meetingDefaultsQuery(householdId));
  const agencies = useQuery(meetingAgenciesQuery);

  const failed = household.error ?? defaults.error ?? agencies.error;
  if (failed) return <ErrorPanel title="会議の準備を始められません" message={errorMessage(failed)} />;
  if (!household.data || !defaults.data || !agencies.data) return <p className="muted">読み込んでいます…</p>;

  const initialKind = household.data.consent === 'granted' ? 'consented' : 'unconsented';
  return (
    <MeetingForm
      initial={newMeetingValues(householdId, initialKind, defaults.data)}
      household={household.data}
      agencies={agencies.data}
      kindChosen={false}
      submitLabel="登録"
      onCancel={onCancel}
      save={async (values) => {
        const { id } = await call('meetings.create', values);
        await queryClient.invalidateQueries({ queryKey: meetingsKey });
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
