import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { MeetingDetail, MeetingSummary } from '../../../../electron/ipc/schemas/meetings';
import { call, errorMessage } from '../../api';
import { meetingReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { cx } from '../../ui/cx';
import { Notice } from '../../ui/Notice';
import styles from './MeetingLifecycle.module.css';
import { ReasonDialog } from './ReasonDialog';

/** What a save did; an edit's flash lists what changed, one line each (rule 18). */
export function SavedFlash({ text, className }: { text: string; className?: string }) {
  return (
    <Notice tone="success" className={cx(styles.flash, className)}>
      {text.split('\n').map((line) => (
        <p key={line} className={styles.flashLine}>
          {line}
        </p>
      ))}
    </Notice>
  );
}

/** 「中止」「移行データ」 beside a meeting in a list. */
export function MeetingStateTag({ meeting: m }: { meeting: MeetingSummary }) {
  if (m.cancelled) return <span className={`${styles.tag} ${styles.cancelledTag}`}>中止</span>;
  if (m.migrated === 'pastRecord')
    return <span className={`${styles.tag} ${styles.migratedTag}`}>移行データ</span>;
  return null;
}

/**
 * The meeting's own state under its header (rules 21, 22): 中止 with its reason, or 移行データ with the
 * choice to complete it.
 */
export function MeetingStateNotice({ meeting: m }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const complete = useMutation({
    mutationFn: () => call('meetings.completeMigrated', { meetingId: m.id }),
    onSuccess: () => refresh(queryClient, meetingReads),
  });
  if (m.cancelled)
    return (
      <Notice tone="warning" className={styles.state}>
        <p className={styles.stateTitle}>この会議は中止しました（{formatWarekiDate(m.cancelled.at)}）</p>
        <p className={styles.stateLine}>理由：{m.cancelled.reason}</p>
        {m.issuedDocuments > 0 && (
          <p className={styles.stateLine}>
            発行した文書（{m.issuedDocuments}回）の記録は監査ログに残っています。
          </p>
        )}
      </Notice>
    );
  if (m.migrated === 'pastRecord')
    return (
      <Notice tone="info" className={styles.state}>
        <p className={styles.stateTitle}>移行データ</p>
        <p className={styles.stateLine}>
          以前の台帳から取り込んだ過去の会議です。支援プランや会議報告（様式4）がなくても「未作成」とは表示しません。
        </p>
        <div className={styles.stateAction}>
          <Button onClick={() => complete.mutate()} busy={complete.isPending}>
            この会議の記録を完成させる
          </Button>
        </div>
        {complete.isError && <Notice tone="error">{errorMessage(complete.error)}</Notice>}
      </Notice>
    );
  return null;
}

/** 中止 (with a reason) and 削除 (only with nothing issued, after confirmation) for the meeting header. */
export function MeetingLifecycleActions({
  meeting: m,
  onEdit,
}: {
  meeting: MeetingDetail;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'cancel' | 'delete' | null>(null);
  const remove = useMutation({
    mutationFn: () => call('meetings.delete', { meetingId: m.id }),
    onSuccess: async () => {
      setAsking(null);
      await refresh(queryClient, meetingReads);
      await navigate({
        to: '/meetings',
        state: { flash: `会議（会議番号 ${m.meetingNo}）を削除しました。` },
      });
    },
  });
  if (m.cancelled) return null;
  return (
    <div className={styles.actions}>
      <Button onClick={onEdit}>内容を変更</Button>
      <Button onClick={() => setAsking('cancel')}>中止にする</Button>
      {m.issuedDocuments === 0 && (
        <Button variant="danger" onClick={() => setAsking('delete')}>
          削除
        </Button>
      )}
      <ReasonDialog
        open={asking === 'cancel'}
        title="会議の中止"
        reasonLabel="中止の理由"
        confirmLabel="中止にする"
        act={(reason) => call('meetings.cancel', { meetingId: m.id, reason })}
        onClose={() => setAsking(null)}
        onDone={() => {
          setAsking(null);
          void refresh(queryClient, meetingReads);
        }}
      >
        <p>
          {formatWarekiDate(m.heldOn)}の会議（会議番号 {m.meetingNo}
          ）を中止にします。会議は「中止」として残り、 開催回数には数えません。
          {m.issuedDocuments > 0 && `発行した文書（${m.issuedDocuments}回）の記録は監査ログに残ります。`}
        </p>
      </ReasonDialog>
      <ConfirmDialog
        open={asking === 'delete'}
        title="会議の削除"
        confirmLabel="削除する"
        cancelLabel="削除しない"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setAsking(null)}
      >
        <p>
          {formatWarekiDate(m.heldOn)}の会議（会議番号 {m.meetingNo}
          ）を削除します。文書はまだ発行していません。出席者と支援プランも一緒に消え、元に戻せません。
        </p>
        <p className="muted">
          予定していた会議が開かれなかった記録を残すときは「中止にする」を選んでください。
        </p>
        {remove.isError && <Notice tone="error">{errorMessage(remove.error)}</Notice>}
      </ConfirmDialog>
    </div>
  );
}
