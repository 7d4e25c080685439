import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { PageHeader } from '../shell/PageHeader';
import { Notice } from '../ui/Notice';
import { AddUserForm } from './AddUserForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import './users.css';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import { read } from '../queries';

/** The coordinators who can unlock this vault, adding one, and changing one's own passphrase. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const users = useQuery(read('users.list', {}));
  return (
    <div className="page">
      <PageHeader title="利用者" note="利用者はそれぞれ自分のパスフレーズでロックを解除します。" />
      <section className="panel" aria-labelledby="users-list-title">
        <h2 id="users-list-title" className="panel-title">
          登録されている利用者
        </h2>
        {users.isPending && <p className="muted">読み込んでいます…</p>}
        {users.isError && <Notice tone="error">{errorMessage(users.error)}</Notice>}
        {users.data && (
          <table className="table users-table">
            <thead>
              <tr>
                <th scope="col">利用者名</th>
                <th scope="col">登録日</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name}
                    {user.id === currentUserId && <span className="tag users-me">あなた</span>}
                  </td>
                  <td className="nowrap">{formatWarekiDate(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="users-forms">
        <AddUserForm />
        <ChangePassphraseForm />
      </div>
    </div>
  );
}
