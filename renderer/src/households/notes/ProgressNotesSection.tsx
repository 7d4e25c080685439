import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { ProgressNote } from '../../../../electron/ipc/schemas/households';
import { call, errorMessage } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { VoidedMark } from '../corrections/CorrectionHistory';
import { VoidForm } from '../corrections/VoidForm';
import householdsStyles from '../households.module.css';
import { AreaNotice, useNotices } from '../notices';
import { NoteForm } from './NoteForm';
import { NoteHistory } from './NoteHistory';
import styles from './ProgressNotesSection.module.css';

/** 支援経過: newest first; one form open at a time (a new entry, or an edit that keeps history). */
export function ProgressNotesSection({ householdId }: { householdId: string }) {
  const notes = useQuery(read('progressNotes.list', { householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<ProgressNote | null>(null);
  const notices = useNotices();
  const heading = useRef<HTMLHeadingElement>(null);

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
              content: note.content,
              nextPlan: note.nextPlan,
            }
          : {
              notedOn: warekiInput(officeDate(new Date())),
              agencyId: null,
              staff: '',
              content: '',
              nextPlan: '',
            }
      }
      agencies={agencies.data ?? []}
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
      <AreaNotice area="notes" className={householdsStyles.sectionNotice} />
      {notes.isError && <Notice tone="error">{errorMessage(notes.error)}</Notice>}
      {editing === 'new' && <div className={cx(styles.note, styles.noteEditing)}>{formFor()}</div>}
      {notes.data?.length === 0 && editing !== 'new' && <p className="muted">支援経過はまだありません。</p>}
      <ol className={styles.notes}>
        {notes.data?.map((note) => (
          <li key={note.id} className={styles.note} data-testid="progress-note">
            {editing === note.id ? (
              formFor(note)
            ) : (
              <article aria-label={`${formatWarekiDate(note.notedOn)}の支援経過`}>
                <div className={cx(styles.noteHead, note.voided && householdsStyles.struck)}>
                  <span className={styles.noteDate}>{formatWarekiDate(note.notedOn)}</span>
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
                <p
                  className={cx(
                    householdsStyles.multiline,
                    styles.noteContent,
                    note.voided && householdsStyles.struck,
                  )}
                  data-testid="note-content"
                >
                  {note.content}
                </p>
                {note.nextPlan && (
                  <p className={styles.noteNext}>
                    <span className={styles.noteNextLabel}>次の予定</span>
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
