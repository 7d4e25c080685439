import { useQuery } from '@tanstack/react-query';
import { formatWarekiDate, formatWarekiDateTime } from '../../../../electron/domain/office-day';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { DialogActions, DialogBody } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';

/** 修正履歴: what a 支援経過 said before each edit, newest first. */
export function NoteHistory({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const history = useQuery(read('progressNotes.history', { noteId }));
  return (
    <div>
      <DialogBody scroll>
        {history.isPending && <p className="muted">読み込んでいます…</p>}
        {history.isError && <Notice tone="error">{errorMessage(history.error)}</Notice>}
        {history.data && (
          <ol className="hh-history">
            {history.data.map((r) => (
              <li key={r.revision} className="hh-history-item" data-testid="note-revision">
                <p className="hh-history-head">
                  第{r.revision}版
                  <span className="muted small">（{formatWarekiDateTime(r.replacedAt)}に修正）</span>
                </p>
                <p className="muted small">
                  日付 {formatWarekiDate(r.notedOn)}
                  {r.staff && `　担当者 ${r.staff}`}
                </p>
                <p className="hh-multiline">{r.content}</p>
                {r.nextPlan && <p className="hh-multiline muted">次の予定：{r.nextPlan}</p>}
              </li>
            ))}
          </ol>
        )}
      </DialogBody>
      <DialogActions>
        <Button variant="primary" data-autofocus onClick={onClose}>
          閉じる
        </Button>
      </DialogActions>
    </div>
  );
}
