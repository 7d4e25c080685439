import { type ReactNode, type Ref, type TextareaHTMLAttributes, useId } from 'react';
import { cx } from './cx';
import { describedBy, FieldFrame } from './Field';
import fieldStyles from './Field.module.css';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
  fieldClassName?: string;
}

/** A labelled multi-line input for react-hook-form's `register`; Enter is a new line, never a submit. */
export function TextAreaField({
  label,
  error,
  hint,
  required,
  fieldClassName,
  ...textarea
}: TextAreaFieldProps) {
  const id = `${useId()}-${textarea.name ?? 'field'}`;
  return (
    <FieldFrame
      id={id}
      label={label}
      error={error}
      hint={hint}
      required={required}
      className={fieldClassName}
    >
      <textarea
        id={id}
        className={cx(fieldStyles.input, fieldStyles.textarea)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
