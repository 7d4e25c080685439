import { type ErrorCode, errorMessages } from '../ipc/errors.js';

export { type ErrorCode, errorMessages };

type Details = Record<string, unknown>;

/**
 * A failure the coordinator should see: code for the program, Japanese message for the person.
 * `details.field` puts the message next to that field in the form. A `VALIDATION` refusal must name
 * its field (the compiler asks for it); a refusal that comes from the records has its own code.
 */
export class KasaneError extends Error {
  override name = 'KasaneError';
  readonly code: ErrorCode;
  readonly details?: Details;
  constructor(code: 'VALIDATION', message: string, details: Details & { field: string });
  constructor(code: Exclude<ErrorCode, 'VALIDATION'>, message?: string, details?: Details);
  constructor(code: ErrorCode, message: string = errorMessages[code], details?: Details) {
    super(message);
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}
