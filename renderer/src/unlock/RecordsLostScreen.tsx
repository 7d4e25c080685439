import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatWarekiDateTime } from '../../../electron/domain/office-day';
import type { VaultStatus } from '../../../electron/ipc/contract';
import { call, errorMessage } from '../api';
import { useSession, useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorPanel } from '../ui/ErrorPanel';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { PageBrand } from '../ui/PageBrand';
import styles from './RecordsLostScreen.module.css';

const titles: Record<NonNullable<VaultStatus['recordsLost']>['reason'], string> = {
  behind: '最新の記録の一部が失われています',
  diverged: '監査ログの最新の記録が一致しません',
  anchorMissing: '最新の記録がそろっているか確認できません',
  anchorDamaged: '最新の記録がそろっているか確認できません',
};

const point = (p: { id: number; at: string } | null) =>
  p ? `監査ログ #${p.id}（${formatWarekiDateTime(p.at)}）` : 'なし';

/**
 * The database is behind its anchor: it is open read-only, nothing is written. The coordinator
 * chooses: restore the newest backup (with the app closed), or go on with what is there (audited).
 */
export function RecordsLostScreen({ status }: { status: VaultStatus }) {
  const lost = status.recordsLost;
  const setStatus = useSetStatus();
  const { lock } = useSession();
  const [asking, setAsking] = useState(false);
  const accept = useMutation({
    mutationFn: () => call('vault.acceptRecordsLoss', { confirm: true }),
    onSuccess: (next) => {
      setAsking(false);
      setStatus(next);
    },
  });
  if (!lost) return null;

  return (
    <main className={layoutStyles.centeredPage}>
      <PageBrand />
      <div className={layoutStyles.centeredCard}>
        <ErrorPanel
          title={titles[lost.reason]}
          message={lost.message}
          steps={[
            'いまは読み取り専用で開いています。記録は何も書き込んでいません。',
            '最新のバックアップがあれば、かさねを終了し、管理者に restore コマンドで復元してもらってください（README「バックアップと復元」）。復元したバックアップより後の記録は戻りません。',
            'バックアップがない、またはバックアップより新しい記録が必要ないときは、失われたことを確認したうえで、このまま使い続けることもできます。その判断は監査ログに記録されます。',
          ]}
          code="RECORDS_LOST"
        >
          <dl className={styles.points}>
            <dt>最後に確認できた記録</dt>
            <dd>{point(lost.lastConfirmed)}</dd>
            <dt>データベースに残っている最新の記録</dt>
            <dd>{point(lost.found)}</dd>
          </dl>
          {accept.isError && <Notice tone="error">{errorMessage(accept.error)}</Notice>}
          <div className={layoutStyles.actions}>
            <Button variant="primary" onClick={() => void lock()}>
              ロックする（復元の準備）
            </Button>
            <Button variant="danger" onClick={() => setAsking(true)}>
              失われたことを確認して使い続ける…
            </Button>
          </div>
        </ErrorPanel>
      </div>
      <ConfirmDialog
        open={asking}
        title="このまま使い続けますか"
        confirmLabel="失われたことを確認して使い続ける"
        cancelLabel="やめる"
        busy={accept.isPending}
        onConfirm={() => accept.mutate()}
        onCancel={() => setAsking(false)}
      >
        <p>失われた記録は、このあと復元しない限り元に戻りません。</p>
        <p>この判断（いつ・誰が・どこまで確認できていたか）は監査ログに記録されます。</p>
      </ConfirmDialog>
    </main>
  );
}
