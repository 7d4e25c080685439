import type { ReactNode } from 'react';
import { eraOverflowRefusal, parseJapaneseDate } from '../../../electron/domain/dates';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import { cx } from './cx';
import { TextField } from './Field';
import fieldStyles from './Field.module.css';

type TextFieldProps = Parameters<typeof TextField>[0];

export const dateInputHint = '例：令和6年4月1日、R6.4.1、2024/4/1';

/** What a typed date reads as: 令和6年4月1日（月）, or a gentle note while it is not a date yet. */
export function readDate(text: string | null | undefined): { iso: string | null; echo: string } {
  const value = text ?? '';
  if (value.trim() === '') return { iso: null, echo: '' };
  const iso = parseJapaneseDate(value);
  return iso
    ? { iso, echo: formatWarekiDate(iso) }
    : { iso: null, echo: eraOverflowRefusal(value) ?? '日付として読み取れません' };
}

/** The typed date read back in 和暦 as the person types (domain rule 15). */
export function DateEcho({
  text,
  suffix,
  quiet = false,
}: {
  text: string | null | undefined;
  suffix?: ReactNode;
  /** Say nothing about unreadable text (an error message is already under the input). */
  quiet?: boolean;
}) {
  const { iso, echo } = readDate(text);
  if (quiet && !iso) return null;
  return (
    <output
      className={iso ? fieldStyles.echo : cx(fieldStyles.echo, fieldStyles.echoUnread)}
      aria-live="polite"
    >
      {echo}
      {iso && suffix}
    </output>
  );
}

interface DateFieldProps extends Omit<TextFieldProps, 'after' | 'type' | 'value'> {
  /** The text typed so far (from `useWatch`), read back in 和暦 under the input. */
  typed: string | null | undefined;
}

/**
 * A date typed the way the office writes it (西暦, 和暦, R6.4.1, full-width digits); the contract's
 * schema turns it into ISO, so the errors are the same here and in main.
 */
export function DateField({ typed, hint = dateInputHint, inputClassName, ...input }: DateFieldProps) {
  return (
    <TextField
      {...input}
      type="text"
      autoComplete="off"
      hint={hint}
      inputClassName={[fieldStyles.date, inputClassName].filter(Boolean).join(' ')}
      after={<DateEcho text={typed} quiet={Boolean(input.error)} />}
    />
  );
}
