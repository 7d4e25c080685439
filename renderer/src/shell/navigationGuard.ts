import { createContext, useContext, useEffect } from 'react';

/** A page with unsaved changes tells the shell, which then asks before navigating away. */
export const UnsavedChangesContext = createContext<(dirty: boolean) => void>(() => {});

export function useUnsavedChanges(dirty: boolean): void {
  const report = useContext(UnsavedChangesContext);
  useEffect(() => {
    report(dirty);
    return () => report(false);
  }, [dirty, report]);
}
