import { type ReactNode, useEffect, useRef } from 'react';
import type { HouseholdDetail } from '../../../electron/ipc/schemas/households';
import { Button } from '../ui/Button';
import { ConsentBadge, StatusBadge } from './Badges';
import { AreaNotice, NoticesProvider } from './notices';
import type { HouseholdRoute, HouseholdView, Navigate } from './route';
import { UnconsentedBanner } from './UnconsentedBanner';

const viewTitles: Record<Exclude<HouseholdView, 'detail'>, string> = {
  edit: '基本情報の編集',
  members: '世帯員の編集',
};

interface HouseholdFrameProps {
  household: HouseholdDetail;
  route: Extract<HouseholdRoute, { name: 'household' }>;
  navigate: Navigate;
  children: ReactNode;
}

/** What every screen of one household shares: the rule-6 banner, where you are, who this is. */
export function HouseholdFrame({ household, route, navigate, children }: HouseholdFrameProps) {
  const view: HouseholdView = route.view;
  const heading = useRef<HTMLHeadingElement>(null);
  // The detail starts at its title; the edit screens put focus in their first field themselves.
  useEffect(() => {
    if (view === 'detail') heading.current?.focus();
  }, [view]);
  const toDetail = () => navigate({ name: 'household', id: household.id, view: 'detail' });

  return (
    <NoticesProvider resetWith={route}>
      <div className="page page-wide hh-screen">
        {household.track === 'unconsented' && <UnconsentedBanner />}
        <nav className="hh-breadcrumb" aria-label="現在の位置">
          <Button variant="link" onClick={() => navigate({ name: 'list' })}>
            世帯一覧
          </Button>
          <span aria-hidden="true">›</span>
          {view === 'detail' ? (
            <span aria-current="page">世帯の詳細</span>
          ) : (
            <>
              <Button variant="link" onClick={toDetail}>
                世帯の詳細
              </Button>
              <span aria-hidden="true">›</span>
              <span aria-current="page">{viewTitles[view]}</span>
            </>
          )}
        </nav>
        <header className="hh-header">
          <h1 ref={heading} tabIndex={-1} className="page-title hh-title">
            <span className="hh-title-caseno">{household.caseNo}</span>
            <span className="hh-title-label">{household.label}</span>
          </h1>
          <span className="hh-header-badges">
            <ConsentBadge consent={household.consent} />
            <StatusBadge status={household.status} />
          </span>
          <span className="actions-spacer" />
          {view === 'detail' && (
            <span className="hh-header-actions">
              <Button onClick={() => navigate({ name: 'household', id: household.id, view: 'edit' })}>
                基本情報を編集
              </Button>
              <Button onClick={() => navigate({ name: 'household', id: household.id, view: 'members' })}>
                世帯員を編集
              </Button>
            </span>
          )}
        </header>
        <AreaNotice area="top" className="hh-flash" />
        {children}
      </div>
    </NoticesProvider>
  );
}
