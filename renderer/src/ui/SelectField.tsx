import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldControl } from './Field';
import fieldStyles from './Field.module.css';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
  fieldClassName?: string;
}

/** A labelled drop-down wired for react-hook-form's `register`, laid out like TextField. */
export function SelectField({
  label,
  error,
  hint,
  required,
  fieldClassName,
  children,
  ...select
}: SelectFieldProps) {
  const control = useFieldControl(select.name, { hint, error, required });
  return (
    <FieldFrame
      id={control.id}
      label={label}
      error={error}
      hint={hint}
      required={required}
      className={fieldClassName}
    >
      <select {...control} className={fieldStyles.select} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}
