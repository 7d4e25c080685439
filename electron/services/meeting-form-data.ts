import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { officeDate } from '../domain/office-day.js';
import type { OfficeSettings } from '../ipc/contract.js';
import { listConsents } from './consent.js';
import { KasaneError } from './errors.js';
import type { FormData } from './forms/form-data.js';
import { listMembers } from './households.js';
import { confidentialityWarning } from './legal.js';
import { consentedMeetingRefusal } from './meeting-rules.js';
import { effectivePlanRows, listPlanRows, planRowHeading } from './meetings.js';

/**
 * Gathers one meeting into the FormData the 様式 builders print. Decides what the law decides:
 * rule 2 again (consent may have been withdrawn since the meeting was planned), rule 4 (names by
 * label unless real names were chosen), and the warning text in force today.
 */
export async function meetingFormData(
  db: Kysely<Database>,
  meetingId: string,
  options: { names: 'real' | 'masked'; office: OfficeSettings; reporterName: string; now: Date },
): Promise<Omit<FormData, 'copy'>> {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new KasaneError('NOT_FOUND');
  const labels = options.office.meetingLabels;
  if (meeting.kind === 'consented') {
    const refusal = consentedMeetingRefusal(
      await listConsents(db, meeting.household_id),
      meeting.held_on,
      labels.unconsented,
    );
    if (refusal) throw new KasaneError('CONSENT_REQUIRED', refusal);
  }
  const [members, attendees, planRows, monitors] = await Promise.all([
    listMembers(db, meeting.household_id),
    db
      .selectFrom('meeting_attendees as a')
      .innerJoin('agencies as g', 'g.id', 'a.agency_id')
      .select(['g.field', 'g.name', 'a.title', 'a.person_name'])
      .where('a.meeting_id', '=', meetingId)
      .orderBy('a.position')
      .execute(),
    listPlanRows(db, meetingId),
    db
      .selectFrom('meeting_monitors as mm')
      .innerJoin('agencies as g', 'g.id', 'mm.agency_id')
      .select('g.name')
      .where('mm.meeting_id', '=', meetingId)
      .orderBy('g.name')
      .execute(),
  ]);
  const displayName = (m: { label: string; name: string }) =>
    options.names === 'real' ? m.name : `${m.label}氏`;
  const principal = members.find((m) => m.isPrincipal) ?? members[0];
  const warning = confidentialityWarning(officeDate(options.now));
  return {
    office: options.office,
    kind: meeting.kind,
    meetingLabel: meeting.kind === 'consented' ? labels.consented : labels.unconsented,
    warningFooter: meeting.kind === 'consented' ? warning.footer : warning.footerUnconsented,
    meeting: {
      meetingNo: meeting.meeting_no,
      heldOn: meeting.held_on,
      startTime: meeting.start_time,
      endTime: meeting.end_time,
      place: meeting.place,
      agenda: JSON.parse(meeting.agenda_json) as string[],
      reportSections: JSON.parse(meeting.report_sections_json) as { title: string; body: string }[],
      nextReviewOn: meeting.next_review_on,
      noticeNumber: meeting.notice_number,
      issuedOn: meeting.issued_on,
      replyBy: meeting.reply_by,
      handouts: JSON.parse(meeting.handouts_json) as string[],
    },
    householdTitle: principal ? `${principal.label}氏世帯` : '世帯',
    members: members.map((m) => ({
      label: m.label,
      displayName: displayName(m),
      relationship: m.relationship,
    })),
    attendees: attendees.map((a) => ({
      field: a.field,
      agencyName: a.name,
      title: a.title,
      personName: a.person_name,
    })),
    planRows: effectivePlanRows(planRows, members).map((r) => ({
      heading: planRowHeading(r, displayName),
      goal: r.goal,
      discussion: r.discussion,
      nextActions: r.nextActions,
      roles: r.roles,
    })),
    monitoringAgencies: monitors.map((m) => m.name),
    reporter: { department: options.office.departmentName, name: options.reporterName },
    createdAt: options.now,
  };
}
