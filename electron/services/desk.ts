import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, daysBetween } from '../domain/calendar.js';
import type { PreparationGap } from '../domain/desk.js';
import type { MeetingKind } from '../domain/meeting.js';
import type { MonitoringStatus } from '../domain/monitoring.js';
import { officeDate } from '../domain/office-day.js';
import { planRowHeading } from '../domain/plan.js';
import type { OfficeSettings, ParsedInput } from '../ipc/contract.js';
import type { Desk } from '../ipc/schemas/desk.js';

/**
 * ホーム「今日の仕事」(rule 21): everything due on one day, in one call, for the screen and for the
 * CLI's `due` alike. Each list is in date order. Facts with a date count on their date (a meeting on
 * its 開催日, a note on its date); events count on the day they happened (a document issued, a backup).
 */
export async function deskOn(
  ctx: { db: Kysely<Database>; today: string; settings(): Promise<OfficeSettings> },
  input: ParsedInput<'desk.get'>,
): Promise<Desk> {
  const { db } = ctx;
  const asOf = input.asOf ?? ctx.today;
  const settings = await ctx.settings();
  const window = {
    upcomingMeetingDays: settings.upcomingMeetingDays,
    quietHouseholdDays: settings.quietHouseholdDays,
    backupReminderDays: settings.backupReminderDays,
  };
  const active = householdsActiveOn(db, asOf, ctx.today);
  const [
    upcomingMeetings,
    afterMeetings,
    reviewsDue,
    quietHouseholds,
    contactsDue,
    copiesOutstanding,
    oralConsents,
    backup,
  ] = await Promise.all([
    upcoming(db, asOf, addDays(asOf, window.upcomingMeetingDays)),
    unfinishedMeetings(db, asOf),
    reviews(db, asOf, active),
    quiet(db, asOf, window.quietHouseholdDays, active),
    contacts(db, asOf, active),
    uncollected(db, asOf),
    oralOnly(db, asOf),
    lastBackup(db, asOf, window.backupReminderDays),
  ]);
  return {
    asOf,
    window,
    upcomingMeetings,
    reportsMissing: afterMeetings.filter((m) => !m.reported),
    plansUnconfirmed: afterMeetings.filter((m) => m.kind === 'consented' && m.planStatus !== 'final'),
    reviewsDue,
    quietHouseholds,
    contactsDue,
    copiesOutstanding,
    oralConsents,
    backup,
  };
}

/** The day's end in UTC terms for timestamps (created_at, audit `at`): the office day is Japan time. */
const endOfOfficeDay = (day: string) => new Date(Date.parse(`${day}T15:00:00Z`) - 1).toISOString();

/** Which of the given households are 支援中 at the end of the day; `cached` when households.status says so. */
interface ActiveOn {
  among(ids: Iterable<string>): Promise<Set<string>>;
  cached: boolean;
}

/**
 * Households 支援中 at the end of `day`, by the one function over the status history (rule 17). From
 * today on, that is the status the history keeps cached in `households.status` (no change is ever
 * dated after today), looked up for the households a list holds (reading every 支援中 household grew
 * with the office); before today, the periods kept from the same history (db/status-periods.ts) that
 * contain the day, one range of their index, read once.
 */
function householdsActiveOn(db: Kysely<Database>, day: string, today: string): ActiveOn {
  if (day >= today)
    return {
      cached: true,
      among: async (ids) => {
        const list = [...new Set(ids)];
        if (list.length === 0) return new Set();
        const { rows } = await sql<{ id: string }>`SELECT h.id FROM json_each(${JSON.stringify(list)}) j
          JOIN households h ON h.id = j.value WHERE h.status = 'active'`.execute(db);
        return new Set(rows.map((r) => r.id));
      },
    };
  // The first term is the partial index's own condition: SQLite uses the index only when it is stated.
  const all = db
    .selectFrom('status_periods')
    .select('household_id')
    .where('status', '<>', 'closed')
    .where('status', '=', 'active')
    .where('to_on', '>', day)
    .where('from_on', '<=', day)
    .execute()
    .then((rows) => new Set(rows.map((r) => r.household_id)));
  return {
    cached: false,
    among: async (ids) => {
      const active = await all;
      return new Set([...ids].filter((id) => active.has(id)));
    },
  };
}

