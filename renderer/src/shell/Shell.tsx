import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ReopenedWithDraft } from './reopened';
import { createAppRouter, type ShellContext } from './routes';
import { useSession } from './session';

/**
 * Signed in and acknowledged: the router with every signed-in screen. It is made once per mount;
 * the gate remounts the shell on every lock. What the person had open before the lock comes back
 * only from the lock shelf (in memory, and only for the same person); everything else starts over.
 */
export function Shell(context: ShellContext) {
  const { shelf } = useSession();
  const [{ router, withDraft }] = useState(() => {
    const href = shelf.reopen(context.user.id);
    const opened = createAppRouter(context, href ?? '/');
    return {
      router: opened,
      withDraft: href !== null && shelf.waitingCount() > 0 ? opened.state.location.pathname : null,
    };
  });
  useEffect(() => shelf.locateWith(() => router.state.location.href), [shelf, router]);
  return (
    <ReopenedWithDraft value={withDraft}>
      <RouterProvider router={router} context={context} />
    </ReopenedWithDraft>
  );
}
