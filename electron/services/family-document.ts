import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { consentState } from '../domain/consent.js';
import { formatWareki } from '../domain/dates.js';
import { familySheet } from '../domain/forms.js';
import type { MeetingKind } from '../domain/meeting.js';
import { officeDate } from '../domain/office-day.js';
import type { OfficeSettings } from '../ipc/contract.js';
import type { Member } from '../ipc/schemas/households.js';
import { listConsents } from './consent.js';
import type { IssuedPacket } from './document-gate.js';
import { type PacketFile, renderSingleDocument } from './document-packet.js';
import { familySheetImages, renderFamilySheet } from './drawings/family-sheet.js';
import type { DrawingFonts } from './drawings/raster.js';
import { KasaneError } from './errors.js';
import { drawFamily, type FamilyDrawings, listEcoMapTies, listRelations } from './family.js';
import type { LayoutFonts } from './forms/index.js';
import { listMembers } from './households.js';
import { confidentialityWarning } from './legal.js';
import { meetingFormData } from './meeting-form-data.js';
import { householdTitleOf } from './meetings.js';

/**
 * The 別添資料「家族構成図・エコマップ」 of a household, for the 159条 gate and the CLI. Issued for a
 * meeting, it takes the meeting's kind (and 配布番号 per attending agency with a 回収チェック表);
 * issued from the household, the kind its consent has today. In a 支援会議's document members
 * appear by 記号 unless real names were chosen with a reason (rule 4).
 */

export interface FamilyDocumentRequest {
  /** The household; taken from the meeting when a meeting is given. */
  householdId?: string;
  meetingId?: string;
  /** Absent: real names in a 重層的支援会議's document, labels in a 支援会議's (rule 4). */
  names?: 'real' | 'masked';
  namesReason: string | null;
  copies: number;
}

export interface FamilyDocument {
  householdId: string;
  kind: MeetingKind;
  caseNo: string;
  names: 'real' | 'masked';
  drawings: FamilyDrawings;
  files: PacketFile[];
  /** What the gate or the CLI records when the files leave: the meeting, the numbered copies (rule 8). */
  issued: IssuedPacket;
}

export interface Subject {
  householdId: string;
  caseNo: string;
  kind: MeetingKind;
  meeting: { id: string; meetingNo: string; heldOn: string } | null;
}

async function subjectOf(
  db: Kysely<Database>,
  request: FamilyDocumentRequest,
  today: string,
): Promise<Subject> {
  if (request.meetingId) {
    const meeting = await db
      .selectFrom('meetings as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['m.id', 'm.kind', 'm.meeting_no', 'm.held_on', 'h.id as household_id', 'h.case_no'])
      .where('m.id', '=', request.meetingId)
      .executeTakeFirst();
    if (!meeting || (request.householdId && request.householdId !== meeting.household_id))
      throw new KasaneError('NOT_FOUND');
    return {
      householdId: meeting.household_id,
      caseNo: meeting.case_no,
      kind: meeting.kind,
      meeting: { id: meeting.id, meetingNo: meeting.meeting_no, heldOn: meeting.held_on },
    };
  }
  const household = await db
    .selectFrom('households')
    .select(['id', 'case_no'])
    .where('id', '=', request.householdId ?? '')
    .executeTakeFirst();
  if (!household) throw new KasaneError('NOT_FOUND');
  const state = consentState(await listConsents(db, household.id), today);
  return {
    householdId: household.id,
    caseNo: household.case_no,
    kind: state === 'granted' ? 'consented' : 'unconsented',
    meeting: null,
  };
}

/** What a 別添資料 shows, before any page is laid out: whose, of which kind, and both drawings. */
export interface FamilyDrawingsFor {
  subject: Subject;
  names: 'real' | 'masked';
  drawings: FamilyDrawings;
  members: Member[];
  meetingData: (Awaited<ReturnType<typeof meetingFormData>> & { meetingId: string }) | null;
}

/**
 * The household (or meeting) a 別添資料 is for and its drawings, members named as rule 4 allows.
 * The CLI writes the 家族構成図 alone from this (`--out FILE.svg`).
 */
export async function familyDrawingsFor(
  db: Kysely<Database>,
  issuer: { name: string },
  office: OfficeSettings,
  request: FamilyDocumentRequest,
  now: Date,
): Promise<FamilyDrawingsFor> {
  const today = officeDate(now);
  const subject = await subjectOf(db, request, today);
  const names = request.names ?? (subject.kind === 'unconsented' ? 'masked' : 'real');
  if (subject.kind === 'unconsented' && names === 'real' && !request.namesReason?.trim())
    throw new KasaneError('NAMES_REASON_REQUIRED');
  if (request.copies > 1 && !subject.meeting) throw new KasaneError('COPIES_NEED_MEETING');
  // For a meeting: its own rules (consent on its date, rule 2), labels and attendees, as its 様式 have them.
  const meetingData = subject.meeting
    ? {
        meetingId: subject.meeting.id,
        ...(await meetingFormData(db, subject.meeting.id, {
          names,
          office,
          issuer,
          now,
          packet: [familySheet.key],
        })),
      }
    : null;
  const [members, relations, ties] = await Promise.all([
    listMembers(db, subject.householdId),
    listRelations(db, subject.householdId),
    listEcoMapTies(db, subject.householdId),
  ]);
  const drawings = drawFamily(members, relations, ties, {
    names,
    asOf: today,
    deceasedMark: office.deceasedMark,
  });
  return { subject, names, drawings, members, meetingData };
}

export async function renderFamilyDocument(
  db: Kysely<Database>,
  issuer: { name: string },
  office: OfficeSettings,
  request: FamilyDocumentRequest,
  now: Date,
  layout: LayoutFonts | null,
  fonts?: DrawingFonts,
): Promise<FamilyDocument> {
  const today = officeDate(now);
  const { subject, names, drawings, members, meetingData } = await familyDrawingsFor(
    db,
    issuer,
    office,
    request,
    now,
  );
  const warning = confidentialityWarning(today);
  const sheet = {
    office,
    warningFooter: subject.kind === 'consented' ? warning.footer : warning.footerUnconsented,
    householdTitle: householdTitleOf(members),
    asOf: today,
    meetingLine:
      subject.meeting && meetingData
        ? `${formatWareki(subject.meeting.heldOn)} ${meetingData.meetingLabel}`
        : null,
    ...drawings,
    createdAt: now,
  };
  const images = await familySheetImages(drawings, fonts);
  const { files, issued } = await renderSingleDocument(
    db,
    {
      sheet: familySheet,
      householdId: subject.householdId,
      meeting: meetingData ? { id: meetingData.meetingId, data: meetingData } : null,
      stem: `別添資料_${familySheet.title}_${subject.meeting?.meetingNo ?? subject.caseNo}`,
      names,
      namesReason: request.namesReason,
      copies: request.copies,
      render: (copy) => renderFamilySheet({ ...sheet, copy }, layout, images),
    },
    layout,
  );
  return {
    householdId: subject.householdId,
    kind: subject.kind,
    caseNo: subject.caseNo,
    names,
    drawings,
    files,
    issued,
  };
}