/** Meetings not 中止, with their household's 受付番号 and 表示名: where each of the desk's meeting lists starts. */
const meetingsNotCancelled = (db: Kysely<Database>) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.id', 'm.meeting_no', 'm.household_id', 'h.case_no', 'h.label', 'm.kind', 'm.held_on'])
    .where('m.cancelled_at', 'is', null);

/** A row of meetingsNotCancelled as the desk names it. */
const deskMeeting = (r: {
  id: string;
  meeting_no: string;
  household_id: string;
  case_no: string;
  label: string;
  kind: MeetingKind;
  held_on: string;
}) => ({
  householdId: r.household_id,
  caseNo: r.case_no,
  householdLabel: r.label,
  meetingId: r.id,
  meetingNo: r.meeting_no,
  kind: r.kind,
  date: r.held_on,
});

async function upcoming(db: Kysely<Database>, from: string, to: string): Promise<Desk['upcomingMeetings']> {
  const issuedBy = endOfOfficeDay(from);
  const rows = await meetingsNotCancelled(db)
    .select([
      'm.start_time',
      'm.end_time',
      'm.reply_by',
      sql<number>`(SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id)`.as('attendees'),
      sql<number>`(SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.attendance = 'unknown')`.as(
        'unconfirmed',
      ),
      sql<number>`EXISTS (SELECT 1 FROM document_issues d WHERE d.meeting_id = m.id AND d.document = 'form1' AND d.created_at <= ${issuedBy})`.as(
        'notice_issued',
      ),
    ])
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .orderBy('m.held_on')
    .orderBy('m.start_time')
    .orderBy('m.meeting_no')
    .execute();
  return rows.map((r) => {
    const missing: PreparationGap[] = [];
    if (r.attendees === 0) missing.push('noAttendees');
    if (!r.notice_issued) missing.push('noticeNotIssued');
    if (r.unconfirmed > 0)
      missing.push(r.reply_by && r.reply_by < from ? 'replyOverdue' : 'attendanceUnconfirmed');
    return {
      ...deskMeeting(r),
      startTime: r.start_time,
      endTime: r.end_time,
      replyBy: r.reply_by,
      attendees: r.attendees,
      unconfirmed: r.unconfirmed,
      missing,
    };
  });
}

/**
 * Meetings held before the day whose 様式4 was not issued by then, or whose plan is not 確定. The
 * meetings not done today (no 様式4 yet, or the plan open) are one range of a partial index, and those
 * whose first 様式4 came after the day another (meetings.reported_at, migration 1081): neither reads
 * the meetings that are done.
 */
async function unfinishedMeetings(db: Kysely<Database>, day: string) {
  const issuedBy = endOfOfficeDay(day);
  const past = meetingsNotCancelled(db)
    .select(['m.plan_status', 'm.reported_at'])
    .where('m.held_on', '<', day)
    .where('m.migrated', '!=', 1);
  const [notDone, reportedLater] = await Promise.all([
    // The partial index's own condition, as it is written there.
    past
      .where(sql<SqlBool>`(m.reported_at IS NULL OR (m.kind = 'consented' AND m.plan_status <> 'final'))`)
      .execute(),
    past.where('m.reported_at', '>', issuedBy).execute(),
  ]);
  const byId = new Map([...notDone, ...reportedLater].map((r) => [r.id, r]));
  return [...byId.values()]
    .sort((a, b) => a.held_on.localeCompare(b.held_on) || a.meeting_no.localeCompare(b.meeting_no))
    .map((r) => ({
      ...deskMeeting(r),
      planStatus: r.plan_status,
      reported: r.reported_at !== null && r.reported_at <= issuedBy,
    }));
}

/**
 * 見直し: a household 支援中 whose latest meeting held by the day set a 次回見直し予定日 that has come, or
 * whose current plan has a row whose latest モニタリング says 見直しが必要. Holding or preparing the next
 * meeting takes it off.
 */
