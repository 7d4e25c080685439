import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { call, errorMessage, isCallError, KasaneCallError } from '../../api';
import { meetingReads, read, refresh } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { cx } from '../../ui/cx';
import { ErrorPanel } from '../../ui/ErrorPanel';
import layoutStyles from '../../ui/layout.module.css';
import { Breadcrumb } from '../Breadcrumb';
import { useOpenedMeeting } from '../detail/MeetingScreen';
import meetingsStyles from '../meetings.module.css';
import { meetingValues } from './formValues';
import { MeetingForm } from './MeetingForm';

/** `meetings.update` reports `meeting.heldOn`; the form knows `heldOn`. */
function relativeToForm(error: unknown): unknown {
  if (!isCallError(error)) return error;
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([path, message]) => [path.replace(/^meeting\./, ''), message]),
  );
  return new KasaneCallError(error.code, error.message, fieldErrors, error.details);
}

/** 会議の変更: the same form over the saved meeting; rules 2 and 3 are checked again on save. */
export function MeetingEditPage() {
  const meeting = useOpenedMeeting();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const household = useQuery(read('households.get', { id: meeting.householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const id = meeting.id;
  const toMeeting = () => void navigate({ to: '/meetings/$meetingId', params: { meetingId: id } });

  const failed = household.error ?? agencies.error;
  return (
    <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
      <Breadcrumb
        trail={[
          { label: '会議一覧', onClick: () => void navigate({ to: '/meetings' }) },
          { label: '会議の詳細', onClick: toMeeting },
        ]}
        current="会議の変更"
      />
      <PageHeader title="会議の変更" />
      {failed && <ErrorPanel title="会議を変更できません" message={errorMessage(failed)} />}
      {!failed && (!household.data || !agencies.data) && <p className="muted">読み込んでいます…</p>}
      {household.data && agencies.data && (
        <MeetingForm
          initial={meetingValues(meeting)}
          household={household.data}
          agencies={agencies.data}
          kindChosen
          submitLabel="保存"
          onCancel={toMeeting}
          save={async (values) => {
            let changes: string[];
            try {
              ({ changes } = await call('meetings.update', { id, meeting: values }));
            } catch (error) {
              throw relativeToForm(error);
            }
            await refresh(queryClient, meetingReads);
            await navigate({
              to: '/meetings/$meetingId',
              params: { meetingId: id },
              state: { flash: ['会議の内容を保存しました。', ...changes].join('\n') },
              ignoreBlocker: true,
            });
          }}
        />
      )}
    </div>
  );
}
