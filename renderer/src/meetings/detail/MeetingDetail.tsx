import { useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useRef } from 'react';
import { planStatusLabels } from '../../../../electron/domain/meeting';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import { timeRange } from '../../../../electron/domain/time-range';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Breadcrumb } from '../Breadcrumb';
import { KindBadge } from '../KindBadge';
import { useKindLabels } from '../labels';
import { PlanEditor } from '../plan/PlanEditor';
import { ReportEditor } from '../report/ReportEditor';
import { UnconsentedMeetingBanner } from '../UnconsentedMeetingBanner';
import { AttendeesTab } from './AttendeesTab';
import { FormsTab } from './FormsTab';
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
  const labels = useKindLabels();

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
    <div className="page page-meetings mt-screen">
      {m.kind === 'unconsented' && <UnconsentedMeetingBanner label={labels.unconsented} />}
      <Breadcrumb trail={[{ label: '会議一覧', onClick: toList }]} current="会議の詳細" />
      <header className="mt-header">
        <div className="mt-header-main">
          <h1 ref={heading} tabIndex={-1} className="page-title mt-title">
            <span>{formatWarekiDate(m.heldOn)}</span>
            {timeRange(m.startTime, m.endTime) && (
              <span className="mt-title-time">{timeRange(m.startTime, m.endTime)}</span>
            )}
            <KindBadge kind={m.kind} />
          </h1>
          <p className="mt-subtitle">
            <Button
              variant="link"
              onClick={() =>
                void navigate({ to: '/households/$householdId', params: { householdId: m.householdId } })
              }
            >
              <span className="mt-caseno">{m.caseNo}</span>
              {m.householdLabel}
            </Button>
            <span className="mt-sep" aria-hidden="true">
              ・
            </span>
            <span>会議番号 {m.meetingNo}</span>
            {m.place && (
              <>
                <span className="mt-sep" aria-hidden="true">
                  ・
                </span>
                <span>{m.place}</span>
              </>
            )}
          </p>
        </div>
        <Button onClick={toEdit}>内容を変更</Button>
      </header>
      {flash && (
        <Notice tone="success" className="mt-flash">
          {flash}
        </Notice>
      )}
      <MeetingTabs tabs={tabs} current={tab} onSelect={select} idPrefix={idPrefix} />
      <div
        className="mt-tab-panel"
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${tab}`}
      >
        {tab === 'overview' && <OverviewTab meeting={m} />}
        {tab === 'attendees' && <AttendeesTab meeting={m} onEdit={toEdit} />}
        {tab === 'plan' && <PlanEditor meeting={m} />}
        {tab === 'report' && <ReportEditor meeting={m} />}
        {tab === 'forms' && <FormsTab meeting={m} />}
      </div>
    </div>
  );
}
