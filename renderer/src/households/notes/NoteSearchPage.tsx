import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef } from 'react';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { CollapsibleText } from '../../ui/CollapsibleText';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { useListState } from '../HouseholdsSection';
import householdsStyles from '../households.module.css';
import { useSlashToSearch } from '../list/useSlashToSearch';
import { useDebouncedValue } from '../useDebouncedValue';
import { NoteSearchField } from './NoteSearchField';
import styles from './NoteSearchPage.module.css';

const limit = 100;

/**
 * 支援経過の検索: every household's notes, by the words of their 内容 and 次の予定, folded as the
 * household search folds (rule 16). Each hit leads to its entry on the household's page.
 */
export function NoteSearchPage() {
  // The words live with 世帯, so they are still there after opening a hit and coming back.
  const { noteQuery: query, setNoteQuery: setQuery } = useListState();
  const searched = useDebouncedValue(query.trim(), 200);
  const input = useRef<HTMLInputElement>(null);
  useSlashToSearch(input);
  const found = useQuery({
    ...read('progressNotes.search', { query: searched, limit }),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });

  const hits = searched === '' ? [] : (found.data ?? []);
  const status =
    searched === ''
      ? ''
      : found.isPending || found.isPlaceholderData
        ? '検索しています…'
        : hits.length >= limit
          ? `新しい順に先頭の${limit}件を表示しています。言葉を加えて絞り込んでください。`
          : `「${searched}」を含む支援経過 ${hits.length}件`;

  return (
    <div className={cx(layoutStyles.page, layoutStyles.pageWide)}>
      <PageHeader title="支援経過の検索" note="すべての世帯の支援経過を、内容と次の予定の言葉で探します。" />
      <NoteSearchField ref={input} value={query} onChange={setQuery} status={status} />
      <p className={cx('muted small', styles.folding)}>
        異体字（髙と高、﨑と崎など）、全角と半角、カタカナとひらがなの違いは区別しません。取り消した支援経過は探しません。
      </p>
      {found.isError && <Notice tone="error">{errorMessage(found.error)}</Notice>}
      {searched !== '' && found.isSuccess && hits.length === 0 && (
        <p className="muted">見つかりません。言葉を短くするか、別の言い方で探してください。</p>
      )}
      <ol className={styles.hits}>
        {hits.map((hit) => (
          <li key={hit.noteId} className={cx(layoutStyles.panel, styles.hit)} data-testid="note-hit">
            <div className={styles.hitHead}>
              <span className={styles.hitDate}>{formatWarekiDate(hit.notedOn)}</span>
              <Link
                to="/households/$householdId"
                params={{ householdId: hit.householdId }}
                search={{ note: hit.noteId }}
                className={styles.hitLink}
              >
                {hit.caseNo} {hit.householdLabel}
              </Link>
            </div>
            <CollapsibleText>{hit.content}</CollapsibleText>
            {hit.nextPlan && (
              <p className={cx(householdsStyles.multiline, 'muted small')}>次の予定：{hit.nextPlan}</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
