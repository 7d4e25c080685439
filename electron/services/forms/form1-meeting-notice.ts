import { AlignmentType, Paragraph, type Table } from 'docx';
import { formHeaderLabel } from '../../domain/forms.js';
import { type AttendingAgency, attendingAgencies } from './attendance.js';
import { issueDate, meetingDateTime, warekiDate } from './dates.js';
import { contentWidth, packForm, styles } from './document.js';
import type { FormData } from './form-data.js';
import {
  blankParagraph,
  bodyParagraph,
  centredParagraph,
  char,
  hangingParagraph,
  proseParagraph,
  rightParagraph,
  titleParagraph,
} from './paragraphs.js';
import { bodyRow, columnWidths, fixedTable, headCell, textCell } from './tables.js';
import { cleanText, textRuns } from './text.js';

/** 〇〇福政第 + 123 + 号; a number the user already ended with 号 is kept as typed. */
function documentNumber(prefix: string, noticeNumber: string | null): string {
  if (noticeNumber === null || noticeNumber.trim() === '') return '事務連絡';
  const number = noticeNumber.trim();
  return `${prefix}${number}${number.endsWith('号') ? '' : '号'}`;
}

/** 宛先: the agency, then each person's 職名 and 氏名 with the office's 様 or 殿. */
function addressee(agency: AttendingAgency, honorific: string): Paragraph[] {
  const people = agency.people
    .map((p) => [p.title, p.personName].filter((s) => s.trim() !== '').join('　'))
    .filter((line) => line !== '');
  if (people.length === 0) return [bodyParagraph(`${agency.agencyName}　${honorific}`)];
  return [
    bodyParagraph(agency.agencyName),
    ...people.map(
      (line) =>
        new Paragraph({
          style: styles.body,
          indent: { left: char },
          children: textRuns(`${line}　${honorific}`),
        }),
    ),
  ];
}

/** 本市 / 本町 / 本村, from the municipality's name. */
function ourMunicipality(name: string): string {
  return `本${/[市町村区]$/.exec(name.trim())?.[0] ?? '市'}`;
}

function requestText(data: FormData): string[] {
  const basis =
    data.kind === 'unconsented'
      ? 'なお、本会議は、社会福祉法第106条の6に規定する支援会議として開催するものです。'
      : '';
  return [
    `日頃から${ourMunicipality(data.office.municipalityName)}の福祉行政の推進に御理解と御協力を賜り、厚く御礼申し上げます。`,
    `さて、下記のとおり${data.meetingLabel}を開催しますので、御多忙のところ恐縮ですが、御出席くださいますようお願いします。${basis}`,
  ];
}

function otherNotes(data: FormData): string[] {
  const notes = [
    '会議資料は個人情報を含むため、会議終了後に回収します。',
    '会議の出席者には守秘義務があります。会議で知り得た秘密を漏らすことのないよう御留意ください。',
  ];
  if (data.meeting.replyBy) {
    notes.push(`出欠について、${warekiDate(data.meeting.replyBy)}までに下記担当あて御連絡ください。`);
  }
  return notes;
}

/** The 記 section: 1 日時, 2 場所, 3 議題, 4 その他 with its numbered notes. */
function particulars(data: FormData): Paragraph[] {
  const { meeting } = data;
  return [
    centredParagraph('記'),
    blankParagraph(),
    hangingParagraph('1　日　時', meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime), 6),
    hangingParagraph('2　場　所', meeting.place, 6),
    hangingParagraph('3　議　題', `${data.householdTitle}に係る支援について`, 6),
    bodyParagraph('4　その他'),
    ...otherNotes(data).map((note, i) => hangingParagraph(`（${i + 1}）`, note, 3, 1)),
    rightParagraph('以上'),
  ];
}

/** 担当課 / 担当者 / 電話 / メール, boxed at the bottom right as offices print it. */
function contactBlock(data: FormData): Table {
  const { office } = data;
  const rows: [string, string][] = [
    ['担当課', `${office.municipalityName}${office.departmentName}`],
    ['担当者', office.contactPerson],
    ['電　話', office.phone],
    ['メール', office.email],
  ];
  const width = Math.round(contentWidth('portrait') * 0.55);
  const widths = columnWidths(width, [1, 4]);
  return fixedTable(
    widths,
    rows
      .filter(([, value]) => value.trim() !== '')
      .map(([label, value]) =>
        bodyRow([
          headCell(label, widths[0] ?? 0),
          textCell(value, widths[1] ?? 0, { align: AlignmentType.LEFT }),
        ]),
      ),
    AlignmentType.RIGHT,
  );
}

function noticePage(data: FormData, agency: AttendingAgency, first: boolean): (Paragraph | Table)[] {
  const { office, meeting } = data;
  return [
    new Paragraph({
      style: styles.body,
      alignment: AlignmentType.RIGHT,
      pageBreakBefore: !first,
      children: textRuns(documentNumber(office.documentNumberPrefix, meeting.noticeNumber)),
    }),
    rightParagraph(issueDate(meeting.issuedOn)),
    blankParagraph(),
    ...addressee(agency, office.addresseeHonorific),
    blankParagraph(),
    rightParagraph(office.senderTitle),
    rightParagraph('（公印省略）'),
    blankParagraph(),
    titleParagraph(`${data.meetingLabel}の開催について（通知）`),
    ...requestText(data).map(proseParagraph),
    blankParagraph(),
    ...particulars(data),
    blankParagraph(),
    contactBlock(data),
  ];
}

function noticeTitle(data: FormData): string {
  return `${cleanText(data.householdTitle)} ${data.meetingLabel}開催通知`;
}

/** 様式1: one page per attending agency, page breaks between them, all in one file. */
export async function renderMeetingNotice(data: FormData): Promise<Buffer> {
  const agencies = attendingAgencies(data.attendees);
  return packForm({
    data,
    headerLabel: formHeaderLabel(1),
    title: noticeTitle(data),
    orientation: 'portrait',
    children: agencies.flatMap((agency, i) => noticePage(data, agency, i === 0)),
  });
}

/** 様式1 as one file per attending agency, for offices that send each notice separately. */
export async function renderMeetingNoticePerAgency(
  data: FormData,
): Promise<{ agencyName: string; bytes: Buffer }[]> {
  return Promise.all(
    attendingAgencies(data.attendees).map(async (agency) => ({
      agencyName: agency.agencyName,
      bytes: await packForm({
        data,
        headerLabel: formHeaderLabel(1),
        title: noticeTitle(data),
        orientation: 'portrait',
        children: noticePage(data, agency, true),
      }),
    })),
  );
}
