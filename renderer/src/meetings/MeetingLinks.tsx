import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MeetingRoute } from './route';

interface MeetingLinksValue {
  /** Opens the 会議 page at this screen (from a household: its meeting, or 会議を準備 for it). */
  open: (route: MeetingRoute) => void;
  /** The screen the 会議 page should start at, then forgotten. */
  pending: MeetingRoute | null;
  clear: () => void;
}

const MeetingLinksContext = createContext<MeetingLinksValue>({
  open: () => {},
  pending: null,
  clear: () => {},
});

/**
 * Lets other pages (a household's detail) open a meeting screen. The shell provides it and tells us
 * how to show the 会議 page; it lives under the signed-in shell, so a lock forgets it.
 */
export function MeetingLinks({ show, children }: { show: () => void; children: ReactNode }) {
  const [pending, setPending] = useState<MeetingRoute | null>(null);
  const open = useCallback(
    (route: MeetingRoute) => {
      setPending(route);
      show();
    },
    [show],
  );
  const clear = useCallback(() => setPending(null), []);
  const value = useMemo(() => ({ open, pending, clear }), [open, pending, clear]);
  return <MeetingLinksContext value={value}>{children}</MeetingLinksContext>;
}

export function useMeetingLinks(): MeetingLinksValue {
  return useContext(MeetingLinksContext);
}
