import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, errorMessage, isCallError, KasaneCallError } from '../../api';
import { PageHeader } from '../../shell/PageHeader';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Breadcrumb } from '../Breadcrumb';
import { meetingAgenciesQuery, meetingHouseholdQuery, meetingQuery, meetingsKey } from '../queries';
import type { Navigate } from '../route';
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
export function MeetingEditPage({ id, navigate }: { id: string; navigate: Navigate }) {
  const queryClient = useQueryClient();
  const meeting = useQuery(meetingQuery(id));
  const householdId = meeting.data?.householdId;
  const household = useQuery({
    ...meetingHouseholdQuery(householdId ?? ''),
    enabled: householdId !== undefined,
  });
  const agencies = useQuery(meetingAgenciesQuery);
  const toMeeting = () => navigate({ name: 'meeting', id, tab: 'overview' });

  const failed = meeting.error ?? household.error ?? agencies.error;
  return (
    <div className="page page-meetings">
      <Breadcrumb
        trail={[
          { label: '会議一覧', onClick: () => navigate({ name: 'list' }) },
          { label: '会議の詳細', onClick: toMeeting },
        ]}
        current="会議の変更"
      />
      <PageHeader title="会議の変更" />
      {failed && <ErrorPanel title="会議を変更できません" message={errorMessage(failed)} />}
      {!failed && (!meeting.data || !household.data || !agencies.data) && (
        <p className="muted">読み込んでいます…</p>
      )}
      {meeting.data && household.data && agencies.data && (
        <MeetingForm
          initial={meetingValues(meeting.data)}
          household={household.data}
          agencies={agencies.data}
          kindChosen
          submitLabel="保存"
          onCancel={toMeeting}
          save={async (values) => {
            try {
              await call('meetings.update', { id, meeting: values });
            } catch (error) {
              throw relativeToForm(error);
            }
            await queryClient.invalidateQueries({ queryKey: meetingsKey });
            navigate(
              { name: 'meeting', id, tab: 'overview', flash: '会議の内容を保存しました。' },
              { afterSave: true },
            );
          }}
        />
      )}
    </div>
  );
}
