import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { agenciesQuery, issueTagsQuery } from '../queries';

/** The agency and 課題 lists a household form needs before it can show its saved choices. */
export function useFormLists() {
  const agencies = useQuery(agenciesQuery);
  const tags = useQuery(issueTagsQuery);
  const failed = agencies.error ?? tags.error;
  return {
    agencies: agencies.data,
    issueTags: tags.data,
    error: failed ? errorMessage(failed) : null,
  };
}
