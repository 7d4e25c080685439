import type { HouseholdListInput } from '../../../electron/ipc/schemas/households';
import { call } from '../api';

/** Everything about households lives under one key, so a change anywhere refreshes list and detail. */
export const householdsKey = ['households'] as const;

export const householdListQuery = (input: HouseholdListInput) => ({
  queryKey: [...householdsKey, 'list', input] as const,
  queryFn: () => call('households.list', input),
});

/**
 * `households.get` is audited as a view (rule 10), so every opening fetches again, even with the
 * household still cached; moving between its own screens keeps one fetch (the screen stays mounted).
 */
export const householdQuery = (id: string) => ({
  queryKey: [...householdsKey, 'detail', id] as const,
  queryFn: () => call('households.get', { id }),
});

export const progressNotesQuery = (householdId: string) => ({
  queryKey: [...householdsKey, 'notes', householdId] as const,
  queryFn: () => call('progressNotes.list', { householdId }),
});

export const suggestedCaseNoQuery = {
  queryKey: [...householdsKey, 'suggestedCaseNo'] as const,
  queryFn: () => call('households.suggestCaseNo', {}),
  gcTime: 0,
};

/** Retired agencies too: old records still name them. Forms offer only the current ones. */
export const agenciesQuery = {
  queryKey: ['agencies', 'list', { includeRetired: true }] as const,
  queryFn: () => call('agencies.list', { includeRetired: true }),
};

export const issueTagsQuery = {
  queryKey: ['issueTags', 'list'] as const,
  queryFn: () => call('issueTags.list', {}),
};

export const unconsentedBannerQuery = {
  queryKey: ['legal', 'unconsentedBanner'] as const,
  queryFn: () => call('legal.unconsentedBanner', {}),
  staleTime: Number.POSITIVE_INFINITY,
};
