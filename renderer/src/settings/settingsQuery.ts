import { call } from '../api';

export const settingsKey = ['settings'] as const;

export const settingsQuery = {
  queryKey: settingsKey,
  queryFn: () => call('settings.get', {}),
};
