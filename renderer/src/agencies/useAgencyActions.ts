import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Agency } from '../../../electron/ipc/schemas/agencies';
import { call, errorMessage, isCallError } from '../api';
import { refresh } from '../queries';

export interface ActionFailure {
  message: string;
  /** The server refused to delete an agency in use: offer to retire it instead. */
  offerRetire: Agency | null;
}

/** 使用終了 / 使用を再開 / 削除 for one agency at a time, with what to tell the person afterwards. */
export function useAgencyActions() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [deleting, setDeleting] = useState<Agency | null>(null);

  const retire = useMutation({
    mutationFn: ({ agency, retired }: { agency: Agency; retired: boolean }) =>
      call('agencies.setRetired', { id: agency.id, retired }),
    onSuccess: (_result, { agency, retired }) => {
      void refresh(queryClient, ['agencies.list']);
      setNotice(
        retired
          ? `「${agency.name}」を使用終了にしました。一覧に表示するには「使用終了も表示」を選んでください。`
          : `「${agency.name}」の使用を再開しました。`,
      );
    },
    onError: (error) => setFailure({ message: errorMessage(error), offerRetire: null }),
  });

  const remove = useMutation({
    mutationFn: (agency: Agency) => call('agencies.delete', { id: agency.id }),
    onSuccess: (_result, agency) => {
      void refresh(queryClient, ['agencies.list']);
      setNotice(`「${agency.name}」を削除しました。`);
    },
    onError: (error, agency) => {
      // The list may be older than the records: a household may have started using it meanwhile.
      if (isCallError(error, 'AGENCY_IN_USE')) {
        void refresh(queryClient, ['agencies.list']);
        setFailure({ message: error.message, offerRetire: agency.retired ? null : agency });
      } else {
        setFailure({ message: errorMessage(error), offerRetire: null });
      }
    },
  });

  function clear() {
    setNotice(null);
    setFailure(null);
  }

  const running = retire.isPending ? retire.variables?.agency : remove.isPending ? remove.variables : null;

  return {
    notice,
    failure,
    deleting,
    busyId: running?.id ?? null,
    clear,
    setRetired(agency: Agency, retired: boolean) {
      clear();
      retire.mutate({ agency, retired });
    },
    askDelete(agency: Agency) {
      clear();
      setDeleting(agency);
    },
    confirmDelete() {
      if (deleting) remove.mutate(deleting);
      setDeleting(null);
    },
    cancelDelete() {
      setDeleting(null);
    },
  };
}
