import { useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useRef } from 'react';
import { planStatusLabels } from '../../../../electron/domain/meeting';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { timeRange } from '../../../../electron/domain/time-range';
import { UnconsentedBanner } from '../../households/UnconsentedBanner';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Breadcrumb } from '../Breadcrumb';
import { KindBadge } from '../KindBadge';
import { MeetingLifecycleActions, MeetingStateNotice, SavedFlash } from '../lifecycle/MeetingLifecycle';
import meetingsStyles from '../meetings.module.css';
import { PlanEditor } from '../plan/PlanEditor';
import { ReportEditor } from '../report/ReportEditor';
import { AttendeesTab } from './AttendeesTab';
import { FormsTab } from './FormsTab';
import styles from './MeetingDetail.module.css';
import { useOpenedMeeting } from './MeetingScreen';
import { type MeetingTab, MeetingTabs, type TabItem } from './MeetingTabs';
import { OverviewTab } from './OverviewTab';

/** 会議詳細: the meeting's header, then one tab at a time (the tab is part of the route). */
export function MeetingDetail() {
  const m = useOpenedMeeting();
  const navigate = useNavigate();
  const { tab = 'overview' } = useSearch({ from: '/meetings/$meetingId/' });
  const flash = useRouterState({ select: (s) => s.location.state.flash });
  const idPrefix = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const params = { meetingId: m.id };
  const toList = () => void navigate({ to: '/meetings' });
  const toEdit = () => void navigate({ to: '/meetings/$meetingId/edit', params });
  const select = (next: MeetingTab) =>
    void navigate({ to: '/meetings/$meetingId', params, search: { tab: next } });
  const tabs: TabItem[] = [
    { id: 'overview', label: '概要' },
    { id: 'attendees', label: '出席者', note: `${m.attendees.length}人` },
    { id: 'plan', label: '支援プラン', note: planStatusLabels[m.planStatus] },
    { id: 'report', label: '会議報告' },
    { id: 'forms', label: '様式' },
  ];

  return (
    <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
      {m.kind === 'unconsented' && <UnconsentedBanner />}
      <Breadcrumb trail={[{ label: '会議一覧', onClick: toList }]} current="会議の詳細" />
      <header className={styles.header}>
        <div className={styles.headerMain}>
          <h1 ref={heading} tabIndex={-1} className={cx(layoutStyles.pageTitle, styles.title)}>
            <span>{formatWarekiDate(m.heldOn)}</span>
            {timeRange(m.startTime, m.endTime) && (
              <span className={styles.titleTime}>{timeRange(m.startTime, m.endTime)}</span>
            )}
            <KindBadge kind={m.kind} />
          </h1>
          <p className={styles.subtitle}>
            <span className={meetingsStyles.caseno}>{m.caseNo}</span>
            <Button
              variant="link"
              onClick={() =>
                void navigate({ to: '/households/$householdId', params: { householdId: m.householdId } })
              }
            >
              {m.householdLabel}
            </Button>
            <span className={styles.sep} aria-hidden="true">
              ・
            </span>
            <span>会議番号 {m.meetingNo}</span>
            {m.place && (
              <>
                <span className={styles.sep} aria-hidden="true">
                  ・
                </span>
                <span>{m.place}</span>
              </>
            )}
          </p>
        </div>
        <MeetingLifecycleActions meeting={m} onEdit={toEdit} />
      </header>
      <MeetingStateNotice meeting={m} />
      {flash && <SavedFlash text={flash} className={styles.flash} />}
      <MeetingTabs tabs={tabs} current={tab} onSelect={select} idPrefix={idPrefix} />
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${tab}`}>
        {tab === 'overview' && <OverviewTab meeting={m} />}
        {tab === 'attendees' && <AttendeesTab meeting={m} onEdit={m.cancelled ? null : toEdit} />}
        {tab === 'plan' && <PlanEditor meeting={m} />}
        {tab === 'report' && <ReportEditor meeting={m} />}
        {tab === 'forms' && <FormsTab meeting={m} />}
      </div>
    </div>
  );
}
