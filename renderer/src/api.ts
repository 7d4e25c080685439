import type { Channel } from '../../electron/ipc/channels';
import type { ChannelInput, ChannelOutput, IpcResult, KasaneApi } from '../../electron/ipc/contract';
import type { ErrorCode } from '../../electron/ipc/errors';

declare global {
  interface Window {
    /** Defined by the preload (Electron) or the loopback bridge (e2e harness). */
    readonly kasane: KasaneApi;
  }
}

/** A refused call: the code is for the program, the Japanese message is shown as it is. */
export class KasaneCallError extends Error {
  override name = 'KasaneCallError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const unreachableMessage =
  'かさねの内部処理に接続できませんでした。操作をやり直してください。続く場合はかさねを再起動してください。';

/** Calls one contract channel; returns its value or throws a KasaneCallError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const invoke = window.kasane[channel] as (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
  let result: IpcResult<ChannelOutput<C>>;
  try {
    result = await invoke(input);
  } catch {
    throw new KasaneCallError('INTERNAL', unreachableMessage);
  }
  if (result.ok) return result.value;
  throw new KasaneCallError(result.code, result.message, result.fieldErrors ?? {}, result.details ?? {});
}

export function isCallError(error: unknown, code?: ErrorCode): error is KasaneCallError {
  return error instanceof KasaneCallError && (code === undefined || error.code === code);
}

/** The message to show for any error, never a stack trace. */
export function errorMessage(error: unknown): string {
  return error instanceof KasaneCallError ? error.message : unreachableMessage;
}
