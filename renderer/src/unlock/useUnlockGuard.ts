import { useEffect, useState } from 'react';
import { isCallError, type KasaneCallError } from '../api';
import { fatalUnlockErrors } from './unlockErrors';

export interface UnlockGuard {
  /** Seconds before the next attempt is accepted (0 = go ahead). */
  remaining: number;
  /** A damaged or too-new vault: the screen shows a panel instead of the form. */
  fatal: KasaneCallError | null;
  /** Takes a failed attempt's error; returns true when it was a back-off or a fatal error. */
  absorb(error: unknown): boolean;
}

/** The back-off countdown and dead ends shared by the passphrase and recovery-code forms. */
export function useUnlockGuard(initialBackoffSeconds: number): UnlockGuard {
  const [waitUntil, setWaitUntil] = useState(() =>
    initialBackoffSeconds > 0 ? Date.now() + initialBackoffSeconds * 1000 : 0,
  );
  const [now, setNow] = useState(() => Date.now());
  const [fatal, setFatal] = useState<KasaneCallError | null>(null);

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= waitUntil) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [waitUntil]);

  return {
    remaining: Math.max(0, Math.ceil((waitUntil - now) / 1000)),
    fatal,
    absorb(error) {
      if (!isCallError(error)) return false;
      if (error.code in fatalUnlockErrors) {
        setFatal(error);
        return true;
      }
      const seconds = Number(error.details.backoffSeconds ?? 0);
      if (seconds > 0) {
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
      }
      return error.code === 'UNLOCK_BACKOFF';
    },
  };
}
