import { powerMonitor } from 'electron';
import type { VaultSession } from '../services/vault-session.js';

const idlePollMs = 15_000;

/**
 * Locks the vault when the PC sleeps, the screen locks, or the user has been idle past the office's
 * auto-lock time. Returns a function that stops the idle poll.
 */
export function lockOnSystemSignals(session: VaultSession, log: (line: string) => void): () => void {
  const failed = (err: unknown) => log(`lock failed: ${(err as Error)?.name ?? 'unknown'}`);
  powerMonitor.on('suspend', () => {
    session.lock('suspend').catch(failed);
  });
  powerMonitor.on('lock-screen', () => {
    session.lock('screen-lock').catch(failed);
  });
  const poll = setInterval(() => {
    session.lockIfIdle(powerMonitor.getSystemIdleTime()).catch(failed);
  }, idlePollMs);
  return () => clearInterval(poll);
}
