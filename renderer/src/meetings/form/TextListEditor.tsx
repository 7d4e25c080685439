import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import meetingsStyles from '../meetings.module.css';
import styles from './TextListEditor.module.css';

interface TextListEditorProps {
  legend: string;
  hint?: string;
  values: readonly string[];
  onChange: (next: string[]) => void;
  /** The error for each line, by index (from the contract's schema). */
  errors?: readonly (string | undefined)[];
  /** What a line is called in button names: 「議事」→「議事 3 を上へ」. */
  itemName: string;
  addLabel: string;
  max: number;
  numbered?: boolean;
}

/**
 * An ordered list of short lines (会次第, 配布資料): add, remove, reorder with the buttons or with
 * Alt+↑ / Alt+↓ in a line. Focus follows the line that moved.
 */
export function TextListEditor({
  legend,
  hint,
  values,
  onChange,
  errors = [],
  itemName,
  addLabel,
  max,
  numbered = false,
}: TextListEditorProps) {
  const id = useId();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    inputs.current[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  function move(from: number, to: number) {
    if (to < 0 || to >= values.length) return;
    const next = [...values];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item ?? '');
    onChange(next);
    setFocusIndex(to);
  }

  function remove(index: number) {
    onChange(values.filter((_, i) => i !== index));
    setFocusIndex(Math.min(index, values.length - 2));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
  }

  const ListTag = numbered ? 'ol' : 'ul';
  return (
    <fieldset className={fieldStyles.group} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className={fieldStyles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ListTag className={styles.textListItems}>
        {values.map((value, index) => {
          const error = errors[index];
          const inputId = `${id}-${index}`;
          const label = `${itemName} ${index + 1}`;
          return (
            // Lines have no identity of their own; the index is what the person sees and reorders.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index} className={error ? cx(styles.textLine, fieldStyles.invalid) : styles.textLine}>
              {numbered && (
                <span className={styles.textNumber} aria-hidden="true">
                  {index + 1}
                </span>
              )}
              <input
                ref={(el) => {
                  inputs.current[index] = el;
                }}
                id={inputId}
                className={fieldStyles.input}
                aria-label={label}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                value={value}
                onChange={(event) => onChange(values.map((v, i) => (i === index ? event.target.value : v)))}
                onKeyDown={(event) => onKeyDown(event, index)}
              />
              <span className={meetingsStyles.lineActions}>
                <Button
                  compact
                  aria-label={`${label} を上へ`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </Button>
                <Button
                  compact
                  aria-label={`${label} を下へ`}
                  disabled={index === values.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </Button>
                <Button
                  compact
                  variant="danger-outline"
                  aria-label={`${label} を削除`}
                  onClick={() => remove(index)}
                >
                  削除
                </Button>
              </span>
              {error && (
                <p className={cx(fieldStyles.error, styles.lineError)} id={`${inputId}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ListTag>
      <Button
        compact
        disabled={values.length >= max}
        onClick={() => {
          onChange([...values, '']);
          setFocusIndex(values.length);
        }}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}
