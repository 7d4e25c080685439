import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { createContext, useContext } from 'react';
import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { ErrorPanel } from '../../ui/ErrorPanel';
import layoutStyles from '../../ui/layout.module.css';
import meetingsStyles from '../meetings.module.css';

const OpenedMeeting = createContext<MeetingDetail | null>(null);

/** The meeting this screen opened, for its tabs and its edit form. */
export function useOpenedMeeting(): MeetingDetail {
  const meeting = useContext(OpenedMeeting);
  if (!meeting) throw new Error('useOpenedMeeting outside MeetingScreen');
  return meeting;
}

/** One meeting: read once when it is opened (audited), then its detail or its edit form below. */
export function MeetingScreen() {
  const { meetingId } = useParams({ from: '/meetings/$meetingId' });
  const navigate = useNavigate();
  const meeting = useQuery(read('meetings.get', { id: meetingId }));

  if (meeting.isPending) {
    return (
      <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
        <p className="muted">読み込んでいます…</p>
      </div>
    );
  }
  if (meeting.isError) {
    return (
      <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
        <ErrorPanel title="会議を表示できません" message={errorMessage(meeting.error)}>
          <div className={layoutStyles.actions}>
            <Button variant="primary" onClick={() => void navigate({ to: '/meetings' })}>
              会議一覧に戻る
            </Button>
          </div>
        </ErrorPanel>
      </div>
    );
  }
  return (
    <OpenedMeeting value={meeting.data}>
      <Outlet />
    </OpenedMeeting>
  );
}
