import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import { contactMeansLabels } from '../../../../electron/domain/progress-note';
import type { ProgressNote } from '../../../../electron/ipc/schemas/households';
import { call, errorMessage } from '../../api';
import { ListGate } from '../../documents/ListGate';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { CollapsibleText } from '../../ui/CollapsibleText';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { Tag } from '../../ui/Tag';
import { VoidedMark } from '../corrections/CorrectionHistory';
import { VoidForm } from '../corrections/VoidForm';
import householdsStyles from '../households.module.css';
import { AreaNotice, useNotices } from '../notices';
import { useDebouncedValue } from '../useDebouncedValue';
import { memberName, type NoteMember } from './MembersConcerned';
import { NoteForm } from './NoteForm';
import { NoteHistory } from './NoteHistory';
import { NoteSearchField } from './NoteSearchField';
import styles from './ProgressNotesSection.module.css';

/**
 * 支援経過: newest first; one form open at a time (a new entry, or an edit that keeps history). The
 * search narrows the list to the entries whose text holds the words (folded as household search folds).
 */
export function ProgressNotesSection({
  householdId,
  members,
}: {
  householdId: string;
  members: readonly NoteMember[];
}) {
  const notes = useQuery(read('progressNotes.list', { householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<ProgressNote | null>(null);
  const [query, setQuery] = useState('');
  const searched = useDebouncedValue(query.trim(), 150);
  const found = useQuery({
    ...read('progressNotes.search', { query: searched, householdId, limit: 500 }),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });
  const notices = useNotices();
  const heading = useRef<HTMLHeadingElement>(null);
  const { section, note: linkedNote } = useSearch({ from: '/households/$householdId/' });

  // ホーム and the search across households link here: the section (and the entry) comes into view.
  const listed = notes.isSuccess;
  useEffect(() => {
    if (!listed || (section !== 'notes' && !linkedNote)) return;
    // After the page's own focus on its title (a parent's effect, which runs after this one).
    const frame = requestAnimationFrame(() => {
      const target = linkedNote ? document.getElementById(noteAnchor(linkedNote)) : heading.current;
      heading.current?.focus({ preventScroll: true });
      target?.scrollIntoView({ block: linkedNote ? 'center' : 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [listed, section, linkedNote]);

  const searching = searched !== '';
  const matching = searching && found.data ? new Set(found.data.map((f) => f.noteId)) : null;
  const shown = matching ? (notes.data ?? []).filter((n) => matching.has(n.id)) : notes.data;
  const memberOf = new Map(members.map((m) => [m.id, m]));
  const [printing, setPrinting] = useState(false);

  const formFor = (note?: ProgressNote) => (
    <NoteForm
      householdId={householdId}
      {...(note ? { noteId: note.id } : {})}
      initial={
        note
          ? {
              notedOn: warekiInput(note.notedOn),
              agencyId: note.agencyId,
              staff: note.staff,
              means: note.means,
              timeFrom: note.timeFrom ?? '',
              timeTo: note.timeTo ?? '',
              memberIds: note.members.map((m) => m.id),
              content: note.content,
              nextPlan: note.nextPlan,
              nextOn: warekiInput(note.nextOn),
            }
          : {
              notedOn: warekiInput(officeDate(new Date())),
              agencyId: null,
              staff: '',
              means: null,
              timeFrom: '',
              timeTo: '',
              memberIds: [],
              content: '',
              nextPlan: '',
              nextOn: '',
            }
      }
      agencies={agencies.data ?? []}
      members={[
        ...members,
        // A member the entry names who has since left the list (取消) stays choosable for it.
        ...(note?.members ?? [])
          .filter((m) => !memberOf.has(m.id))
          .map((m) => ({ ...m, name: '', relationship: '', deceased: false })),
      ]}
      onCancel={() => setEditing(null)}
      onSaved={() => {
        setEditing(null);
        notices.show(
          'notes',
          note ? '支援経過を訂正しました。訂正前の内容は履歴に残っています。' : '支援経過を追加しました。',
        );
        heading.current?.focus();
      }}
    />
  );

  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-notes-title">
      <div className={householdsStyles.sectionHead}>
        <h2 id="hh-notes-title" ref={heading} tabIndex={-1} className={householdsStyles.sectionTitle}>
          支援経過
          {notes.data && (
            <span className={householdsStyles.sectionCount}>
              {notes.data.filter((n) => !n.voided).length}件
            </span>
          )}
        </h2>
        <span className={layoutStyles.actionsSpacer} />
        <Button disabled={!notes.data} onClick={() => setPrinting(true)}>
          印刷・書き出し
        </Button>
        <Button
          disabled={editing !== null || !agencies.data}
          onClick={() => {
            notices.clear();
            setEditing('new');
          }}
        >
          支援経過を追加
        </Button>
      </div>
      <ListGate
        open={printing}
        title="ケース記録（支援経過）"
        formats={['docx']}
        render={({ names, namesReason }) => call('documents.caseRecord', { householdId, names, namesReason })}
        onClose={() => setPrinting(false)}
      />
      <AreaNotice area="notes" className={householdsStyles.sectionNotice} />
      {notes.data && notes.data.length > 0 && (
        <NoteSearchField
          value={query}
          onChange={setQuery}
          status={
            !searching
              ? ''
              : found.isError
                ? errorMessage(found.error)
                : found.isPending || found.isPlaceholderData
                  ? '検索しています…'
                  : `「${searched}」を含む支援経過 ${shown?.length ?? 0}件`
          }
        />
      )}
      {notes.isError && <Notice tone="error">{errorMessage(notes.error)}</Notice>}
      {editing === 'new' && <div className={cx(styles.note, styles.noteEditing)}>{formFor()}</div>}
      {notes.data?.length === 0 && editing !== 'new' && <p className="muted">支援経過はまだありません。</p>}
      {matching && shown?.length === 0 && (
        <p className="muted">
          見つかりません。取り消した支援経過は検索しません。言葉を短くするか、別の言い方で探してください。
        </p>
      )}
      <ol className={styles.notes}>
        {shown?.map((note) => (
          <li
            key={note.id}
            id={noteAnchor(note.id)}
            className={cx(styles.note, note.id === linkedNote && styles.noteLinked)}
            data-testid="progress-note"
          >
            {editing === note.id ? (
              formFor(note)
            ) : (
              <article aria-label={`${formatWarekiDate(note.notedOn)}の支援経過`}>
                <div className={cx(styles.noteHead, note.voided && householdsStyles.struck)}>
                  <span className={styles.noteDate}>{formatWarekiDate(note.notedOn)}</span>
                  {(note.timeFrom || note.timeTo) && (
                    <span className={styles.noteTime}>
                      {note.timeFrom ?? ''}〜{note.timeTo ?? ''}
                    </span>
                  )}
                  {note.means && <Tag tone="muted">{contactMeansLabels[note.means]}</Tag>}
                  <span>{note.agencyName ?? 'コーディネーター'}</span>
                  {note.staff && <span className="muted">担当者 {note.staff}</span>}
                  <span className={layoutStyles.actionsSpacer} />
                  {(note.revision > 1 || note.voided) && (
                    <Button variant="link" onClick={() => setHistoryOf(note.id)}>
                      履歴（訂正 {note.revision - 1}回{note.voided ? '・取消' : ''}）
                    </Button>
                  )}
                  {!note.voided && (
                    <>
                      <Button
                        variant="link"
                        disabled={editing !== null}
                        onClick={() => {
                          notices.clear();
                          setEditing(note.id);
                        }}
                      >
                        訂正
                      </Button>
                      <Button
                        variant="link"
                        disabled={editing !== null}
                        onClick={() => {
                          notices.clear();
                          setVoiding(note);
                        }}
                      >
                        取消
                      </Button>
                    </>
                  )}
                </div>
                <VoidedMark voided={note.voided} />
                {note.members.length > 0 && (
                  <p className={styles.noteMembers} data-testid="note-members">
                    <span className={styles.noteLabel}>対象</span>
                    {note.members
                      .map((m) => {
                        const member = memberOf.get(m.id);
                        return member ? memberName(member) : m.label;
                      })
                      .join('、')}
                  </p>
                )}
                <CollapsibleText
                  className={cx(styles.noteContent, note.voided && householdsStyles.struck)}
                  testId="note-content"
                >
                  {note.content}
                </CollapsibleText>
                {(note.nextPlan || note.nextOn) && (
                  <p className={styles.noteNext}>
                    <span className={styles.noteLabel}>次の予定</span>
                    {note.nextOn && (
                      <span className={styles.noteNextOn} data-testid="note-next-on">
                        {formatWarekiDate(note.nextOn)}
                      </span>
                    )}
                    <span className={householdsStyles.multiline}>{note.nextPlan}</span>
                  </p>
                )}
              </article>
            )}
          </li>
        ))}
      </ol>
      <Dialog open={voiding !== null} title="支援経過を取り消す" onClose={() => setVoiding(null)}>
        {voiding && (
          <VoidForm
            effect="この支援経過は経過（タイムライン）から外れます。"
            voidRecord={(reason) => call('progressNotes.void', { id: voiding.id, reason })}
            onCancel={() => setVoiding(null)}
            onDone={() => {
              setVoiding(null);
              notices.show('notes', '支援経過を取り消しました。');
              heading.current?.focus();
            }}
          >
            {formatWarekiDate(voiding.notedOn)}の支援経過：{voiding.content.slice(0, 40)}
          </VoidForm>
        )}
      </Dialog>
      <Dialog
        open={historyOf !== null}
        title="支援経過の訂正・取消の履歴"
        size="wide"
        onClose={() => setHistoryOf(null)}
      >
        {historyOf && <NoteHistory noteId={historyOf} onClose={() => setHistoryOf(null)} />}
      </Dialog>
    </section>
  );
}

/** The element id of one entry, for links from ホーム and from the search across households. */
const noteAnchor = (noteId: string) => `note-${noteId}`;
