import { Outlet, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useReopenedWithDraft } from './reopened';
import styles from './ShellLayout.module.css';
import { useSession } from './session';
import { UnsavedChangesGuard } from './unsavedChanges';

const menu = [
  { to: '/', label: 'ホーム' },
  { to: '/households', label: '世帯' },
  { to: '/meetings', label: '会議' },
  { to: '/agencies', label: '関係機関' },
  { to: '/issue-tags', label: '課題の一覧' },
  { to: '/import', label: '取り込み' },
  { to: '/statistics', label: '統計' },
  { to: '/audit', label: '監査ログ' },
  { to: '/backup', label: 'バックアップ' },
  { to: '/settings', label: '事務所の設定' },
  { to: '/users', label: '利用者' },
] as const;

function isIn(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** Header with the lock button, the menu, and one page at a time. */
export function ShellLayout() {
  const { lock } = useSession();
  const { user } = useRouteContext({ from: '__root__' });
  const navigate = useNavigate();
  const { pathname, menuVisit } = useRouterState({
    select: (s) => ({ pathname: s.location.pathname, menuVisit: s.location.state.menuVisit }),
    structuralSharing: true,
  });
  // Choosing a menu entry starts its page over, even the one already shown (世帯 from a household
  // goes back to a fresh list): each choice is a new visit, and a new visit remounts the page.
  const visits = useRef(0);
  // Back from a lock with a draft put back: said once, on that screen only.
  const reopenedAt = useReopenedWithDraft();
  const [visit, setVisit] = useState(0);
  if (menuVisit !== undefined && menuVisit !== visit) setVisit(menuVisit);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <span className={styles.brand}>かさね</span>
        <span className={styles.headerSpacer} />
        <span className={styles.user}>
          <span className={styles.userLabel}>利用者</span>
          <span data-testid="signed-in-user">{user.name}</span>
        </span>
        <Button variant="quiet" onClick={() => void lock()} aria-keyshortcuts="Control+L">
          ロック<span className={styles.lockHint}>Ctrl+L</span>
        </Button>
      </header>
      <nav className={styles.nav} aria-label="メニュー">
        <ul>
          {menu.map((entry) => (
            <li key={entry.to}>
              <button
                type="button"
                className={styles.navItem}
                aria-current={isIn(pathname, entry.to) ? 'page' : undefined}
                onClick={() => {
                  visits.current = Math.max(visits.current, visit) + 1;
                  void navigate({ to: entry.to, state: { menuVisit: visits.current } });
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className={styles.main}>
        {reopenedAt !== null && reopenedAt === pathname && visit === 0 && (
          <Notice className={styles.reopened}>
            ロックする前に入力していた内容を戻しました。まだ保存されていません。
          </Notice>
        )}
        <UnsavedChangesGuard>
          <Outlet key={visit} />
        </UnsavedChangesGuard>
      </main>
    </div>
  );
}
