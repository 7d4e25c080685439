import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { createAppRouter, type ShellContext } from './routes';
import { useSession } from './session';

/**
 * Signed in and acknowledged: the router with every signed-in screen. It is made once per mount;
 * the gate remounts the shell on every lock. What the person had open before the lock comes back
 * only from the lock shelf (in memory, and only for the same person); everything else starts over.
 */
export function Shell(context: ShellContext) {
  const { shelf } = useSession();
  const [router] = useState(() => createAppRouter(context, shelf.reopen(context.user.id) ?? '/'));
  useEffect(() => shelf.locateWith(() => router.state.location.href), [shelf, router]);
  return <RouterProvider router={router} context={context} />;
}
