import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorCode } from '../../../electron/ipc/errors';
import { errorMessage, isCallError } from '../api';

interface Placement<T extends FieldValues> {
  /** Every field of the form: the contract's error paths match these names (`meetingLabels.consented`). */
  fields: readonly Path<T>[];
  /** Error codes that belong to one field, e.g. WRONG_PASSPHRASE → the current passphrase. */
  codes?: Partial<Record<ErrorCode, Path<T>>>;
}

/**
 * Puts a refused call's errors next to their fields. Returns the message for the top of the form,
 * or null when every error found its field.
 */
export function applyCallError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  { fields, codes = {} }: Placement<T>,
): string | null {
  if (!isCallError(error)) return errorMessage(error);
  const codeField = codes[error.code];
  if (codeField) {
    setError(codeField, { type: 'server', message: error.message }, { shouldFocus: true });
    return null;
  }
  const entries = Object.entries(error.fieldErrors);
  if (entries.length === 0) return error.message;
  let unplaced = false;
  let first = true;
  for (const [path, message] of entries) {
    const field = fields.find((f) => f === path);
    if (!field) {
      unplaced = true;
      continue;
    }
    setError(field, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  return unplaced ? error.message : null;
}

export const invalidFormMessage = '入力内容に誤りがあります。赤字の項目を確認してください。';
