import type { Control } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { defaultAgenda, type MeetingKind } from '../../../../electron/domain/meeting';
import { officeDate } from '../../../../electron/domain/office-day';
import type { ChannelOutput } from '../../../../electron/ipc/contract';
import type {
  MeetingDetail,
  MeetingInput,
  meetingInputSchema,
} from '../../../../electron/ipc/schemas/meetings';

export type MeetingFormValues = z.input<typeof meetingInputSchema>;
export type MeetingFormControl = Control<MeetingFormValues, unknown, MeetingInput>;
export type AttendeeValues = MeetingFormValues['attendees'][number];

export const emptyAttendee: AttendeeValues = { agencyId: '', title: '', personName: '', scopeReason: '' };

/**
 * A new meeting: the suggested 会議番号 and the 会次第 for its kind, issued today. A second meeting
 * starts from the previous one's time, place and attendees (範囲外の理由 are not carried: the new
 * date decides them).
 */
export function newMeetingValues(
  householdId: string,
  kind: MeetingKind,
  defaults: ChannelOutput<'meetings.defaults'>,
): MeetingFormValues {
  const previous = defaults.previous;
  return {
    householdId,
    kind,
    meetingNo: defaults.meetingNo,
    heldOn: '',
    startTime: previous?.startTime ?? '',
    endTime: previous?.endTime ?? '',
    place: previous?.place ?? '',
    agenda: defaultAgenda(kind, false),
    handouts: [],
    attendees: (previous?.attendees ?? []).map((a) => ({ ...emptyAttendee, ...a })),
    noticeNumber: '',
    issuedOn: warekiInput(officeDate(new Date())),
    replyBy: '',
  };
}

/** A saved meeting back in the form, dates as 和暦 text. */
export function meetingValues(meeting: MeetingDetail): MeetingFormValues {
  return {
    householdId: meeting.householdId,
    kind: meeting.kind,
    meetingNo: meeting.meetingNo,
    heldOn: warekiInput(meeting.heldOn),
    startTime: meeting.startTime ?? '',
    endTime: meeting.endTime ?? '',
    place: meeting.place,
    agenda: [...meeting.agenda],
    handouts: [...meeting.handouts],
    attendees: meeting.attendees.map((a) => ({
      agencyId: a.agencyId,
      title: a.title,
      personName: a.personName,
      scopeReason: a.scopeReason ?? '',
    })),
    noticeNumber: meeting.noticeNumber ?? '',
    issuedOn: warekiInput(meeting.issuedOn),
    replyBy: warekiInput(meeting.replyBy),
  };
}
