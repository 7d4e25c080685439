import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import { FieldFrame, useFieldControl } from './Field';
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
  const control = useFieldControl(textarea.name, { hint, error, required });
  return (
    <FieldFrame
      id={control.id}
      label={label}
      error={error}
      hint={hint}
      required={required}
      className={fieldClassName}
    >
      <textarea {...control} className={cx(fieldStyles.input, fieldStyles.textarea)} {...textarea} />
    </FieldFrame>
  );
}
