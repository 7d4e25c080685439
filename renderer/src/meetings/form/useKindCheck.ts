import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { read } from '../../queries';

/**
 * Rule 2 for the date being typed: which kinds main allows, why a 重層的支援会議 is refused, and the
 * weekend/holiday warning. Asked again whenever the date reads as another day.
 */
export function useKindCheck(householdId: string, heldOn: string | null) {
  return useQuery({
    ...read('meetings.checkKind', { householdId, heldOn: heldOn ?? '' }),
    enabled: heldOn !== null,
    placeholderData: keepPreviousData,
  });
}
