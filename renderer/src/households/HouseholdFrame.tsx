import { useMatchRoute, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import type { HouseholdDetail } from '../../../electron/ipc/schemas/households';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { ConsentBadge, StatusBadge } from './Badges';
import styles from './HouseholdFrame.module.css';
import { AreaNotice, NoticesProvider } from './notices';
import { UnconsentedBanner } from './UnconsentedBanner';

interface HouseholdFrameProps {
  household: HouseholdDetail;
  children: ReactNode;
}

/** Which of the household's screens is shown: its detail, or one editor with its title. */
function useEditorTitle(): string | null {
  const matchRoute = useMatchRoute();
  if (matchRoute({ to: '/households/$householdId/edit' })) return '基本情報の編集';
  if (matchRoute({ to: '/households/$householdId/members' })) return '世帯員の編集';
  return null;
}

/** What every screen of one household shares: the rule-6 banner, where you are, who this is. */
export function HouseholdFrame({ household, children }: HouseholdFrameProps) {
  const navigate = useNavigate();
  const editorTitle = useEditorTitle();
  const heading = useRef<HTMLHeadingElement>(null);
  const params = { householdId: household.id };
  // The detail starts at its title; the edit screens put focus in their first field themselves.
  useEffect(() => {
    if (editorTitle === null) heading.current?.focus();
  }, [editorTitle]);
  const toDetail = () => void navigate({ to: '/households/$householdId', params });

  return (
    <NoticesProvider>
      <div className={cx(layoutStyles.page, layoutStyles.pageWide)}>
        {household.track === 'unconsented' && <UnconsentedBanner />}
        <nav className={styles.breadcrumb} aria-label="現在の位置">
          <Button variant="link" onClick={() => void navigate({ to: '/households' })}>
            世帯一覧
          </Button>
          <span aria-hidden="true">›</span>
          {editorTitle === null ? (
            <span aria-current="page">世帯の詳細</span>
          ) : (
            <>
              <Button variant="link" onClick={toDetail}>
                世帯の詳細
              </Button>
              <span aria-hidden="true">›</span>
              <span aria-current="page">{editorTitle}</span>
            </>
          )}
        </nav>
        <header className={styles.header} data-testid="household-header">
          <h1 ref={heading} tabIndex={-1} className={cx(layoutStyles.pageTitle, styles.title)}>
            <span className={styles.titleCaseno}>{household.caseNo}</span>
            <span>{household.label}</span>
          </h1>
          <span className={styles.headerBadges}>
            <ConsentBadge consent={household.consent} />
            <StatusBadge status={household.status} />
          </span>
          <span className={layoutStyles.actionsSpacer} />
          {editorTitle === null && (
            <span className={styles.headerActions}>
              <Button onClick={() => void navigate({ to: '/households/$householdId/edit', params })}>
                基本情報を編集
              </Button>
              <Button onClick={() => void navigate({ to: '/households/$householdId/members', params })}>
                世帯員を編集
              </Button>
            </span>
          )}
        </header>
        <AreaNotice area="top" className={styles.flash} />
        {children}
      </div>
    </NoticesProvider>
  );
}
