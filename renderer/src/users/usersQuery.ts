import { call } from '../api';

export const usersKey = ['users'] as const;

export const usersQuery = {
  queryKey: usersKey,
  queryFn: () => call('users.list', {}),
};
