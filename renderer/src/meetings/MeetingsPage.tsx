import { useCallback, useContext, useEffect, useState } from 'react';
import { UnsavedChangesContext } from '../shell/navigationGuard';
import { AskDialog } from '../ui/AskDialog';
import { MeetingScreen } from './detail/MeetingScreen';
import { MeetingEditPage } from './form/MeetingEditPage';
import { NewMeetingPage } from './form/NewMeetingPage';
import { MeetingList } from './list/MeetingList';
import { useMeetingLinks } from './MeetingLinks';
import type { MeetingRoute, Navigate } from './route';
import '../ui/compact-button.css';
import './meetings.css';

/**
 * 会議: the schedule, 会議の準備 and one meeting's screens. Where the person is lives in this
 * component's state, so a lock (which remounts everything) drops it.
 */
export function MeetingsPage() {
  const reportToShell = useContext(UnsavedChangesContext);
  const links = useMeetingLinks();
  const [route, setRoute] = useState<MeetingRoute>(links.pending ?? { name: 'list' });
  const [dirty, setDirty] = useState(false);
  const [leavingTo, setLeavingTo] = useState<MeetingRoute | null>(null);

  // Forms report unsaved changes here as well as to the shell: moves inside 会議 ask too.
  const reportDirty = useCallback(
    (value: boolean) => {
      setDirty(value);
      reportToShell(value);
    },
    [reportToShell],
  );

  const navigate: Navigate = useCallback(
    (next, options) => {
      if (dirty && !options?.afterSave) {
        setLeavingTo(next);
        return;
      }
      setRoute(next);
    },
    [dirty],
  );

  // A household asked for a meeting screen (on arrival, or while this page is already open).
  const { pending, clear } = links;
  useEffect(() => {
    if (!pending) return;
    setRoute(pending);
    clear();
  }, [pending, clear]);

  return (
    <UnsavedChangesContext value={reportDirty}>
      {route.name === 'list' && (
        <MeetingList
          onOpen={(id) => navigate({ name: 'meeting', id, tab: 'overview' })}
          onNew={() => navigate({ name: 'new', householdId: null })}
        />
      )}
      {route.name === 'new' && (
        <NewMeetingPage
          key={route.householdId ?? 'pick'}
          householdId={route.householdId}
          navigate={navigate}
        />
      )}
      {route.name === 'edit' && <MeetingEditPage key={route.id} id={route.id} navigate={navigate} />}
      {route.name === 'meeting' && <MeetingScreen key={route.id} route={route} navigate={navigate} />}
      <AskDialog
        open={leavingTo !== null}
        title="保存されていない変更があります"
        confirmLabel="変更を破棄して移動"
        cancelLabel="この画面に戻る"
        onConfirm={() => {
          const next = leavingTo;
          setLeavingTo(null);
          reportDirty(false);
          if (next) setRoute(next);
        }}
        onCancel={() => setLeavingTo(null)}
      >
        <p>この画面で変更した内容は、まだ保存されていません。保存せずに移動すると、変更は失われます。</p>
      </AskDialog>
    </UnsavedChangesContext>
  );
}
