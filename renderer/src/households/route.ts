/** Where the person is inside 世帯: kept in the page's state, gone with it on lock. */
export type HouseholdView = 'detail' | 'edit' | 'members';

export type HouseholdRoute =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'household'; id: string; view: HouseholdView; flash?: string };

/** Guarded moves ask before dropping unsaved changes; `afterSave` moves on without asking. */
export type Navigate = (next: HouseholdRoute, options?: { afterSave?: boolean }) => void;
