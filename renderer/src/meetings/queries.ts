import { call } from '../api';

/** Everything about meetings lives under one key, so a save refreshes the list, the detail and a household's list. */
export const meetingsKey = ['meetings'] as const;

export const meetingListQuery = (householdId: string | null) => ({
  queryKey: [...meetingsKey, 'list', householdId] as const,
  queryFn: () => call('meetings.list', householdId ? { householdId } : {}),
});

/** `meetings.get` is audited as a view: one fetch per opening, refetched only after a change. */
export const meetingQuery = (id: string) => ({
  queryKey: [...meetingsKey, 'detail', id] as const,
  queryFn: () => call('meetings.get', { id }),
  staleTime: Number.POSITIVE_INFINITY,
});

export const meetingDefaultsQuery = (householdId: string) => ({
  queryKey: [...meetingsKey, 'defaults', householdId] as const,
  queryFn: () => call('meetings.defaults', { householdId }),
  gcTime: 0,
});

/** The household a meeting is for: members for the plan, consents for the 範囲 (rule 3). */
export const meetingHouseholdQuery = (id: string) => ({
  queryKey: ['households', 'detail', id] as const,
  queryFn: () => call('households.get', { id }),
  staleTime: Number.POSITIVE_INFINITY,
});

export const householdSearchQuery = (query: string) => ({
  queryKey: ['households', 'list', { query, limit: 20 }] as const,
  queryFn: () => call('households.list', { query, limit: 20 }),
});

/** Retired agencies too: old meetings still name them. Forms offer only the current ones. */
export const meetingAgenciesQuery = {
  queryKey: ['agencies', 'list', { includeRetired: true }] as const,
  queryFn: () => call('agencies.list', { includeRetired: true }),
};

export const unconsentedBannerQuery = {
  queryKey: ['legal', 'unconsentedBanner'] as const,
  queryFn: () => call('legal.unconsentedBanner', {}),
  staleTime: Number.POSITIVE_INFINITY,
};
