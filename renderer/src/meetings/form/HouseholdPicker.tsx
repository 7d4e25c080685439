import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { consentLabels } from '../../../../electron/domain/consent';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { useFocusOnMount } from '../../ui/useFocusOnMount';
import meetingsStyles from '../meetings.module.css';
import styles from './HouseholdPicker.module.css';

/**
 * Which household the meeting is for: search by 受付番号 or 表示名; Enter takes the first match,
 * ↓ walks the matches (buttons), Enter on one takes it.
 */
export function HouseholdPicker({ onPick }: { onPick: (householdId: string) => void }) {
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  useFocusOnMount(search);
  const [query, setQuery] = useState('');
  const list = useQuery({
    ...read('households.list', { query: query.trim(), limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data ?? [];

  const buttons = () => [...(results.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = rows[0];
      if (first) onPick(first.id);
    }
  }

  function onResultsKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) search.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  }

  return (
    <section className={cx(layoutStyles.panel, styles.picker)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={layoutStyles.panelTitle}>
        どの世帯の会議ですか
      </h2>
      <label htmlFor={`${id}-search`} className={fieldStyles.label}>
        世帯を検索
      </label>
      <input
        ref={search}
        id={`${id}-search`}
        type="search"
        className={cx(fieldStyles.input, styles.pickerSearch)}
        placeholder="受付番号・表示名"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onSearchKeyDown}
      />
      <p id={`${id}-hint`} className={fieldStyles.hint}>
        <kbd>Enter</kbd> で先頭の世帯を選びます。<kbd>↓</kbd> で候補に移り、<kbd>Enter</kbd> で決定します。
      </p>
      {list.isError && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      {list.isSuccess && rows.length === 0 && (
        <p className={cx('muted', styles.pickerEmpty)}>
          該当する世帯はありません。世帯は「世帯」の画面で登録します。
        </p>
      )}
      <ul ref={results} className={styles.pickerResults} aria-label="世帯の候補" onKeyDown={onResultsKeyDown}>
        {rows.map((row) => (
          <li key={row.id} className={styles.pickerOption}>
            <button type="button" className={styles.pickerButton} onClick={() => onPick(row.id)}>
              <span className={meetingsStyles.caseno}>{row.caseNo}</span>
              <span className={styles.pickerLabel}>{row.label}</span>
              <span
                className={cx(
                  styles.consent,
                  row.consent === 'granted' ? styles.consentGranted : styles.consentMissing,
                )}
              >
                {consentLabels[row.consent]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
