import type { ParsedInput } from '../../ipc/contract.js';

/** The 159条 confirmation as a coordinator gives it for a meeting's handouts: warning ticked, then 保存. */
export const savedForMeeting = (previewId: string): ParsedInput<'documents.issue'> => ({
  previewId,
  action: 'save',
  purpose: '会議資料として配布',
  purposeNote: '',
  warningAcknowledged: true,
});
