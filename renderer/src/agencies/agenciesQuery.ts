import { call } from '../api';

export const agenciesKey = ['agencies'] as const;

export function agenciesQuery(includeRetired: boolean) {
  return {
    queryKey: [...agenciesKey, { includeRetired }] as const,
    queryFn: () => call('agencies.list', { includeRetired }),
  };
}
