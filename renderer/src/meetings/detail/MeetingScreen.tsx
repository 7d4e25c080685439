import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { errorMessage } from '../../api';
import { formatWarekiDate } from '../../format/wareki';
import { Button } from '../../ui/Button';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Notice } from '../../ui/Notice';
import { Breadcrumb } from '../Breadcrumb';
import { KindBadge } from '../KindBadge';
import { planStatusLabels, timeRange, useKindLabels } from '../labels';
import { PlanEditor } from '../plan/PlanEditor';
import { meetingQuery } from '../queries';
import { ReportEditor } from '../report/ReportEditor';
import type { MeetingRoute, Navigate } from '../route';
import { UnconsentedMeetingBanner } from '../UnconsentedMeetingBanner';
import { AttendeesTab } from './AttendeesTab';
import { FormsTab } from './FormsTab';
import { MeetingTabs, type TabItem } from './MeetingTabs';
import { OverviewTab } from './OverviewTab';

interface MeetingScreenProps {
  route: Extract<MeetingRoute, { name: 'meeting' }>;
  navigate: Navigate;
}

/** 会議詳細: loaded once per opening (audited), then one tab at a time. */
export function MeetingScreen({ route, navigate }: MeetingScreenProps) {
  const idPrefix = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const meeting = useQuery(meetingQuery(route.id));
  const labels = useKindLabels();
  const loaded = meeting.isSuccess;

  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const toList = () => navigate({ name: 'list' });
  if (meeting.isPending) {
    return (
      <div className="page page-meetings">
        <p className="muted">読み込んでいます…</p>
      </div>
    );
  }
  if (meeting.isError) {
    return (
      <div className="page page-meetings">
        <ErrorPanel title="会議を表示できません" message={errorMessage(meeting.error)}>
          <div className="actions">
            <Button variant="primary" onClick={toList}>
              会議一覧に戻る
            </Button>
          </div>
        </ErrorPanel>
      </div>
    );
  }

  const m = meeting.data;
  const tabs: TabItem[] = [
    { id: 'overview', label: '概要' },
    { id: 'attendees', label: '出席者', note: `${m.attendees.length}人` },
    { id: 'plan', label: '支援プラン', note: planStatusLabels[m.planStatus] },
    { id: 'report', label: '会議報告' },
    { id: 'forms', label: '様式' },
  ];
  const select = (tab: TabItem['id']) => navigate({ name: 'meeting', id: m.id, tab });

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
            <span className="mt-caseno">{m.caseNo}</span>
            <span>{m.householdLabel}</span>
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
        <Button onClick={() => navigate({ name: 'edit', id: m.id })}>内容を変更</Button>
      </header>
      {route.flash && (
        <Notice tone="success" className="mt-flash">
          {route.flash}
        </Notice>
      )}
      <MeetingTabs tabs={tabs} current={route.tab} onSelect={select} idPrefix={idPrefix} />
      <div
        className="mt-tab-panel"
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${route.tab}`}
      >
        {route.tab === 'overview' && <OverviewTab meeting={m} />}
        {route.tab === 'attendees' && (
          <AttendeesTab meeting={m} onEdit={() => navigate({ name: 'edit', id: m.id })} />
        )}
        {route.tab === 'plan' && <PlanEditor meeting={m} />}
        {route.tab === 'report' && <ReportEditor meeting={m} />}
        {route.tab === 'forms' && <FormsTab meeting={m} />}
      </div>
    </div>
  );
}
