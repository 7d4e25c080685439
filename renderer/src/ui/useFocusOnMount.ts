import { type RefObject, useEffect } from 'react';

/** Moves keyboard focus to an element when a screen or step appears (instead of `autoFocus`). */
export function useFocusOnMount<T extends HTMLElement>(ref: RefObject<T | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}
