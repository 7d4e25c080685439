import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';
import { cx } from './cx';
import styles from './Field.module.css';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean | undefined;
  children: ReactNode;
  className?: string;
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The id a labelled control gets, and the attributes that tie it to its FieldFrame's hint and error
 * (read aloud with the control) and mark it invalid or required.
 */
export function useFieldControl(
  name: string | undefined,
  { hint, error, required }: { hint?: ReactNode; error?: string | undefined; required?: boolean | undefined },
) {
  const id = `${useId()}-${name ?? 'field'}`;
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

/** Label above, hint below the label, the control, then the error in red right under it. */
export function FieldFrame({ id, label, error, hint, required, children, className }: FieldFrameProps) {
  return (
    <div className={cx(styles.field, error && styles.invalid, className)}>
      <div className={styles.labelRow}>
        <label className={styles.label} htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className={styles.required} aria-hidden="true">
            必須
          </span>
        )}
      </div>
      {hint && (
        <p className={styles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className={styles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
  /** Extra content under the input (e.g. the strength meter). */
  after?: ReactNode;
  inputClassName?: string;
  fieldClassName?: string;
}

/** A labelled text input wired for react-hook-form's `register` (name, ref, onChange, onBlur). */
export function TextField({
  label,
  error,
  hint,
  required,
  after,
  inputClassName,
  fieldClassName,
  ...input
}: TextFieldProps) {
  const control = useFieldControl(input.name, { hint, error, required });
  return (
    <FieldFrame
      id={control.id}
      label={label}
      error={error}
      hint={hint}
      required={required}
      className={fieldClassName}
    >
      <input {...control} className={cx(styles.input, inputClassName)} {...input} />
      {after}
    </FieldFrame>
  );
}
