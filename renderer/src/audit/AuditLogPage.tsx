import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { formatWarekiDateTime } from '../../../electron/domain/office-day';
import { type AuditKind, auditKinds } from '../../../electron/ipc/contract';
import { errorMessage } from '../api';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { read, readPages } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { SortableHeader } from '../ui/SortableHeader';
import type { SortDirection } from '../ui/sort';
import { Tag } from '../ui/Tag';
import tableStyles from '../ui/table.module.css';
import styles from './AuditLogPage.module.css';
import { auditKindLabels, detailLines, targetText } from './auditLabels';
import { VerificationBanner } from './VerificationBanner';

const pageSize = 50;

/** The audit log, newest first (or oldest, by its 日時 header), with the chain's verification on top (domain rule 10). */
export function AuditLogPage() {
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [userId, setUserId] = useState('');
  // 日時 sorts the whole log at the service (the chain's order); 利用者 and 種類 are the filters.
  const [direction, setDirection] = useState<SortDirection>('descending');
  const kindId = useId();
  const userFilterId = useId();
  const users = useQuery(read('users.list', {}));
  const userNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);

  const log = useInfiniteQuery(
    readPages(
      'audit.list',
      {
        ...(kind ? { kind } : {}),
        ...(userId ? { userId } : {}),
        ...(direction === 'ascending' ? { order: 'oldest' as const } : {}),
      },
      pageSize,
    ),
  );
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  // The first page carries the chain's verification; 「さらに表示」's pages only read (null).
  const verification = log.data?.pages[0]?.verification;
  const brokenId = verification?.firstBroken?.id;

  return (
    <div className={layoutStyles.page}>
      <PageHeader
        title="監査ログ"
        note="記録されるのは操作の種類と対象の番号だけで、相談内容や個人の情報は含みません。"
      />
      {/* The chain is walked in the job worker before the first page arrives: its count meanwhile. */}
      {log.isPending && <JobProgressBar job="verify" />}
      {verification && <VerificationBanner verification={verification} />}
      {log.isError && <Notice tone="error">{errorMessage(log.error)}</Notice>}

      <div className={styles.filters}>
        <div className={styles.filter}>
          <label htmlFor={kindId}>種類</label>
          <select
            id={kindId}
            className={fieldStyles.select}
            value={kind}
            onChange={(event) => setKind(event.target.value as AuditKind | '')}
          >
            <option value="">すべて</option>
            {auditKinds.map((k) => (
              <option key={k} value={k}>
                {auditKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor={userFilterId}>利用者</label>
          <select
            id={userFilterId}
            className={fieldStyles.select}
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          >
            <option value="">すべて</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <p className={cx(styles.count, 'muted')} aria-live="polite">
          {log.isPending
            ? '読み込んでいます…'
            : `${events.length}件を表示中（${direction === 'ascending' ? '古い順' : '新しい順'}）`}
        </p>
      </div>

      <div className={tableStyles.wrap}>
        <table className={cx(tableStyles.table, styles.table)}>
          <thead>
            <tr>
              <SortableHeader
                column="at"
                sort={{ column: 'at', direction }}
                onSort={() => setDirection((d) => (d === 'ascending' ? 'descending' : 'ascending'))}
              >
                日時
              </SortableHeader>
              <th scope="col">利用者</th>
              <th scope="col">種類</th>
              <th scope="col">対象</th>
              <th scope="col">詳細</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr
                key={event.id}
                data-testid="audit-row"
                className={event.id === brokenId ? styles.rowBroken : undefined}
                data-broken={event.id === brokenId || undefined}
              >
                <td className="nowrap">{formatWarekiDateTime(event.at)}</td>
                <td>{event.userName ?? <span className="muted">（特定できません）</span>}</td>
                <td>
                  <Tag tone={event.kind === 'unlock.failed' ? 'danger' : 'primary'}>
                    {auditKindLabels[event.kind]}
                  </Tag>
                </td>
                <td>{targetText(event.targetType, event.targetId, userNames)}</td>
                <td className={styles.detail}>
                  {detailLines(event.detail).map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </td>
              </tr>
            ))}
            {!log.isPending && events.length === 0 && (
              <tr>
                <td colSpan={5} className={cx('muted', styles.empty)}>
                  条件に合う記録はありません。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {log.hasNextPage && (
        <div className={layoutStyles.actions}>
          <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage}>
            さらに表示
          </Button>
        </div>
      )}
    </div>
  );
}
