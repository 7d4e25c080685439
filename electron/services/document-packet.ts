import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { formatWareki } from '../domain/dates.js';
import { type FormNumber, formByNumber } from '../domain/forms.js';
import type { OfficeSettings } from '../ipc/contract.js';
import { packetDocumentTitle, packetRecipients } from './distributed-copies.js';
import type { IssuedPacket } from './document-gate.js';
import { KasaneError } from './errors.js';
import { attendingAgencies } from './forms/attendance.js';
import {
  type FormData,
  type LayoutFonts,
  type PackedDocument,
  type PacketCopy,
  renderCollectionChecklist,
  renderForm,
  renderMeetingNoticePerAgency,
} from './forms/index.js';
import { type Progress, unwatched } from './jobs/progress.js';
import { meetingFormData, type NoticeChoices } from './meeting-form-data.js';
import { letterSettingsProblems } from './office-settings.js';
import type { OutgoingFile } from './platform.js';

/** What one issue prints: several 様式 of one meeting, issued together (one 配布番号 per recipient). */
export interface PacketRequest {
  meetingId: string;
  forms: FormNumber[];
  names: 'real' | 'masked';
  /** Numbered copies of the packet (rule 8); 1 prints each 様式 once, unnumbered. */
  copies: number;
  /** 様式1 as one file per addressee. */
  perAgency: boolean;
  notice?: NoticeChoices;
}

/** A file of the packet, and its pages as laid out when they could be counted. */
export interface PacketFile extends OutgoingFile {
  pages: number | null;
  /** Each page's 「n / N」, when the pages could be counted. */
  pageNumbers: string[] | null;
}

export interface RenderedPacket {
  files: PacketFile[];
  /** The numbered copies and the documents in each (form keys); null when copies are not numbered. */
  packet: { documents: string[]; copies: PacketCopy[] } | null;
  /** Things the coordinator should know before issuing (not refusals). */
  warnings: string[];
}

function fileName(stem: string): string {
  return `${stem.replace(/[\\/:*?"<>|]/g, '_')}.docx`;
}

export function packetFile(name: string, document: PackedDocument): PacketFile {
  return {
    name: fileName(name),
    bytes: document.bytes,
    pages: document.pages?.total ?? null,
    pageNumbers: document.pages?.numbers ?? null,
  };
}

/** Refusals before anything is rendered: a notice needs finished office settings and an addressee. */
function assertCanIssue(request: PacketRequest, office: OfficeSettings, data: Omit<FormData, 'copy'>): void {
  if (!request.forms.includes(1)) return;
  const [problem] = letterSettingsProblems(office);
  if (problem) throw new KasaneError('OFFICE_SETTINGS_INCOMPLETE', problem.message, { field: problem.field });
  if (data.notice.addressees.length === 0) throw new KasaneError('NO_ADDRESSEES');
}

/**
 * One 配布番号 per recipient for the whole meeting: numbers already given keep their recipient, new
 * numbers go to the attending agencies not yet holding one, in attendance order, then to spares.
 */
export async function numberedCopies(
  db: Kysely<Database>,
  request: Pick<PacketRequest, 'meetingId' | 'copies'>,
  data: Pick<FormData, 'attendees'>,
): Promise<PacketCopy[]> {
  const given = await packetRecipients(db, request.meetingId);
  const unnumbered = attendingAgencies(data.attendees)
    .map((a) => a.agencyName)
    .filter((name) => !given.some((g) => g.recipient === name));
  return Array.from({ length: request.copies }, (_, i) => {
    const number = i + 1;
    const recipient = given.find((g) => g.number === number)?.recipient ?? unnumbered.shift() ?? '';
    return { number, recipient };
  });
}

function warningsFor(request: PacketRequest, data: Omit<FormData, 'copy'>, copies: PacketCopy[]): string[] {
  const warnings: string[] = [];
  const { notice, meeting } = data;
  if (request.forms.includes(1)) {
    if (notice.issuedOn >= meeting.heldOn)
      warnings.push(
        `発信日（${formatWareki(notice.issuedOn)}）が開催日（${formatWareki(meeting.heldOn)}）の当日以降です。通知として出すには遅すぎないか確認してください。`,
      );
    if (notice.replyBy < notice.issuedOn || notice.replyBy > meeting.heldOn)
      warnings.push(
        `回答期限（${formatWareki(notice.replyBy)}）が発信日から開催日までの間にありません。日付を確認してください。`,
      );
  }
  const agencies = attendingAgencies(data.attendees);
  const without = agencies.filter((a) => !copies.some((c) => c.recipient === a.agencyName));
  if (copies.length > 0 && without.length > 0) {
    warnings.push(
      `部数（${copies.length}部）が出席機関（${agencies.length}機関）より少ないため、次の機関には配布されません：${without.map((a) => a.agencyName).join('、')}`,
    );
  }
  return warnings;
}

/**
 * Renders the files one issue produces (rules 4, 7, 8): each 様式 once, or with numbered copies each
 * recipient's copy of every 様式 under one 配布番号, plus one 回収チェック表 of what was printed.
 * Copies go to the attending agencies in attendance order; spare copies are left for a name by hand.
 * 様式1 is a letter to each addressee and is never numbered.
 */
