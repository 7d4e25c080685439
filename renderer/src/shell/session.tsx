import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { VaultStatus } from '../../../electron/ipc/contract';
import { read } from '../queries';
import type { LockShelf } from './lockShelf';

/** What the gate shows depends on this one read: locked, set-up, acknowledgement or the shell. */
export const statusQuery = read('vault.status', {});

interface Session {
  /**
   * Locks the vault (button, Ctrl+L) and drops everything the renderer holds but the open screen's
   * route and restorable drafts (in memory, lockShelf.ts); asks first when changes would be lost.
   */
  lock(): Promise<void>;
  /** What a lock keeps of the open screen, in memory only. */
  shelf: LockShelf;
  /** The vault was locked: forget all cached data and show the unlock screen. */
  locked(statusAfter?: VaultStatus): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

/** A call returned a new vault status (unlock, acknowledge…): the gate picks the screen from it. */
export function useSetStatus(): (status: VaultStatus) => void {
  const queryClient = useQueryClient();
  return (status) => queryClient.setQueryData(statusQuery.queryKey, status);
}
