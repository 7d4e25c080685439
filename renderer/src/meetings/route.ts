/** Where the person is inside 会議: kept in the page's state, gone with it on lock. */
export type MeetingTab = 'overview' | 'attendees' | 'plan' | 'report' | 'forms';

export type MeetingRoute =
  | { name: 'list' }
  | { name: 'new'; householdId: string | null }
  | { name: 'meeting'; id: string; tab: MeetingTab; flash?: string }
  | { name: 'edit'; id: string };

/** Guarded moves ask before dropping unsaved changes; `afterSave` moves on without asking. */
export type Navigate = (next: MeetingRoute, options?: { afterSave?: boolean }) => void;
