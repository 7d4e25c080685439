import type { FieldErrors, FieldValues } from 'react-hook-form';
import { invalidFormMessage } from '../ui/formErrors';
import { Notice } from '../ui/Notice';

/**
 * The message at the foot of a form. 「赤字の項目を確認してください」 goes away by itself once the
 * person has corrected every field (react-hook-form re-checks as they type); other messages stay.
 */
export function FormErrorNotice<T extends FieldValues>({
  message,
  errors,
}: {
  message: string | null;
  errors: FieldErrors<T>;
}) {
  if (!message) return null;
  if (message === invalidFormMessage && Object.keys(errors).length === 0) return null;
  return <Notice tone="error">{message}</Notice>;
}
