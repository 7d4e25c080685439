import { type ReactNode, useId } from 'react';
import styles from './ChoiceGroup.module.css';
import { cx } from './cx';
import fieldStyles from './Field.module.css';

/** A labelled group of radio buttons or check boxes (arrow keys move between radios), its error below. */
export function ChoiceGroup({
  legend,
  required = false,
  hint,
  error,
  children,
}: {
  legend: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={fieldStyles.group}
      aria-describedby={described || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend}
        {required && <span className={cx(fieldStyles.required, styles.required)}>必須</span>}
      </legend>
      {hint && (
        <p className={fieldStyles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className={fieldStyles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