export async function renderPacket(
  db: Kysely<Database>,
  issuer: { name: string },
  office: OfficeSettings,
  request: PacketRequest,
  now: Date,
  layout: LayoutFonts | null,
  progress: Progress = unwatched,
): Promise<RenderedPacket> {
  const forms = [...new Set(request.forms)].sort((a, b) => a - b);
  const data = await meetingFormData(db, request.meetingId, {
    names: request.names,
    office,
    issuer,
    now,
    packet: forms.map((f) => `form${f}`),
    ...(request.notice ? { notice: request.notice } : {}),
  });
  assertCanIssue(request, office, data);
  const stem = (form: FormNumber) => `様式${form}_${formByNumber(form).title}_${data.meeting.meetingNo}`;
  const files: PacketFile[] = [];
  const numbered = request.copies > 1 ? forms.filter((f): f is Exclude<FormNumber, 1> => f !== 1) : [];
  const single = forms.filter((f) => !(numbered as FormNumber[]).includes(f));
  const copies = numbered.length > 0 ? await numberedCopies(db, request, data) : [];
  // 様式1 per addressee counts as one step; the 回収チェック表 as the last.
  const total = single.length + copies.length * numbered.length + (copies.length > 0 ? 1 : 0);
  let done = 0;
  const rendered = () => progress.report('rendering', done++, total, 'ファイル');

  for (const form of single) {
    rendered();
    if (form === 1 && request.perAgency) {
      for (const letter of await renderMeetingNoticePerAgency({ ...data, copy: null }, layout))
        files.push(packetFile(`${stem(1)}_${letter.agencyName}`, letter.document));
    } else {
      files.push(packetFile(stem(form), await renderForm(form, { ...data, copy: null }, layout)));
    }
  }

  for (const copy of copies) {
    for (const form of numbered) {
      rendered();
      const document = await renderForm(
        form,
        { ...data, copy: { number: copy.number, total: copies.length } },
        layout,
      );
      files.push(packetFile(`${stem(form)}_配布${String(copy.number).padStart(2, '0')}`, document));
    }
  }
  if (copies.length > 0) {
    rendered();
    const checklist = await renderCollectionChecklist(
      { ...data, copy: null },
      { documents: numbered.map((f) => packetDocumentTitle(`form${f}`)), copies },
      layout,
    );
    files.push(packetFile(`資料回収チェック表_${data.meeting.meetingNo}`, checklist));
  }
  rendered();
  return {
    files,
    packet: copies.length > 0 ? { documents: numbered.map((f) => `form${f}`), copies } : null,
    warnings: warningsFor(request, data, copies),
  };
}

/** A household's document that leaves on its own (評価シート, 別添資料): the document gives only its content. */
export interface SingleDocumentRequest {
  /** Its catalogue entry (domain/forms.ts): the key the issue records, the title the files carry. */
  sheet: { key: string; title: string };
  householdId: string;
  /** The meeting it is issued for, with that meeting's form data; copies are numbered only for one. */
  meeting: { id: string; data: Omit<FormData, 'copy'> } | null;
  /** The file name without 配布番号 or extension. */
  stem: string;
  names: 'real' | 'masked';
  namesReason: string | null;
  copies: number;
  /** One copy of the document: unnumbered (null) or with its 配布番号. */
  render: (copy: FormData['copy']) => Promise<PackedDocument>;
}

/** The files of one such document and what their issue records (rules 7 and 8). */
export interface SingleDocument {
  files: PacketFile[];
  /** The issue record, with the numbered copies when there are any. */
  issued: IssuedPacket;
}

/**
 * Renders one single document for the 159条 gate: one unnumbered file, or, for a meeting in several
 * copies, one file per 配布番号 (numbers already given at the meeting keep their recipients) and the
 * 資料回収チェック表 listing them. The issue record it returns is what the gate or the CLI audits
 * under the purpose given at issue.
 */
export async function renderSingleDocument(
  db: Kysely<Database>,
  request: SingleDocumentRequest,
  layout: LayoutFonts | null,
): Promise<SingleDocument> {
  const { sheet, meeting, stem } = request;
  const files: PacketFile[] = [];
  let packet: RenderedPacket['packet'] = null;
  if (request.copies === 1 || !meeting) {
    files.push(packetFile(stem, await request.render(null)));
  } else {
    const copies = await numberedCopies(db, { meetingId: meeting.id, copies: request.copies }, meeting.data);
    for (const copy of copies) {
      const document = await request.render({ number: copy.number, total: copies.length });
      files.push(packetFile(`${stem}_配布${String(copy.number).padStart(2, '0')}`, document));
    }
    const checklist = await renderCollectionChecklist(
      { ...meeting.data, copy: null },
      { documents: [packetDocumentTitle(sheet.key)], copies },
      layout,
    );
    files.push(packetFile(`資料回収チェック表_${sheet.title}_${meeting.data.meeting.meetingNo}`, checklist));
    packet = { documents: [sheet.key], copies };
  }
  return { files, issued: singleIssue(request, packet) };
}

/** What the issue of one household document records: the document, its copies and the names choice. */
export function singleIssue(
  request: Pick<SingleDocumentRequest, 'sheet' | 'householdId' | 'names' | 'namesReason' | 'copies'> & {
    meeting: { id: string } | null;
  },
  numbered: RenderedPacket['packet'],
): IssuedPacket {
  return {
    meetingId: request.meeting?.id ?? null,
    householdId: request.householdId,
    documents: [request.sheet.key],
    copies: request.copies,
    names: request.names,
    namesReason: request.namesReason,
    numbered,
  };
}
