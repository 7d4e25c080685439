import { useQuery } from '@tanstack/react-query';
import { formatWarekiDate, formatWarekiDateTime } from '../../../../electron/domain/office-day';
import { errorMessage } from '../../api';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DialogActions, DialogBody } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import householdsStyles from '../households.module.css';
import styles from './NoteHistory.module.css';

/** 訂正・取消の履歴: what a 支援経過 said before each 訂正 or 取消, with why, newest first. */
export function NoteHistory({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const history = useQuery(read('progressNotes.history', { noteId }));
  return (
    <div>
      <DialogBody scroll>
        {history.isPending && <p className="muted">読み込んでいます…</p>}
        {history.isError && <Notice tone="error">{errorMessage(history.error)}</Notice>}
        {history.data && (
          <ol className={styles.history}>
            {history.data.map((r) => (
              <li key={r.id} className={styles.historyItem} data-testid="note-revision">
                <p className={styles.historyHead}>
                  {r.action === 'void' ? '取消' : '訂正'}
                  <span className="muted small">
                    （{formatWarekiDateTime(r.at)}
                    {r.userName && `　${r.userName}`}）
                  </span>
                </p>
                <p className="small">理由：{r.reason || '（記録なし・移行前の修正）'}</p>
                <p className="muted small">
                  {r.action === 'void' ? '取り消した内容' : '訂正前'}　日付{' '}
                  {formatWarekiDate(r.before.notedOn)}
                  {r.before.staff && `　担当者 ${r.before.staff}`}
                </p>
                <p className={householdsStyles.multiline}>{r.before.content}</p>
                {r.before.nextPlan && (
                  <p className={cx(householdsStyles.multiline, 'muted')}>次の予定：{r.before.nextPlan}</p>
                )}
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
