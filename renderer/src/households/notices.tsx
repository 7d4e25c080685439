import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Notice } from '../ui/Notice';

/** Where a success message shows: under the header ('top') or inside the section that did it. */
export type NoticeArea = 'top' | 'consent' | 'status' | 'notes';

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
 * happened. A new screen (`resetWith` changes) starts from its own message or none.
 */
export function NoticesProvider({
  resetWith,
  children,
}: {
  resetWith: { flash?: string };
  children: ReactNode;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    setShown(resetWith.flash ? { area: 'top', message: resetWith.flash } : null);
  }, [resetWith]);
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
