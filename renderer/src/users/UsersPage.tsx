import { useQuery } from '@tanstack/react-query';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import type { ChannelOutput } from '../../../electron/ipc/contract';
import { errorMessage } from '../api';
import { read } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { SortableHeader, useSortedRows } from '../ui/SortableHeader';
import { Tag } from '../ui/Tag';
import tableStyles from '../ui/table.module.css';
import { AddUserForm } from './AddUserForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import styles from './UsersPage.module.css';

type User = ChannelOutput<'users.list'>[number];
const userColumns = { name: (u: User) => u.name, createdAt: (u: User) => u.createdAt };

/** The coordinators who can unlock this vault, adding one, and changing one's own passphrase. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const users = useQuery(read('users.list', {}));
  const { rows, sort, sortBy } = useSortedRows(users.data ?? [], userColumns);
  return (
    <div className={layoutStyles.page}>
      <PageHeader title="利用者" note="利用者はそれぞれ自分のパスフレーズでロックを解除します。" />
      <section className={layoutStyles.panel} aria-labelledby="users-list-title">
        <h2 id="users-list-title" className={layoutStyles.panelTitle}>
          登録されている利用者
        </h2>
        {users.isPending && <p className="muted">読み込んでいます…</p>}
        {users.isError && <Notice tone="error">{errorMessage(users.error)}</Notice>}
        {users.data && (
          <table className={cx(tableStyles.table, styles.table)}>
            <thead>
              <tr>
                <SortableHeader column="name" sort={sort} onSort={sortBy}>
                  利用者名
                </SortableHeader>
                <SortableHeader column="createdAt" sort={sort} onSort={sortBy}>
                  登録日
                </SortableHeader>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name}
                    {user.id === currentUserId && <Tag className={styles.me}>あなた</Tag>}
                  </td>
                  <td className="nowrap">{formatWarekiDate(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className={styles.forms}>
        <AddUserForm />
        <ChangePassphraseForm />
      </div>
    </div>
  );
}
