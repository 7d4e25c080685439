import type { z } from 'zod';
import type { ChannelOutput } from '../../../electron/ipc/contract';
import type { documentPreviewInputSchema } from '../../../electron/ipc/schemas/meetings';

export type PreviewOptions = z.input<typeof documentPreviewInputSchema>;
export type Preview = ChannelOutput<'documents.preview'>;
export type IssueAction = 'save' | 'openInWord';
export interface IssueOutcome {
  action: IssueAction;
  done: boolean;
  fileNames: string[];
}
