import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../../api';
import { PageHeader } from '../../shell/PageHeader';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Breadcrumb } from '../Breadcrumb';
import { meetingAgenciesQuery, meetingDefaultsQuery, meetingHouseholdQuery, meetingsKey } from '../queries';
import type { Navigate } from '../route';
import { newMeetingValues } from './formValues';
import { HouseholdPicker } from './HouseholdPicker';
import { MeetingForm } from './MeetingForm';

interface NewMeetingPageProps {
  /** Fixed when started from a household; otherwise the person picks one first. */
  householdId: string | null;
  navigate: Navigate;
}

/** 会議の準備 (new): the household, then the form with the suggested 会議番号 and default 会次第. */
export function NewMeetingPage({ householdId: fixed, navigate }: NewMeetingPageProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const householdId = fixed ?? picked;
  const toList = () => navigate({ name: 'list' });

  return (
    <div className="page page-meetings">
      <Breadcrumb trail={[{ label: '会議一覧', onClick: toList }]} current="会議の準備" />
      <PageHeader title="会議の準備" note="日付を入れると、本人同意に照らして開ける種別を確認します。" />
      {householdId === null ? (
        <HouseholdPicker onPick={setPicked} />
      ) : (
        <NewMeetingForm householdId={householdId} navigate={navigate} onCancel={toList} />
      )}
    </div>
  );
}

function NewMeetingForm({
  householdId,
  navigate,
  onCancel,
}: {
  householdId: string;
  navigate: Navigate;
  onCancel: () => void;
}) {
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
        navigate(
          { name: 'meeting', id, tab: 'overview', flash: '会議を登録しました。' },
          { afterSave: true },
        );
      }}
    />
  );
}
