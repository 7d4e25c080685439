import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../api';
import { read, refresh } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { SortableHeader, useSortedRows } from '../ui/SortableHeader';
import tableStyles from '../ui/table.module.css';
import { AddIssueTagForm } from './AddIssueTagForm';
import styles from './IssueTagsPage.module.css';

/** 課題の一覧: what a household can be tagged with. Retired tags stay on the households that have them. */
export function IssueTagsPage() {
  const queryClient = useQueryClient();
  const tags = useQuery(read('issueTags.list', {}));
  const [retiring, setRetiring] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const active = useSortedRows(
    (tags.data ?? []).filter((t) => !t.retired),
    { name: (t: { name: string }) => t.name },
  );
  const retired = (tags.data ?? []).filter((t) => t.retired);

  const retire = useMutation({
    mutationFn: (name: string) => call('issueTags.retire', { name }),
    onSuccess: ({ name }) => {
      void refresh(queryClient, ['issueTags.list']);
      setNotice(`「${name}」を使わない課題にしました。すでに付いている世帯にはそのまま残ります。`);
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  // Adding a retired name brings it back (the service's rule), in its old place in the list.
  const restore = useMutation({
    mutationFn: (name: string) => call('issueTags.add', { name }),
    onSuccess: ({ name }) => {
      void refresh(queryClient, ['issueTags.list']);
      setNotice(`「${name}」を再び使えるようにしました。`);
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  function start(action: () => void) {
    setNotice(null);
    setFailure(null);
    action();
  }

  const busyName = retire.isPending ? retire.variables : restore.isPending ? restore.variables : null;

  return (
    <div className={layoutStyles.page}>
      <PageHeader
        title="課題の一覧"
        note="世帯に付ける課題の選択肢です。追加と使用の停止は監査ログに記録されます。"
      />
      {tags.isError && (
        <Notice tone="error" className={styles.notice}>
          {errorMessage(tags.error)}
        </Notice>
      )}
      {notice && (
        <Notice tone="success" className={styles.notice}>
          {notice}
        </Notice>
      )}
      {failure && (
        <Notice tone="error" className={styles.notice}>
          {failure}
        </Notice>
      )}
      <div className={styles.layout}>
        <section className={layoutStyles.panel} aria-labelledby="issue-tags-active-title">
          <h2 id="issue-tags-active-title" className={layoutStyles.panelTitle}>
            使っている課題<span className={styles.count}>{active.rows.length}件</span>
          </h2>
          {tags.isPending && <p className="muted">読み込んでいます…</p>}
          {tags.data && (
            <table className={cx(tableStyles.table, styles.table)}>
              <thead>
                <tr>
                  <SortableHeader column="name" sort={active.sort} onSort={active.sortBy}>
                    課題
                  </SortableHeader>
                  <th scope="col" className={styles.actionCol}>
                    操作
                  </th>
                </tr>
              </thead>
              <tbody>
                {active.rows.map((tag) => (
                  <tr key={tag.name} data-testid="issue-tag-row">
                    <td>{tag.name}</td>
                    <td>
                      <Button
                        compact
                        busy={busyName === tag.name}
                        onClick={() => start(() => setRetiring(tag.name))}
                      >
                        使わない<span className="visually-hidden">：{tag.name}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div>
          <AddIssueTagForm
            onAdded={(name) => {
              setFailure(null);
              setNotice(`「${name}」を追加しました。`);
            }}
          />
          <section className={layoutStyles.panel} aria-labelledby="issue-tags-retired-title">
            <h2 id="issue-tags-retired-title" className={layoutStyles.panelTitle}>
              使わなくなった課題<span className={styles.count}>{retired.length}件</span>
            </h2>
            <p className={cx('muted', 'small', styles.note)}>
              新しく世帯に付けるときの選択肢には出ませんが、すでに付いている世帯からは消えません。
            </p>
            {retired.length === 0 ? (
              <p className="muted">ありません。</p>
            ) : (
              <ul className={styles.retired}>
                {retired.map((tag) => (
                  <li key={tag.name} data-testid="issue-tag-retired">
                    <span>{tag.name}</span>
                    <Button
                      compact
                      busy={busyName === tag.name}
                      onClick={() => start(() => restore.mutate(tag.name))}
                    >
                      再び使う<span className="visually-hidden">：{tag.name}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <ConfirmDialog
        open={retiring !== null}
        title="この課題を使わないようにしますか"
        confirmLabel="使わない"
        cancelLabel="やめる"
        onConfirm={() => {
          if (retiring) retire.mutate(retiring);
          setRetiring(null);
        }}
        onCancel={() => setRetiring(null)}
      >
        <p>
          「{retiring}
          」を、世帯に付ける課題の選択肢から外します。すでにこの課題が付いている世帯には、そのまま残ります。あとで「再び使う」で戻せます。
        </p>
      </ConfirmDialog>
    </div>
  );
}
