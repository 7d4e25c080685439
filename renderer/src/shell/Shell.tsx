import { useCallback, useState } from 'react';
import { AgenciesPage } from '../agencies/AgenciesPage';
import { AuditLogPage } from '../audit/AuditLogPage';
import { HouseholdsPage } from '../households/HouseholdsPage';
import { ImportPage } from '../import/ImportPage';
import { IssueTagsPage } from '../issue-tags/IssueTagsPage';
import { MeetingLinks } from '../meetings/MeetingLinks';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StatisticsPage } from '../statistics/StatisticsPage';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { UsersPage } from '../users/UsersPage';
import { HomePage } from './HomePage';
import { UnsavedChangesContext } from './navigationGuard';
import { useSession } from './session';

const pages = [
  { id: 'households', label: '世帯' },
  { id: 'meetings', label: '会議' },
  { id: 'home', label: 'ホーム' },
  { id: 'agencies', label: '関係機関' },
  { id: 'issueTags', label: '課題の一覧' },
  { id: 'import', label: '取り込み' },
  { id: 'statistics', label: '統計' },
  { id: 'audit', label: '監査ログ' },
  { id: 'settings', label: '事務所の設定' },
  { id: 'users', label: '利用者' },
] as const;

type PageId = (typeof pages)[number]['id'];

interface ShellProps {
  user: { id: string; name: string };
  autoLockMinutes: number;
}

/** Signed in and acknowledged: header with the lock button, navigation, one page at a time. */
export function Shell({ user, autoLockMinutes }: ShellProps) {
  const { lock } = useSession();
  const [page, setPage] = useState<PageId>('home');
  const [dirty, setDirty] = useState(false);
  const [leavingTo, setLeavingTo] = useState<PageId | null>(null);
  // Choosing the page you are on starts it over (世帯 from a household's detail goes back to the list).
  const [visit, setVisit] = useState(0);
  const reportDirty = useCallback((value: boolean) => setDirty(value), []);

  function navigate(next: PageId) {
    if (dirty) setLeavingTo(next);
    else if (next === page) setVisit((n) => n + 1);
    else setPage(next);
  }

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="shell-brand">かさね</span>
        <span className="shell-header-spacer" />
        <span className="shell-user">
          <span className="shell-user-label">利用者</span>
          <span data-testid="signed-in-user">{user.name}</span>
        </span>
        <Button variant="quiet" onClick={() => void lock()} aria-keyshortcuts="Control+L">
          ロック<span className="shell-lock-hint">Ctrl+L</span>
        </Button>
      </header>
      <nav className="shell-nav" aria-label="メニュー">
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="shell-nav-item"
                aria-current={p.id === page ? 'page' : undefined}
                onClick={() => navigate(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main">
        <UnsavedChangesContext value={reportDirty}>
          <MeetingLinks show={() => navigate('meetings')}>
            {page === 'households' && <HouseholdsPage key={visit} />}
            {page === 'meetings' && <MeetingsPage />}
            {page === 'home' && (
              <HomePage user={user} autoLockMinutes={autoLockMinutes} onOpenAudit={() => navigate('audit')} />
            )}
            {page === 'agencies' && <AgenciesPage />}
            {page === 'issueTags' && <IssueTagsPage />}
            {page === 'import' && <ImportPage onOpenHouseholds={() => navigate('households')} />}
            {page === 'statistics' && <StatisticsPage />}
            {page === 'audit' && <AuditLogPage />}
            {page === 'settings' && <SettingsPage />}
            {page === 'users' && <UsersPage currentUserId={user.id} />}
          </MeetingLinks>
        </UnsavedChangesContext>
      </main>
      <ConfirmDialog
        open={leavingTo !== null}
        title="保存されていない変更があります"
        confirmLabel="変更を破棄して移動"
        cancelLabel="このページに戻る"
        onConfirm={() => {
          if (leavingTo === page) setVisit((n) => n + 1);
          else if (leavingTo) setPage(leavingTo);
          setDirty(false);
          setLeavingTo(null);
        }}
        onCancel={() => setLeavingTo(null)}
      >
        <p>このページで変更した内容は、まだ保存されていません。保存せずに移動すると、変更は失われます。</p>
      </ConfirmDialog>
    </div>
  );
}