async function reviews(db: Kysely<Database>, day: string, activeOn: ActiveOn): Promise<Desk['reviewsDue']> {
  const noLaterMeeting = sql<boolean>`NOT EXISTS (SELECT 1 FROM meetings l WHERE l.household_id = m.household_id AND l.held_on > m.held_on AND l.cancelled_at IS NULL)`;
  const scheduled = await db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.household_id', 'm.next_review_on as due_on'])
    .where('m.next_review_on', 'is not', null)
    .where('m.next_review_on', '<=', day)
    .where('m.held_on', '<=', day)
    .where('m.cancelled_at', 'is', null)
    .where(noLaterMeeting)
    .execute();
  const flagged = await db
    .selectFrom('plan_monitoring as pm')
    .innerJoin('plan_rows as r', 'r.id', 'pm.plan_row_id')
    .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
    .select(['m.id', 'm.household_id', sql<string>`min(pm.checked_on)`.as('due_on')])
    .where('pm.status', '=', 'needsReview')
    .where('pm.checked_on', '<=', day)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM plan_monitoring later WHERE later.plan_row_id = pm.plan_row_id AND later.checked_on <= ${day} AND (later.checked_on > pm.checked_on OR (later.checked_on = pm.checked_on AND later.created_at > pm.created_at)))`,
    )
    .where(noLaterMeeting)
    .groupBy(['m.id', 'm.household_id'])
    .execute();
  const active = await activeOn.among([...scheduled, ...flagged].map((r) => r.household_id));
  const due = new Map<
    string,
    { meetingId: string; householdId: string; dueOn: string; reason: 'scheduled' | 'monitoring' }
  >();
  for (const [list, reason] of [
    [scheduled, 'scheduled'],
    [flagged, 'monitoring'],
  ] as const) {
    for (const r of list) {
      if (!active.has(r.household_id) || !r.due_on) continue;
      const seen = due.get(r.id);
      if (!seen || r.due_on < seen.dueOn)
        due.set(r.id, { meetingId: r.id, householdId: r.household_id, dueOn: r.due_on, reason });
    }
  }
  if (due.size === 0) return [];
  const ids = [...due.keys()];
  const [meetings, rows] = await Promise.all([
    db
      .selectFrom('meetings as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['m.id', 'm.meeting_no', 'h.case_no', 'h.label'])
      .where('m.id', 'in', ids)
      .execute(),
    db
      .selectFrom('plan_rows as r')
      .leftJoin('members as mb', 'mb.id', 'r.member_id')
      .select([
        'r.id',
        'r.meeting_id',
        'r.target',
        'r.member_label',
        'mb.label as current_label',
        'mb.relationship',
        sql<MonitoringStatus | null>`(SELECT pm.status FROM plan_monitoring pm WHERE pm.plan_row_id = r.id AND pm.checked_on <= ${day} ORDER BY pm.checked_on DESC, pm.created_at DESC LIMIT 1)`.as(
          'status',
        ),
      ])
      .where('r.meeting_id', 'in', ids)
      .where((eb) =>
        eb.or([eb('r.goal', '!=', ''), eb('r.discussion', '!=', ''), eb('r.next_actions', '!=', '')]),
      )
      .orderBy('r.meeting_id')
      .orderBy('r.position')
      .execute(),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const rowsByMeeting = Map.groupBy(rows, (r) => r.meeting_id);
  return [...due.values()]
    .flatMap((d) => {
      const meeting = meetingById.get(d.meetingId);
      if (!meeting) return [];
      return [
        {
          householdId: d.householdId,
          caseNo: meeting.case_no,
          householdLabel: meeting.label,
          meetingId: d.meetingId,
          meetingNo: meeting.meeting_no,
          dueOn: d.dueOn,
          reason: d.reason,
          rows: (rowsByMeeting.get(d.meetingId) ?? []).map((r) => ({
            heading: planRowHeading(
              {
                target: r.target,
                memberLabel: r.member_label,
                member: r.current_label
                  ? { label: r.current_label, relationship: r.relationship ?? '' }
                  : null,
              },
              () => null,
            ),
            status: r.status,
          })),
        },
      ];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseNo.localeCompare(b.caseNo));
}

/**
 * 支援中 with no 支援経過, meeting or status change for `days` days or more, by the day. A household's
 * kept latest activity (households.last_activity_on, migration 1080) counts every date, so the 支援中
 * households whose latest is on or before the window's start are quiet on the day: one range of the
 * partial index. (Nothing of theirs is dated after that start, status changes included, so their
 * status on any later day is the one kept for today.) Only a household with something dated after
 * the day (a meeting still to come; on a past day, what came later) can be quiet by the day with a
 * later latest activity: those few get their latest activity up to the day looked up.
 */
async function quiet(
  db: Kysely<Database>,
  day: string,
  days: number,
  activeOn: ActiveOn,
): Promise<Desk['quietHouseholds']> {
  const since = addDays(day, -days);
  const kept = await db
    .selectFrom('households')
    .select(['id', 'case_no', 'label', 'last_activity_on as last_on'])
    .where('status', '=', 'active')
    .where('last_activity_on', '<=', since)
    .execute();
  // Each by its date index, from the day on. (With UNION, or without INDEXED BY, SQLite reads whole
  // indexes in household order instead.)
  const later = await sql<{ household_id: string }>`
    SELECT household_id FROM progress_notes INDEXED BY progress_notes_noted_on WHERE noted_on > ${day} AND voided_at IS NULL
    UNION ALL SELECT household_id FROM meetings WHERE held_on > ${day} AND cancelled_at IS NULL
    UNION ALL SELECT household_id FROM status_changes WHERE changed_on > ${day} AND voided_at IS NULL`.execute(
    db,
  );
  const keptIds = new Set(kept.map((r) => r.id));
  const laterIds = [...new Set(later.rows.map((r) => r.household_id))].filter((id) => !keptIds.has(id));
  // The kept rows are 支援中 by the index when households.status holds the day's status.
  const active = await activeOn.among(activeOn.cached ? laterIds : [...keptIds, ...laterIds]);
  const others = laterIds.filter((id) => active.has(id));
  const looked =
    others.length === 0
      ? []
      : (
          await sql<{ id: string; case_no: string; label: string; last_on: string }>`
    SELECT h.id, h.case_no, h.label, max(
      coalesce((SELECT max(p.noted_on) FROM progress_notes p WHERE p.household_id = h.id AND p.noted_on <= ${day} AND p.voided_at IS NULL), ''),
      coalesce((SELECT max(m.held_on) FROM meetings m WHERE m.household_id = h.id AND m.held_on <= ${day} AND m.cancelled_at IS NULL), ''),
      coalesce((SELECT max(s.changed_on) FROM status_changes s WHERE s.household_id = h.id AND s.changed_on <= ${day} AND s.voided_at IS NULL), '')
    ) AS last_on
    FROM households h WHERE h.id IN (SELECT value FROM json_each(${JSON.stringify(others)}))`.execute(db)
        ).rows.filter((r) => r.last_on <= since);
  return [...(activeOn.cached ? kept : kept.filter((r) => active.has(r.id))), ...looked]
    .map((r) => ({
      householdId: r.id,
      caseNo: r.case_no,
      householdLabel: r.label,
      lastActivityOn: r.last_on,
      days: daysBetween(r.last_on, day),
    }))
    .sort((a, b) => a.lastActivityOn.localeCompare(b.lastActivityOn) || a.caseNo.localeCompare(b.caseNo));
}

/** The household's latest 支援経過 planned a next contact on or before the day, and nothing came after it. */
async function contacts(db: Kysely<Database>, day: string, activeOn: ActiveOn): Promise<Desk['contactsDue']> {
  const rows = await db
    .selectFrom('progress_notes as n')
    .innerJoin('households as h', 'h.id', 'n.household_id')
    .select(['n.id', 'n.household_id', 'h.case_no', 'h.label', 'n.noted_on', 'n.next_on', 'n.next_plan'])
    .where('n.next_on', 'is not', null)
    .where('n.next_on', '<=', day)
    .where('n.noted_on', '<=', day)
    .where('n.voided_at', 'is', null)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM progress_notes l WHERE l.household_id = n.household_id AND l.voided_at IS NULL AND l.noted_on <= ${day} AND (l.noted_on > n.noted_on OR (l.noted_on = n.noted_on AND l.created_at > n.created_at)))`,
    )
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM meetings m WHERE m.household_id = n.household_id AND m.held_on >= n.next_on AND m.held_on <= ${day} AND m.cancelled_at IS NULL)`,
    )
    .execute();
  const active = await activeOn.among(rows.map((r) => r.household_id));
  return rows
    .filter((r) => active.has(r.household_id))
    .map((r) => ({
      householdId: r.household_id,
      caseNo: r.case_no,
      householdLabel: r.label,
      noteId: r.id,
      notedOn: r.noted_on,
      dueOn: r.next_on ?? r.noted_on,
      nextPlan: r.next_plan,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseNo.localeCompare(b.caseNo));
}

/**
 * Numbered copies of a meeting that is over (held before the day), neither 回収 nor 廃棄 by the day.
 * A copy counts from the day it was issued, so a day before its issue never lists it.
 */
async function uncollected(db: Kysely<Database>, day: string): Promise<Desk['copiesOutstanding']> {
  const rows = await db
    .selectFrom('distributed_copies as c')
    .innerJoin('meetings as m', 'm.id', 'c.meeting_id')
    .select(['c.meeting_id', 'm.meeting_no', 'm.held_on', 'c.copy_no', 'c.recipient'])
    .where('m.held_on', '<', day)
    .where('c.issued_at', '<=', endOfOfficeDay(day))
    .where((eb) => eb.or([eb('c.collected_on', 'is', null), eb('c.collected_on', '>', day)]))
    .where((eb) => eb.or([eb('c.destroyed_on', 'is', null), eb('c.destroyed_on', '>', day)]))
    .orderBy('m.held_on')
    .orderBy('m.meeting_no')
    .orderBy('c.copy_no')
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    meetingNo: r.meeting_no,
    date: r.held_on,
    copyNo: r.copy_no,
    recipient: r.recipient,
  }));
}

/** Consent given 口頭 and in force on the day, whose 書面 had not come in by then. */
async function oralOnly(db: Kysely<Database>, day: string): Promise<Desk['oralConsents']> {
  const rows = await db
    .selectFrom('consents as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .select(['c.id', 'c.household_id', 'h.case_no', 'h.label', 'c.obtained_on'])
    .where('c.method', '=', 'oral')
    .where('c.obtained_on', '<=', day)
    .where('c.voided_at', 'is', null)
    .where((eb) => eb.or([eb('c.withdrawn_on', 'is', null), eb('c.withdrawn_on', '>', day)]))
    .where((eb) => eb.or([eb('c.written_on', 'is', null), eb('c.written_on', '>', day)]))
    .orderBy('c.obtained_on')
    .orderBy('h.case_no')
    .execute();
  return rows.map((r) => ({
    householdId: r.household_id,
    caseNo: r.case_no,
    householdLabel: r.label,
    consentId: r.id,
    obtainedOn: r.obtained_on,
  }));
}

/** The last backup made by the end of the day (app or CLI); due when there is none or it is older than N days. */
async function lastBackup(db: Kysely<Database>, day: string, reminderDays: number): Promise<Desk['backup']> {
  const row = await db
    .selectFrom('audit_events')
    .select('at')
    // indexed_kind: the kind index's column (it leaves 閲覧 events out, migration 1101).
    .where('indexed_kind', '=', 'backup.created')
    .where('at', '<=', endOfOfficeDay(day))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastOn = row ? officeDate(new Date(row.at)) : null;
  return { lastOn, due: lastOn === null || daysBetween(lastOn, day) > reminderDays };
}
