import { call } from '../api';

export const issueTagsKey = ['issueTags'] as const;

export const issueTagsQuery = {
  queryKey: issueTagsKey,
  queryFn: () => call('issueTags.list', {}),
};
