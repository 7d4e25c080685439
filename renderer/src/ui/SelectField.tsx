import { type ReactNode, type Ref, type SelectHTMLAttributes, useId } from 'react';
import { describedBy, FieldFrame } from './Field';
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
  const id = `${useId()}-${select.name ?? 'select'}`;
  return (
    <FieldFrame
      id={id}
      label={label}
      error={error}
      hint={hint}
      required={required}
      className={fieldClassName}
    >
      <select
        id={id}
        className={fieldStyles.select}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
