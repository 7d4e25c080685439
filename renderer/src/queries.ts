import {
  type DefaultOptions,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
} from '@tanstack/react-query';
import type { Channel } from '../../electron/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../electron/ipc/contract';
import { call } from './api';

/**
 * How the screens read: one definition for every channel, keyed `[channel, input]`, so two screens
 * asking the same thing share one cache entry and one freshness rule.
 *
 * The freshness rule (`freshness`, the QueryClient's defaults in App.tsx) is never a screen's: a screen reads what it shows
 * when it opens, and again after a change it made (`refresh`); never on a timer, window focus or
 * reconnect. `households.get` and `meetings.get` are audited views (rule 10), so each is read by one
 * component per screen (the household's and the meeting's layout routes): one opening, one event.
 */
export const freshness = {
  queries: { staleTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  mutations: { retry: false },
} as const satisfies DefaultOptions;

/** The one query definition of a reading channel. */
export function read<C extends ReadChannel>(channel: C, input: ChannelInput<C>) {
  return queryOptions({
    queryKey: [channel, input] as const,
    queryFn: (): Promise<ChannelOutput<C>> => call(channel, input),
  });
}

/** The audit log read page by page, newest first: each page continues before the last one's oldest event. */
export function readPages<C extends 'audit.list'>(channel: C, input: ChannelInput<C>, pageSize: number) {
  return infiniteQueryOptions({
    queryKey: [channel, input, 'pages'] as const,
    queryFn: ({ pageParam }) =>
      call(channel, {
        ...input,
        limit: pageSize,
        ...(pageParam > 0 ? { [input.order === 'oldest' ? 'afterId' : 'beforeId']: pageParam } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.events.length === pageSize ? last.events.at(-1)?.id : undefined),
  });
}

/** The channels that only read; everything else changes something and is called from a mutation. */
export type ReadChannel = Extract<
  Channel,
  | 'vault.status'
  | 'legal.confidentialityWarning'
  | 'legal.unconsentedBanner'
  | 'users.list'
  | 'settings.get'
  | 'audit.list'
  | 'households.list'
  | 'households.get'
  | 'family.get'
  | 'households.suggestCaseNo'
  | 'progressNotes.list'
  | 'progressNotes.history'
  | 'agencies.list'
  | 'issueTags.list'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.checkKind'
  | 'meetings.defaults'
  | 'copies.list'
  | 'desk.get'
  | 'monitoring.currentPlan'
  | 'evaluations.draft'
  | 'evaluations.list'
  | 'backup.history'
  | 'progressNotes.search'
  | 'statistics.years'
  | 'statistics.compute'
>;

/** What a change to a household (its facts, members, consents, status, notes) can put out of date. */
export const householdReads = [
  'households.list',
  'households.get',
  'family.get',
  'households.suggestCaseNo',
  'progressNotes.list',
  'progressNotes.history',
  'evaluations.list',
  'progressNotes.search',
] as const satisfies readonly ReadChannel[];

/** What a change to a meeting (its facts, attendees, plan, report) can put out of date. */
export const meetingReads = [
  'meetings.list',
  'meetings.get',
  'meetings.defaults',
  'meetings.checkKind',
] as const satisfies readonly ReadChannel[];

/** After a change: the screens showing these channels read them again; the others on opening. */
export async function refresh(queryClient: QueryClient, channels: readonly ReadChannel[]): Promise<void> {
  await Promise.all(channels.map((channel) => queryClient.invalidateQueries({ queryKey: [channel] })));
}

/**
 * A form's starting values: only data read since the form opened, never an older cached copy (a
 * suggested 受付番号 or 会議番号 from before the last save would be taken already).
 */
export function readSinceOpened<T>(query: {
  isFetchedAfterMount: boolean;
  data: T | undefined;
}): T | undefined {
  return query.isFetchedAfterMount ? query.data : undefined;
}
