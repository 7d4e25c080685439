import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormGetValues, UseFormReset } from 'react-hook-form';
import { useSession } from './session';
import { useUnsavedChanges } from './unsavedChanges';

/**
 * A form whose unsaved values survive a lock (Ctrl+L or the idle lock), in this window's memory
 * only: at the lock it hands them to the shelf, and when the same person unlocks and the same screen
 * opens again, it takes them back (still unsaved, still marked as changed). It is also the form's
 * unsaved-changes guard.
 */
export function useDraftKeptOverLock<V extends FieldValues>(
  name: string,
  form: { isDirty: boolean; getValues: UseFormGetValues<V>; reset: UseFormReset<V> },
): void {
  const { shelf } = useSession();
  const href = useRouterState({ select: (s) => s.location.href });
  const key = `${href}#${name}`;
  useUnsavedChanges(form.isDirty, true);

  const latest = useRef(form);
  latest.current = form;
  useEffect(
    () =>
      shelf.offer(key, () =>
        latest.current.isDirty ? structuredClone(latest.current.getValues()) : undefined,
      ),
    [shelf, key],
  );

  const claimed = useRef(false);
  useEffect(() => {
    if (claimed.current) return;
    claimed.current = true;
    const draft = shelf.claim(key);
    if (draft !== undefined) latest.current.reset(draft as V, { keepDefaultValues: true });
  }, [shelf, key]);
}
