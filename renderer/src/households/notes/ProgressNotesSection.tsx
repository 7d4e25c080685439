import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { ProgressNote } from '../../../../electron/ipc/schemas/households';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import { AreaNotice, useNotices } from '../notices';
import { NoteForm } from './NoteForm';
import { NoteHistory } from './NoteHistory';

/** 支援経過: newest first; one form open at a time (a new entry, or an edit that keeps history). */
export function ProgressNotesSection({ householdId }: { householdId: string }) {
  const notes = useQuery(read('progressNotes.list', { householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
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
        notices.show('notes', note ? '支援経過を修正しました。' : '支援経過を追加しました。');
        heading.current?.focus();
      }}
    />
  );

  return (
    <section className="panel hh-section" aria-labelledby="hh-notes-title">
      <div className="hh-section-head">
        <h2 id="hh-notes-title" ref={heading} tabIndex={-1} className="hh-section-title">
          支援経過
          {notes.data && <span className="hh-section-count">{notes.data.length}件</span>}
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
      <AreaNotice area="notes" className="hh-section-notice" />
      {notes.isError && <Notice tone="error">{errorMessage(notes.error)}</Notice>}
      {editing === 'new' && <div className="hh-note hh-note-editing">{formFor()}</div>}
      {notes.data?.length === 0 && editing !== 'new' && <p className="muted">支援経過はまだありません。</p>}
      <ol className="hh-notes">
        {notes.data?.map((note) => (
          <li key={note.id} className="hh-note" data-testid="progress-note">
            {editing === note.id ? (
              formFor(note)
            ) : (
              <article aria-label={`${formatWarekiDate(note.notedOn)}の支援経過`}>
                <div className="hh-note-head">
                  <span className="hh-note-date">{formatWarekiDate(note.notedOn)}</span>
                  <span>{note.agencyName ?? 'コーディネーター'}</span>
                  {note.staff && <span className="muted">担当者 {note.staff}</span>}
                  <span className="actions-spacer" />
                  {note.revision > 1 && (
                    <Button variant="link" onClick={() => setHistoryOf(note.id)}>
                      修正 {note.revision - 1}回
                    </Button>
                  )}
                  <Button
                    variant="link"
                    disabled={editing !== null}
                    onClick={() => {
                      notices.clear();
                      setEditing(note.id);
                    }}
                  >
                    修正
                  </Button>
                </div>
                <p className="hh-multiline hh-note-content">{note.content}</p>
                {note.nextPlan && (
                  <p className="hh-note-next">
                    <span className="hh-note-next-label">次の予定</span>
                    <span className="hh-multiline">{note.nextPlan}</span>
                  </p>
                )}
              </article>
            )}
          </li>
        ))}
      </ol>
      <Dialog
        open={historyOf !== null}
        title="支援経過の修正履歴"
        size="wide"
        onClose={() => setHistoryOf(null)}
      >
        {historyOf && <NoteHistory noteId={historyOf} onClose={() => setHistoryOf(null)} />}
      </Dialog>
    </section>
  );
}
