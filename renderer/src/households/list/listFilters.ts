import {
  type HouseholdListSort,
  type HouseholdStatus,
  type ListDirection,
  statusLabels,
  trackLabels,
  usualDirection,
} from '../../../../electron/domain/household';
import type { HouseholdListInput } from '../../../../electron/ipc/schemas/households';

/** The list's search and filters as the selects hold them ('' = すべて). */
export interface ListFilters {
  query: string;
  track: '' | 'consented' | 'unconsented';
  status: '' | HouseholdStatus;
  issue: string;
  fiscalYear: string;
  /** The whole list's order, chosen by the table's headers and applied by the service. */
  sort: HouseholdListSort;
  direction: ListDirection;
}

export const noFilters: ListFilters = {
  query: '',
  track: '',
  status: '',
  issue: '',
  fiscalYear: '',
  sort: 'receivedOn',
  direction: 'descending',
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
    direction: filters.direction,
    limit: listLimit,
    ...(filters.track ? { track: filters.track } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.issue ? { issue: filters.issue } : {}),
    ...(filters.fiscalYear ? { fiscalYear: Number(filters.fiscalYear) } : {}),
  };
}

/** A header pressed: a new column starts its usual way (受付日 newest first), the same column turns round. */
export function listSortAfter(
  filters: Pick<ListFilters, 'sort' | 'direction'>,
  column: HouseholdListSort,
): Pick<ListFilters, 'sort' | 'direction'> {
  if (filters.sort !== column) return { sort: column, direction: usualDirection[column] };
  return { sort: column, direction: filters.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The filters in words, as the gate's summary says what the printed list was made with. */
export function describeFilters(filters: ListFilters): string {
  const parts = [
    filters.query.trim() && `検索語「${filters.query.trim()}」`,
    filters.track && trackLabels[filters.track],
    filters.status && `状態: ${statusLabels[filters.status]}`,
    filters.issue && `課題: ${filters.issue}`,
    filters.fiscalYear && `受付年度: ${filters.fiscalYear}年度`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : 'なし（すべての世帯）';
}

/** The list's input for the printed list: every matching household, not the screen's first 200. */
export function toExportFilters(filters: ListFilters): Omit<HouseholdListInput, 'limit'> {
  const { limit: _shown, ...rest } = toListInput(filters);
  return rest;
}
