import { AlignmentType, type FileChild, Paragraph, type Table } from 'docx';
import { formHeaderLabel } from '../../domain/forms.js';
import { issueDate, meetingDateTime, warekiDate } from './dates.js';
import { type DocumentSection, type DocumentSpec, type PackedDocument, packDocument } from './document.js';
import type { FormData, NoticeAddressee } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentWidth } from './page.js';
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
import { printedAgain } from './printed-again.js';
import { styles } from './styles.js';
import { bodyRow, columnWidths, fixedTable, headCell, textCell } from './tables.js';
import { cleanText, textRuns } from './text.js';

const headerLabel = formHeaderLabel(1);

/**
 * 「〇〇福政第123号」: the office's prefix, then 第N号. A prefix already ending in 第, or a number the
 * user typed with 第 or 号, is not doubled. Without a number the place is left blank to write in.
 */
export function documentNumber(prefix: string, number: string | null): string {
  const stem = prefix.trim().replace(/第$/, '');
  const n = (number ?? '').trim().replace(/^第/, '').replace(/号$/, '');
  return `${stem}第${n === '' ? '　　　' : n}号`;
}

/** 文書番号 and 発信日, right-aligned: 公用文 writes the date without the weekday. */
function numberAndDate(data: FormData): Paragraph[] {
  const { notice, office } = data;
  const first =
    notice.style === 'numbered' ? documentNumber(office.documentNumberPrefix, notice.number) : '事務連絡';
  return [rightParagraph(first), rightParagraph(issueDate(notice.issuedOn))];
}

/** 宛先: the agency, then each person's 職名 and 氏名 with the office's 様 or 殿. */
function addressee(agency: NoticeAddressee, honorific: string): Paragraph[] {
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

/**
 * 発信者: the 課長 with 「（公印省略）」 under a numbered notice; the 課 and its 担当 under a
 * 事務連絡, which carries no seal line. The two are never mixed.
 */
function sender(data: FormData): Paragraph[] {
  const { office, notice } = data;
  if (notice.style === 'numbered')
    return [rightParagraph(office.senderTitle), rightParagraph('（公印省略）')];
  return [
    rightParagraph(`${office.municipalityName}${office.departmentName}`),
    rightParagraph(`担当　${notice.contactPerson}`),
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

/** 「令和8年11月20日（金）」 inside the reply sentence. */
function otherNotes(data: FormData): string[] {
  return [
    `出欠は${warekiDate(data.notice.replyBy)}までに担当あて御連絡ください。`,
    '会議資料は個人情報を含むため、会議終了後に回収します。',
    '会議の出席者には守秘義務があります。会議で知り得た秘密を漏らすことのないよう御留意ください。',
  ];
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
  const { office, notice } = data;
  const rows: [string, string][] = [
    ['担当課', `${office.municipalityName}${office.departmentName}`],
    ['担当者', notice.contactPerson],
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

/** A letter's text before its addressee, and after it. */
function letterText(data: FormData): { opening: FileChild[]; body: FileChild[] } {
  return {
    opening: [...numberAndDate(data), blankParagraph()],
    body: [
      blankParagraph(),
      ...sender(data),
      blankParagraph(),
      titleParagraph(`${data.meetingLabel}の開催について（通知）`),
      ...requestText(data).map(proseParagraph),
      blankParagraph(),
      ...particulars(data),
      blankParagraph(),
      contactBlock(data),
    ],
  };
}

/**
 * Each letter is a section of its own, so its pages are numbered on their own (「1 / 1」). Letters
 * differ only in their addressee: the rest is formatted once and printed in every letter (`shared`;
 * without it each letter is built anew, which the tests compare with).
 */
export function noticeSpec(data: FormData, addressees: NoticeAddressee[], shared = true): DocumentSpec {
  const once = shared ? letterText(data) : null;
  const opening = once ? printedAgain(once.opening) : () => letterText(data).opening;
  const body = once ? printedAgain(once.body) : () => letterText(data).body;
  return {
    title: `${cleanText(data.householdTitle)} ${data.meetingLabel}開催通知`,
    author: `${data.office.municipalityName}${data.office.departmentName}`,
    createdAt: data.createdAt,
    numbering: 'section',
    sections: addressees.map(
      (agency): DocumentSection => ({
        orientation: 'portrait',
        headerLabel,
        copy: data.copy,
        warning: data.warningFooter,
        children: [...opening(), ...addressee(agency, data.office.addresseeHonorific), ...body()],
      }),
    ),
  };
}

/** 様式1: one letter per addressee, all in one file. */
export function renderMeetingNotice(
  data: FormData,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  return packDocument(noticeSpec(data, data.notice.addressees), layout);
}

/** 様式1 as one file per addressee, for offices that send each notice separately. */
export async function renderMeetingNoticePerAgency(
  data: FormData,
  layout: LayoutFonts | null = null,
): Promise<{ agencyName: string; document: PackedDocument }[]> {
  const out: { agencyName: string; document: PackedDocument }[] = [];
  for (const agency of data.notice.addressees) {
    out.push({
      agencyName: agency.agencyName,
      document: await packDocument(noticeSpec(data, [agency]), layout),
    });
  }
  return out;
}
