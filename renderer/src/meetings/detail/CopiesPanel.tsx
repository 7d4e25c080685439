import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatWareki } from '../../../../electron/domain/dates';
import type { CopyStatus, DistributedCopy } from '../../../../electron/ipc/schemas/copies';
import { call, errorMessage } from '../../api';
import { read, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import tableStyles from '../../ui/table.module.css';
import styles from './CopiesPanel.module.css';

function statusText(copy: DistributedCopy): string {
  const by = copy.recordedBy ? `（${copy.recordedBy}）` : '';
  if (copy.destroyedOn) return `廃棄 ${formatWareki(copy.destroyedOn)}${by}`;
  if (copy.collectedOn) return `回収 ${formatWareki(copy.collectedOn)}${by}`;
  return '未回収';
}

const copyColumns = {
  copyNo: (c: DistributedCopy) => c.copyNo,
  recipient: (c: DistributedCopy) => c.recipient || '予備',
  documents: (c: DistributedCopy) => c.documents.join('、'),
};

function copyLabel(copy: DistributedCopy): string {
  return `配布番号 ${copy.copyNo}／${copy.total}（${copy.recipient || '予備'}）`;
}

/**
 * Rule 8: the meeting's numbered copies. Those still out are listed first, each to be marked 回収 or
 * 廃棄 as it comes back (today's date, audited); a record made by mistake can be taken back.
 */
export function CopiesPanel({ meetingId }: { meetingId: string }) {
  const copies = useQuery(read('copies.list', { meetingId }));

  return (
    <section className={styles.copies} aria-labelledby={`${meetingId}-copies`}>
      <h3 className={styles.title} id={`${meetingId}-copies`}>
        配布資料の回収
      </h3>
      {copies.isPending && <p className="muted">読み込んでいます…</p>}
      {copies.isError && <Notice tone="error">{errorMessage(copies.error)}</Notice>}
      {copies.data?.length === 0 && (
        <p className="muted">
          配布番号をつけて作成した資料はまだありません。2部以上で作成すると、ここで回収を記録できます。
        </p>
      )}
      {copies.data && copies.data.length > 0 && <CopyLists copies={copies.data} meetingId={meetingId} />}
    </section>
  );
}

function CopyLists({ copies, meetingId }: { copies: DistributedCopy[]; meetingId: string }) {
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (input: { copyNo: number; status: CopyStatus }) =>
      call('copies.mark', { meetingId, ...input, on: '' }),
    onSuccess: () => refresh(queryClient, ['copies.list', 'meetings.list']),
  });

  const outstanding = copies.filter((c) => c.status === 'outstanding');
  const sorted = useSortedRows(outstanding, copyColumns);
  const settled = copies.filter((c) => c.status !== 'outstanding');
  const busyWith = mark.isPending ? mark.variables : null;
  const action = (copy: DistributedCopy, status: CopyStatus, label: string) => (
    <Button
      compact
      busy={busyWith?.copyNo === copy.copyNo && busyWith.status === status}
      aria-label={`${copyLabel(copy)}を${label}`}
      onClick={() => mark.mutate({ copyNo: copy.copyNo, status })}
    >
      {label}
    </Button>
  );

  return (
    <>
      {mark.isError && <Notice tone="error">{errorMessage(mark.error)}</Notice>}
      <h4 className={styles.heading} id={`${meetingId}-outstanding`}>
        未回収の配布資料（{outstanding.length}部／全{copies.length}部）
      </h4>
      {outstanding.length === 0 ? (
        <p className="muted">すべて回収または廃棄を記録しました。</p>
      ) : (
        <table className={tableStyles.table} aria-labelledby={`${meetingId}-outstanding`}>
          <thead>
            <tr>
              <SortableHeader column="copyNo" sort={sorted.sort} onSort={sorted.sortBy}>
                配布番号
              </SortableHeader>
              <SortableHeader column="recipient" sort={sorted.sort} onSort={sorted.sortBy}>
                配布先
              </SortableHeader>
              <SortableHeader column="documents" sort={sorted.sort} onSort={sorted.sortBy}>
                資料
              </SortableHeader>
              <th scope="col">記録</th>
            </tr>
          </thead>
          <tbody>
            {sorted.rows.map((copy) => (
              <tr key={copy.copyNo}>
                <td className="nowrap">
                  {copy.copyNo}／{copy.total}
                </td>
                <td>{copy.recipient || <span className="muted">予備</span>}</td>
                <td>{copy.documents.join('、')}</td>
                <td>
                  <div className={styles.actions}>
                    {action(copy, 'collected', '回収')}
                    {action(copy, 'destroyed', '廃棄')}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settled.length > 0 && (
        <details className={styles.settled}>
          <summary>回収・廃棄を記録した資料（{settled.length}部）</summary>
          <ul className={styles.settledList} aria-label="回収・廃棄を記録した資料">
            {settled.map((copy) => (
              <li key={copy.copyNo}>
                <span>
                  {copyLabel(copy)}：{statusText(copy)}
                </span>
                {copy.status === 'collected' && action(copy, 'destroyed', '廃棄')}
                {action(copy, 'outstanding', '記録を取り消す')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
