import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { read } from '../queries';
import { useDebouncedValue, useDelayedFlag } from './timing';

export interface StatisticsParams {
  /** Ascending, at least one. */
  fiscalYears: number[];
  /** null: the office setting. */
  threshold: number | null;
}

/**
 * The tables for the chosen 年度 and threshold. Changes settle for a moment before a new count
 * starts; the previous tables stay on screen (marked stale) until the new ones arrive.
 */
export function useStatistics(params: StatisticsParams | null) {
  const settled = useDebouncedValue(params, 300);
  const query = useQuery({
    ...read('statistics.compute', {
      fiscalYears: settled?.fiscalYears ?? [],
      ...(settled?.threshold != null ? { threshold: settled.threshold } : {}),
    }),
    enabled: settled !== null && settled.fiscalYears.length > 0,
    placeholderData: keepPreviousData,
  });
  const waiting = params !== settled || query.isFetching;
  return {
    query,
    /** The shown tables are not (yet) those of the current choice. */
    stale: waiting && query.data !== undefined,
    /** Counting has taken long enough to say so. */
    busy: useDelayedFlag(query.isFetching, 200),
  };
}
