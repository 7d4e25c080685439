import { createContext, useContext } from 'react';

/** The screen reopened after a lock with unsaved drafts to put back: its path, for one notice. */
export const ReopenedWithDraft = createContext<string | null>(null);
export const useReopenedWithDraft = () => useContext(ReopenedWithDraft);
