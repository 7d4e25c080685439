import type { HouseholdStatus } from '../../../../electron/domain/household';
import type { HouseholdListInput } from '../../../../electron/ipc/schemas/households';

/** The list's search and filters as the selects hold them ('' = すべて). */
export interface ListFilters {
  query: string;
  track: '' | 'consented' | 'unconsented';
  status: '' | HouseholdStatus;
  issue: string;
  fiscalYear: string;
  sort: 'receivedOn' | 'kana';
}

export const noFilters: ListFilters = {
  query: '',
  track: '',
  status: '',
  issue: '',
  fiscalYear: '',
  sort: 'receivedOn',
};

export const listLimit = 200;

export function isFiltered(filters: ListFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.track !== '' ||
    filters.status !== '' ||
    filters.issue !== '' ||
    filters.fiscalYear !== ''
  );
}

export function toListInput(filters: ListFilters): HouseholdListInput {
  return {
    query: filters.query.trim(),
    sort: filters.sort,
    limit: listLimit,
    ...(filters.track ? { track: filters.track } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.issue ? { issue: filters.issue } : {}),
    ...(filters.fiscalYear ? { fiscalYear: Number(filters.fiscalYear) } : {}),
  };
}
