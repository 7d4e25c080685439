import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { read } from '../../queries';

/** The agency and 課題 lists a household form needs before it can show its saved choices. */
export function useFormLists() {
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const tags = useQuery(read('issueTags.list', {}));
  const failed = agencies.error ?? tags.error;
  return {
    agencies: agencies.data,
    issueTags: tags.data,
    error: failed ? errorMessage(failed) : null,
  };
}
