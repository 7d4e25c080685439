import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createAppRouter, type ShellContext } from './routes';

/**
 * Signed in and acknowledged: the router with every signed-in screen. It is made once per mount;
 * the gate remounts the shell on every lock, so nothing of where the person was survives a lock.
 */
export function Shell(context: ShellContext) {
  const [router] = useState(() => createAppRouter(context));
  return <RouterProvider router={router} context={context} />;
}
