import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { statusChangeInputSchema } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';

type StatusChange = z.input<typeof statusChangeInputSchema>;

/** `households.changeStatus`, then everything about households is fetched again (badge, timeline). */
export function useStatusChange(onDone: () => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: StatusChange) => call('households.changeStatus', change),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onDone();
    },
    onError,
  });
}
