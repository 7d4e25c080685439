import { isCallError, KasaneCallError } from '../api';

/**
 * The same refusal with its field paths relative to a nested input: `households.update` reports
 * `household.caseNo`, the form knows `caseNo`.
 */
export function withoutPathPrefix(error: unknown, prefix: string): unknown {
  if (!isCallError(error)) return error;
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([path, message]) => [
      path.startsWith(prefix) ? path.slice(prefix.length) : path,
      message,
    ]),
  );
  return new KasaneCallError(error.code, error.message, fieldErrors, error.details);
}
