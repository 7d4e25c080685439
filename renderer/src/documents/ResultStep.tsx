import { useRef } from 'react';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import type { IssueOutcome } from './gateTypes';
import styles from './ResultStep.module.css';

/** What happened: saved (which files), opened in Word (temporary until lock), or nothing at all. */
export function ResultStep({
  outcome,
  appName = 'Word',
  onRetry,
  onClose,
}: {
  outcome: IssueOutcome;
  /** The program the file opens in: Word, or Excel for a list issued as a sheet. */
  appName?: string;
  onRetry: () => void;
  onClose: () => void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  useFocusOnMount(close);
  return (
    <div className={styles.result}>
      {outcome.action === 'save' && outcome.done && (
        <Notice tone="success">
          <p>保存しました: {outcome.fileNames.join('、')}</p>
          <p className="small">保存したこと（様式・部数・目的）を監査ログに記録しました。</p>
        </Notice>
      )}
      {outcome.action === 'save' && !outcome.done && (
        <Notice tone="info">
          保存をキャンセルしました。ファイルは保存されておらず、記録もしていません。
        </Notice>
      )}
      {outcome.action === 'openInWord' && (
        <Notice tone="success">
          <p>{appName}で開きました。ロックすると一時ファイルは削除されます。</p>
          <p className="small">
            残す必要がある場合は「保存」を使ってください。開いたことは監査ログに記録しました。
          </p>
        </Notice>
      )}
      <DialogActions>
        {outcome.action === 'save' && !outcome.done && <Button onClick={onRetry}>保存をやり直す</Button>}
        <Button variant="primary" ref={close} onClick={onClose}>
          閉じる
        </Button>
      </DialogActions>
    </div>
  );
}
