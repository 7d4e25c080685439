import { useId } from 'react';
import fieldStyles from './Field.module.css';
import styles from './TagPicker.module.css';

interface TagPickerProps {
  legend: string;
  /** Every tag that can be chosen, in display order. */
  options: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Tags no longer offered for new choices; shown only when already chosen. */
  retired?: ReadonlySet<string>;
  hint?: string;
  error?: string | undefined;
}

/** A multi-select of short tags as toggle chips (checkboxes underneath, so Tab and Space work). */
export function TagPicker({ legend, options, value, onChange, retired, hint, error }: TagPickerProps) {
  const id = useId();
  const chosen = new Set(value);
  const shown = options.filter((o) => !retired?.has(o) || chosen.has(o));
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={fieldStyles.group} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className={fieldStyles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={styles.options}>
        {shown.map((option) => (
          <label key={option} className={styles.choice}>
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.filter((o) => o === option || chosen.has(o))
                    : value.filter((v) => v !== option),
                )
              }
            />
            <span>
              {option}
              {retired?.has(option) && '（使用終了）'}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className={fieldStyles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
