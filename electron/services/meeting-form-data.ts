import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { officeDate } from '../domain/office-day.js';
import { planRowHeading } from '../domain/plan.js';
import type { OfficeSettings } from '../ipc/contract.js';
import { listConsents } from './consent.js';
import { KasaneError } from './errors.js';
import { attendingAgencies } from './forms/attendance.js';
import type { FormData } from './forms/form-data.js';
import { confidentialityWarning } from './legal.js';
import { businessDaysBefore } from './meeting-date.js';
import { consentedMeetingRefusal } from './meeting-rules.js';
import { handouts } from './meeting-texts.js';
import { effectivePlanRows, meetingTexts, type PlanRowMember } from './meetings.js';
import { isOwnOffice } from './office-settings.js';

/** 様式1's fields for one issue; anything not given takes its default. */
export interface NoticeChoices {
  /** 発信日; default: the day of issue. */
  issuedOn?: string | undefined;
  /** 回答期限; default: the meeting's, else the office's number of 開庁日 before the meeting. */
  replyBy?: string | undefined;
  /** N of 第N号; default: the meeting's 通知番号. */
  number?: string | undefined;
}

export interface FormDataOptions {
  names: 'real' | 'masked';
  office: OfficeSettings;
  /** The signed-in coordinator: 担当者 of 様式1 and 氏名 of 様式4. */
  issuer: { name: string };
  now: Date;
  /** The document kinds issued together with this one (様式2 lists them as 配布資料). */
  packet?: readonly string[];
  notice?: NoticeChoices;
}

/**
 * Gathers one meeting into the FormData the 様式 builders print. Decides what the law decides:
 * rule 2 again (consent may have been withdrawn since the meeting was planned), rule 4 (names by
 * label unless real names were chosen), the warning text in force today, and texts that fit the
 * meeting's kind.
 */
export async function meetingFormData(
  db: Kysely<Database>,
  meetingId: string,
  options: FormDataOptions,
): Promise<Omit<FormData, 'copy'>> {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new KasaneError('NOT_FOUND');
  const { office } = options;
  const labels = office.meetingLabels;
  if (meeting.kind === 'consented') {
    const refusal = consentedMeetingRefusal(
      await listConsents(db, meeting.household_id),
      meeting.held_on,
      labels.unconsented,
    );
    if (refusal) throw new KasaneError('CONSENT_REQUIRED', refusal);
  }
  const packet = options.packet ?? [];
  const [texts, attendees, monitors] = await Promise.all([
    meetingTexts(db, meetingId, labels, packet.includes('genogram')),
    db
      .selectFrom('meeting_attendees as a')
      .innerJoin('agencies as g', 'g.id', 'a.agency_id')
      .select(['g.field', 'g.name', 'a.title', 'a.person_name'])
      .where('a.meeting_id', '=', meetingId)
      .orderBy('a.position')
      .execute(),
    db
      .selectFrom('meeting_monitors as mm')
      .innerJoin('agencies as g', 'g.id', 'mm.agency_id')
      .select('g.name')
      .where('mm.meeting_id', '=', meetingId)
      .orderBy('g.name')
      .execute(),
  ]);
  const warning = confidentialityWarning(officeDate(options.now));
  const showName = (m: PlanRowMember) => (options.names === 'real' ? m.name : null);
  const issuedOn = options.notice?.issuedOn ?? officeDate(options.now);
  const present = attendees.map((a) => ({
    field: a.field,
    agencyName: a.name,
    title: a.title,
    personName: a.person_name,
  }));

  return {
    office,
    kind: meeting.kind,
    meetingLabel: labels[meeting.kind],
    warningFooter: meeting.kind === 'consented' ? warning.footer : warning.footerUnconsented,
    meeting: {
      meetingNo: meeting.meeting_no,
      heldOn: meeting.held_on,
      startTime: meeting.start_time,
      endTime: meeting.end_time,
      place: meeting.place,
      agenda: texts.agenda,
      reportSections: texts.reportSections,
      nextReviewOn: meeting.next_review_on,
      handouts: handouts({
        hasPlan: texts.hasPlan,
        packet: texts.genogramIssued && !packet.includes('genogram') ? [...packet, 'genogram'] : packet,
        extra: z.array(z.string()).parse(JSON.parse(meeting.handouts_json)),
      }),
    },
    notice: {
      style: office.noticeStyle,
      number: options.notice?.number ?? meeting.notice_number,
      issuedOn,
      replyBy:
        options.notice?.replyBy ??
        (meeting.reply_by && meeting.reply_by >= issuedOn
          ? meeting.reply_by
          : businessDaysBefore(meeting.held_on, office.replyBusinessDays)),
      contactPerson: options.issuer.name,
      addressees: attendingAgencies(present)
        .filter((a) => !isOwnOffice(a.agencyName, office))
        .map(({ agencyName, people }) => ({ agencyName, people })),
    },
    householdTitle: texts.householdTitle,
    attendees: present,
    planRows: effectivePlanRows(texts.planRows, texts.members).map((r) => ({
      heading: planRowHeading(r, showName),
      goal: r.goal,
      discussion: r.discussion,
      nextActions: r.nextActions,
      roles: r.roles,
    })),
    monitoringAgencies: monitors.map((m) => m.name),
    reporter: { department: office.departmentName, name: options.issuer.name },
    createdAt: options.now,
  };
}
