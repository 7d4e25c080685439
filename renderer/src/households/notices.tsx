import { useRouterState } from '@tanstack/react-router';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Notice } from '../ui/Notice';

/** Where a success message shows: under the header ('top') or inside the section that did it. */
export type NoticeArea = 'top' | 'members' | 'consent' | 'status' | 'notes';

interface Shown {
  area: NoticeArea;
  message: string;
}

interface Notices {
  shown: Shown | null;
  show: (area: NoticeArea, message: string) => void;
  clear: () => void;
}

const NoticesContext = createContext<Notices>({ shown: null, show: () => {}, clear: () => {} });

/**
 * One success message at a time for a household's screens: the latest action's, beside where it
 * happened. Each move to a screen starts from the message it was given (after a save) or none.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const arrival = useRouterState({ select: (s) => s.location.state });
  useEffect(() => {
    setShown(arrival.flash ? { area: 'top', message: arrival.flash } : null);
  }, [arrival]);
  const value = useMemo(
    () => ({
      shown,
      show: (area: NoticeArea, message: string) => setShown({ area, message }),
      clear: () => setShown(null),
    }),
    [shown],
  );
  return <NoticesContext value={value}>{children}</NoticesContext>;
}

export function useNotices(): Pick<Notices, 'show' | 'clear'> {
  const { show, clear } = useContext(NoticesContext);
  return { show, clear };
}

export function AreaNotice({ area, className }: { area: NoticeArea; className?: string }) {
  const { shown } = useContext(NoticesContext);
  if (shown?.area !== area) return null;
  return (
    <Notice tone="success" className={className}>
      {shown.message}
    </Notice>
  );
}
