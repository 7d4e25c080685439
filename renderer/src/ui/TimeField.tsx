import { cx } from './cx';
import { TextField } from './Field';
import styles from './TimeField.module.css';

type TextFieldProps = Parameters<typeof TextField>[0];

/** A time typed as 14:00 (full-width digits too); the contract's schema reads it. */
export function TimeField({ inputClassName, ...input }: Omit<TextFieldProps, 'type'>) {
  return (
    <TextField
      autoComplete="off"
      inputMode="numeric"
      inputClassName={cx(styles.time, inputClassName)}
      {...input}
    />
  );
}
