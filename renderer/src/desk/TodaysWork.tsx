import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { formatWareki } from '../../../electron/domain/dates';
import { preparationGapLabels } from '../../../electron/domain/desk';
import { monitoringStatusLabels } from '../../../electron/domain/monitoring';
import { timeRange } from '../../../electron/domain/time-range';
import type { Desk } from '../../../electron/ipc/schemas/desk';
import { errorMessage } from '../api';
import { KindBadge } from '../meetings/KindBadge';
import { read } from '../queries';
import { Notice } from '../ui/Notice';
import styles from './TodaysWork.module.css';

const shown = 5;
const w = (iso: string) => formatWareki(iso);

/**
 * ホーム「今日の仕事」(rule 21): one call returns the whole desk; this only lays it out. Every item
 * links to the screen where it is done, every list is in date order, and long lists show their first
 * few with the rest one click away.
 */
export function TodaysWork() {
  const desk = useQuery(read('desk.get', {}));
  if (desk.isError) return <Notice tone="error">{errorMessage(desk.error)}</Notice>;
  if (!desk.data) return <p className="muted">今日の仕事を確かめています…</p>;
  const d = desk.data;
  const after = afterMeetingWork(d);
  const total =
    d.upcomingMeetings.filter((m) => m.missing.length > 0).length +
    after.length +
    d.reviewsDue.length +
    d.quietHouseholds.length +
    d.contactsDue.length +
    d.copiesOutstanding.length +
    d.oralConsents.length +
    (d.backup.due ? 1 : 0);

  return (
    <section className={styles.desk} aria-labelledby="desk-title">
      <div className={styles.head}>
        <h2 id="desk-title" className={styles.title}>
          今日の仕事
        </h2>
        <span className={styles.asOf}>{w(d.asOf)}</span>
        <span className={total === 0 ? styles.allDone : styles.count} data-testid="desk-total">
          {total === 0 ? '急ぎの作業はありません' : `対応が必要な項目 ${total}件`}
        </span>
      </div>
      <div className={styles.grid}>
        <Card
          title={`${d.window.upcomingMeetingDays}日以内の会議`}
          testId="desk-upcoming"
          items={d.upcomingMeetings}
          empty="予定されている会議はありません。"
          render={(m) => (
            <>
              <Link
                to="/meetings/$meetingId"
                params={{ meetingId: m.meetingId }}
                search={{ tab: m.missing.includes('noticeNotIssued') ? 'forms' : 'attendees' }}
                className={styles.link}
              >
                <span className={styles.date}>{w(m.date)}</span>
                {timeRange(m.startTime, m.endTime) && (
                  <span className={styles.time}>{timeRange(m.startTime, m.endTime)}</span>
                )}
                <span className={styles.subject}>
                  {m.caseNo} {m.householdLabel}
                </span>
              </Link>
              <KindBadge kind={m.kind} />
              {m.missing.length === 0 ? (
                <span className={styles.ready}>準備済み</span>
              ) : (
                <ul className={styles.gaps} aria-label="足りないもの">
                  {m.missing.map((gap) => (
                    <li key={gap} className={styles.gap}>
                      {gap === 'replyOverdue' && m.replyBy
                        ? `回答期限（${formatWareki(m.replyBy, { weekday: false })}）を過ぎて出欠未確認 ${m.unconfirmed}機関`
                        : gap === 'attendanceUnconfirmed'
                          ? `出欠未確認 ${m.unconfirmed}機関`
                          : preparationGapLabels[gap]}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          keyOf={(m) => m.meetingId}
        />
        <Card
          title="会議の後の作業"
          testId="desk-after"
          items={after}
          empty="報告やプランの残っている会議はありません。"
          render={(m) => (
            <>
              <Link
                to="/meetings/$meetingId"
                params={{ meetingId: m.meetingId }}
                search={{ tab: m.reportMissing ? 'report' : 'plan' }}
                className={styles.link}
              >
                <span className={styles.date}>{w(m.date)}</span>
                <span className={styles.subject}>
                  {m.meetingNo} {m.householdLabel}
                </span>
              </Link>
              <ul className={styles.gaps}>
                {m.reportMissing && <li className={styles.gap}>会議報告（様式4）が未発行</li>}
                {m.planUnconfirmed && <li className={styles.gap}>支援プランが未確定</li>}
              </ul>
            </>
          )}
          keyOf={(m) => m.meetingId}
        />
        <Card
          title="見直しの時期"
          testId="desk-reviews"
          items={d.reviewsDue}
          empty="見直しの時期が来たプランはありません。"
          render={(r) => (
            <>
              <Link
                to="/households/$householdId"
                params={{ householdId: r.householdId }}
                search={{ section: 'monitoring' }}
                className={styles.link}
              >
                <span className={styles.date}>{w(r.dueOn)}</span>
                <span className={styles.subject}>
                  {r.caseNo} {r.householdLabel}
                </span>
              </Link>
              <span className={styles.note}>
                {r.reason === 'scheduled'
                  ? `次回見直し予定日（${r.meetingNo}）`
                  : 'モニタリングで見直しが必要'}
              </span>
              {r.rows.some((row) => row.status) && (
                <ul className={styles.rows}>
                  {r.rows.map((row) => (
                    <li key={row.heading}>
                      {row.heading}：
                      <span className={row.status === 'needsReview' ? styles.gap : undefined}>
                        {row.status ? monitoringStatusLabels[row.status] : '記録なし'}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          keyOf={(r) => r.meetingId}
        />
        <Card
          title={`${d.window.quietHouseholdDays}日以上動きのない世帯`}
          testId="desk-quiet"
          items={d.quietHouseholds}
          empty="支援中の世帯には、どれも最近の記録があります。"
          render={(h) => (
            <Link
              to="/households/$householdId"
              params={{ householdId: h.householdId }}
              search={{ section: 'notes' }}
              className={styles.link}
            >
              <span className={styles.date}>{w(h.lastActivityOn)}</span>
              <span className={styles.subject}>
                {h.caseNo} {h.householdLabel}
              </span>
              <span className={styles.note}>{h.days}日前</span>
            </Link>
          )}
          keyOf={(h) => h.householdId}
        />
        <Card
          title="次回予定日が来た世帯"
          testId="desk-contacts"
          items={d.contactsDue}
          empty="予定日を過ぎた支援経過はありません。"
          render={(c) => (
            <>
              <Link
                to="/households/$householdId"
                params={{ householdId: c.householdId }}
                search={{ section: 'notes' }}
                className={styles.link}
              >
                <span className={styles.date}>{w(c.dueOn)}</span>
                <span className={styles.subject}>
                  {c.caseNo} {c.householdLabel}
                </span>
              </Link>
              {c.nextPlan && <span className={styles.note}>{c.nextPlan}</span>}
            </>
          )}
          keyOf={(c) => c.noteId}
        />
        <Card
          title="回収していない配布資料"
          testId="desk-copies"
          items={d.copiesOutstanding}
          empty="回収が済んでいない資料はありません。"
          render={(c) => (
            <Link
              to="/meetings/$meetingId"
              params={{ meetingId: c.meetingId }}
              search={{ tab: 'forms' }}
              className={styles.link}
            >
              <span className={styles.date}>{w(c.date)}</span>
              <span className={styles.subject}>
                {c.meetingNo} 配布番号{c.copyNo}
              </span>
              <span className={styles.note}>{c.recipient}</span>
            </Link>
          )}
          keyOf={(c) => `${c.meetingId}-${c.copyNo}`}
        />
        <Card
          title="口頭の同意（書面が未受領）"
          testId="desk-oral"
          items={d.oralConsents}
          empty="書面の届いていない口頭の同意はありません。"
          render={(c) => (
            <Link
              to="/households/$householdId"
              params={{ householdId: c.householdId }}
              search={{ section: 'consent' }}
              className={styles.link}
            >
              <span className={styles.date}>{w(c.obtainedOn)}</span>
              <span className={styles.subject}>
                {c.caseNo} {c.householdLabel}
              </span>
            </Link>
          )}
          keyOf={(c) => c.consentId}
        />
        <section className={styles.card} aria-labelledby="desk-backup" data-testid="desk-backup">
          <h3 id="desk-backup" className={styles.cardTitle}>
            バックアップ
          </h3>
          <p className={d.backup.due ? styles.gap : undefined}>
            {d.backup.lastOn
              ? `最後のバックアップ：${w(d.backup.lastOn)}`
              : 'バックアップはまだ作成されていません。'}
            {d.backup.due && `（${d.window.backupReminderDays}日を過ぎています）`}
          </p>
          <Link to="/backup" className={styles.link}>
            {d.backup.due ? 'バックアップを作成する' : 'バックアップの画面を開く'}
          </Link>
        </section>
      </div>
    </section>
  );
}

/** 様式4 and the plan after a meeting, one line per meeting, oldest first. */
function afterMeetingWork(d: Desk) {
  const byMeeting = new Map<
    string,
    Desk['reportsMissing'][number] & { reportMissing: boolean; planUnconfirmed: boolean }
  >();
  for (const m of d.reportsMissing)
    byMeeting.set(m.meetingId, { ...m, reportMissing: true, planUnconfirmed: false });
  for (const m of d.plansUnconfirmed) {
    const seen = byMeeting.get(m.meetingId);
    byMeeting.set(m.meetingId, { ...m, reportMissing: seen?.reportMissing ?? false, planUnconfirmed: true });
  }
  return [...byMeeting.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.meetingNo.localeCompare(b.meetingNo),
  );
}

interface CardProps<T> {
  title: string;
  testId: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
}

function Card<T>({ title, testId, items, empty, render, keyOf }: CardProps<T>) {
  const id = useId();
  const [all, setAll] = useState(false);
  const visible = all ? items : items.slice(0, shown);
  return (
    <section className={styles.card} aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className={styles.cardTitle}>
        {title}
        <span className={items.length > 0 ? styles.badge : styles.badgeNone}>{items.length}件</span>
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ul className={styles.list}>
          {visible.map((item) => (
            <li key={keyOf(item)} className={styles.item}>
              {render(item)}
            </li>
          ))}
        </ul>
      )}
      {items.length > shown && (
        <button type="button" className={styles.more} onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? '先頭の5件だけ表示' : `すべて表示（ほか${items.length - shown}件）`}
        </button>
      )}
    </section>
  );
}
