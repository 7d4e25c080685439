import { type KeyboardEvent, type Ref, useId } from 'react';
import fieldStyles from '../../ui/Field.module.css';
import styles from './NoteSearchField.module.css';

/** 支援経過を検索: words typed here narrow the list; Esc clears them. The count is read aloud. */
export function NoteSearchField({
  value,
  onChange,
  status,
  ref,
}: {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (next: string) => void;
  /** What the search found, or that it is still looking ('' while nothing is typed). */
  status: string;
}) {
  const id = useId();
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      event.stopPropagation();
      onChange('');
    }
  }
  return (
    <search className={styles.search}>
      <label htmlFor={id} className={styles.label}>
        支援経過を検索
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        className={fieldStyles.input}
        placeholder="内容・次の予定の言葉（例：通院）"
        autoComplete="off"
        value={value}
        aria-describedby={`${id}-status`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-status`} className={styles.status} aria-live="polite" data-testid="note-search-status">
        {status}
      </p>
    </search>
  );
}
