import { type ErrorCode, errorMessages } from '../ipc/errors.js';

export { type ErrorCode, errorMessages };

/** A failure the coordinator should see: code for the program, Japanese message for the person. */
export class KasaneError extends Error {
  override name = 'KasaneError';
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
