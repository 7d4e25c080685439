import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatWarekiDateTime } from '../../../electron/domain/office-day';
import { call, errorMessage } from '../api';
import { JobProgressBar, useJobProgress } from '../jobs/JobProgressBar';
import { read, refresh } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { Button } from '../ui/Button';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './BackupPage.module.css';

/**
 * バックアップ: the same encrypted backup as the CLI's `backup`, into a folder the coordinator picks
 * (audited). Restoring replaces the data in use, so it stays in the admin CLI; this page says how.
 */
export function BackupPage() {
  const queryClient = useQueryClient();
  const history = useQuery(read('backup.history', {}));
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => call('backup.create', {}),
    onSuccess: async (result) => {
      setDone(result.saved ? result.name : null);
      if (result.saved) await refresh(queryClient, ['backup.history', 'desk.get']);
    },
  });
  // The bar appears once the copy has started in the worker (not while the folder is being chosen).
  const copying = useJobProgress('backup', create.isPending) !== null;

  return (
    <div className={layoutStyles.page}>
      <PageHeader
        title="バックアップ"
        note="データは暗号化されたまま保存されます。作成した時点のパスフレーズか回復コードで開けます。"
      />
      <section className={styles.panel} aria-labelledby="backup-create">
        <h2 id="backup-create" className={styles.title}>
          バックアップを作成
        </h2>
        <p>
          保存先のフォルダ（事務所のバックアップ用の外部媒体など）を選ぶと、その中に
          「kasane-backup-日付-時刻」というフォルダを作って保存します。作成は監査ログに記録されます。
        </p>
        <div className={styles.actions}>
          <Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>
            保存先を選んでバックアップを作成
          </Button>
        </div>
        {create.isPending && copying && <JobProgressBar job="backup" />}
        {create.isError && <Notice tone="error">{errorMessage(create.error)}</Notice>}
        {create.isSuccess && done && <Notice tone="success">バックアップ「{done}」を作成しました。</Notice>}
        {create.isSuccess && !done && (
          <Notice tone="info">保存先が選ばれなかったため、作成しませんでした。</Notice>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="backup-history">
        <h2 id="backup-history" className={styles.title}>
          これまでのバックアップ
        </h2>
        {history.isError && <Notice tone="error">{errorMessage(history.error)}</Notice>}
        {history.data?.length === 0 && <p className="muted">まだバックアップは作成されていません。</p>}
        {history.data && history.data.length > 0 && (
          <ul className={styles.history} data-testid="backup-history">
            {history.data.map((b) => (
              <li key={b.at}>
                {formatWarekiDateTime(b.at)}　{b.userName ?? '—'}　
                <span className="muted">{b.via === 'cli' ? '管理コマンドで作成' : 'この画面で作成'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="backup-restore">
        <h2 id="backup-restore" className={styles.title}>
          バックアップから戻すには
        </h2>
        <p>復元は使用中のデータを置き換えるため、この画面からはできません。管理者が次の手順で行います。</p>
        <ol className={styles.steps}>
          <li>かさねを終了します（他の利用者も含めて）。</li>
          <li>
            管理コマンドで復元します（戻したいバックアップを作った時点のパスフレーズを入力します）。
            <pre className={styles.command}>
              npm run kasane -- restore --data-dir "%APPDATA%\Kasane\data" --from
              "E:\kasane-backups\kasane-backup-…"
            </pre>
          </li>
          <li>
            かさねを起動し、内容を確かめます。置き換えた前のデータは、データフォルダ内の「before-restore-…」に残ります。
          </li>
        </ol>
      </section>
    </div>
  );
}
