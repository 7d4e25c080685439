import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { call, errorMessage } from '../../api';
import { ListGate } from '../../documents/ListGate';
import { read } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { useListState } from '../HouseholdsSection';
import { useDebouncedValue } from '../useDebouncedValue';
import { HouseholdFilters } from './HouseholdFilters';
import styles from './HouseholdList.module.css';
import { HouseholdTable } from './HouseholdTable';
import {
  describeFilters,
  isFiltered,
  listLimit,
  listSortAfter,
  noFilters,
  toExportFilters,
  toListInput,
} from './listFilters';
import { useSlashToSearch } from './useSlashToSearch';

/** 世帯一覧: search as you type, filters, and the keyboard path `/` → type → ↓ → Enter. */
export function HouseholdList() {
  const navigate = useNavigate();
  const {
    filters,
    setFilters: onFiltersChange,
    highlightedId,
    setHighlightedId: onHighlight,
  } = useListState();
  const onOpen = (householdId: string) =>
    void navigate({ to: '/households/$householdId', params: { householdId } });
  const onNew = () => void navigate({ to: '/households/new' });
  const searchId = useId();
  const [printing, setPrinting] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  // Only typing waits (150 ms); a changed select applies at once. The old rows stay while loading.
  const query = useDebouncedValue(filters.query, 150);
  const input = toListInput({ ...filters, query });
  const list = useQuery({ ...read('households.list', input), placeholderData: keepPreviousData });
  const rows = list.data ?? [];
  const highlightedIndex = rows.findIndex((r) => r.id === highlightedId);
  const highlighted = rows[highlightedIndex];

  // A highlight that left the rows (new search) is forgotten, so ↓ starts again at the top.
  useEffect(() => {
    if (list.data && highlightedId && !list.data.some((r) => r.id === highlightedId)) onHighlight(null);
  }, [list.data, highlightedId, onHighlight]);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (rows.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next =
        highlightedIndex === -1
          ? step === 1
            ? 0
            : rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, highlightedIndex + step));
      onHighlight(rows[next]?.id ?? null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (highlighted) onOpen(highlighted.id);
    } else if (event.key === 'Escape' && filters.query !== '') {
      event.preventDefault();
      onFiltersChange({ ...filters, query: '' });
    }
  }

  const filtered = isFiltered(filters);
  const empty = list.isSuccess && rows.length === 0;

  return (
    <div className={cx(layoutStyles.page, layoutStyles.pageWide)}>
      <PageHeader title="世帯一覧" note="世帯を選ぶと、世帯員・本人同意・支援経過を表示します。" />
      <div className={styles.toolbar}>
        <div className={styles.search}>
          <label htmlFor={searchId} className={styles.searchLabel}>
            検索
          </label>
          <input
            ref={search}
            id={searchId}
            type="search"
            className={fieldStyles.input}
            placeholder="受付番号・表示名・氏名・ふりがな"
            autoComplete="off"
            value={filters.query}
            aria-describedby={`${searchId}-hint`}
            aria-keyshortcuts="/"
            onChange={(e) => onFiltersChange({ ...filters, query: e.target.value })}
            onKeyDown={onSearchKeyDown}
          />
          <p id={`${searchId}-hint`} className={cx(fieldStyles.hint, styles.searchHint)}>
            <kbd>/</kbd> で検索、<kbd>↑</kbd>
            <kbd>↓</kbd> で選び、<kbd>Enter</kbd> で開きます。
            <Link to="/households/notes" className={styles.notesLink}>
              支援経過の内容から探す
            </Link>
          </p>
        </div>
        <span className={layoutStyles.actionsSpacer} />
        <Button onClick={() => setPrinting(true)} disabled={!list.isSuccess}>
          印刷・書き出し
        </Button>
        <Button variant="primary" onClick={onNew}>
          新規登録
        </Button>
      </div>
      <ListGate
        open={printing}
        title="世帯一覧"
        formats={['docx', 'xlsx']}
        conditions={describeFilters(filters)}
        render={(choice) => call('documents.householdList', { ...toExportFilters(filters), ...choice })}
        onClose={() => setPrinting(false)}
      />
      <HouseholdFilters
        filters={filters}
        onChange={onFiltersChange}
        receivedDates={rows.map((r) => r.receivedOn)}
      />

      {list.isError && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      <p className={cx(styles.count, 'muted')} aria-live="polite">
        {list.isPending
          ? '読み込んでいます…'
          : rows.length >= listLimit
            ? `先頭の${listLimit}件を表示しています。条件を加えて絞り込んでください。`
            : `${rows.length}件`}
        {list.isFetching && !list.isPending && <span className={styles.searching}>（検索中）</span>}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {highlighted ? `${highlighted.caseNo} ${highlighted.label} を選択中。Enterで開きます。` : ''}
      </p>

      {empty && !filtered && (
        <section className={cx(layoutStyles.panel, styles.empty)}>
          <p className={styles.emptyTitle}>まだ世帯が登録されていません。</p>
          <p className="muted">相談を受け付けたら、受付番号と表示名から登録します。</p>
          <div className={cx(layoutStyles.actions, styles.emptyActions)}>
            <Button variant="primary" onClick={onNew}>
              新規登録
            </Button>
          </div>
        </section>
      )}
      {empty && filtered && (
        <section className={cx(layoutStyles.panel, styles.empty)}>
          <p className={styles.emptyTitle}>条件に合う世帯はありません。</p>
          <p className="muted">検索語や絞り込みを変えてください。</p>
          <div className={cx(layoutStyles.actions, styles.emptyActions)}>
            <Button
              onClick={() =>
                onFiltersChange({ ...noFilters, sort: filters.sort, direction: filters.direction })
              }
            >
              条件をすべて解除
            </Button>
          </div>
        </section>
      )}
      {rows.length > 0 && (
        <HouseholdTable
          rows={rows}
          highlightedId={highlightedId}
          onOpen={onOpen}
          sort={{ column: filters.sort, direction: filters.direction }}
          onSort={(column) => onFiltersChange({ ...filters, ...listSortAfter(filters, column) })}
        />
      )}
    </div>
  );
}
