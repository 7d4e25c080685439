import { AlignmentType, Paragraph, type Table } from 'docx';
import { formHeaderLabel } from '../../domain/forms.js';
import { meetingDateTime } from './dates.js';
import { formSpec, type PackedDocument, packDocument } from './document.js';
import type { FormData } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentWidth } from './page.js';
import { blankParagraph, char, hangingParagraph, headingParagraph, titleParagraph } from './paragraphs.js';
import { styles } from './styles.js';
import { bodyRow, boxedNote, columnWidths, fixedTable, headerRow, textCell } from './tables.js';
import { cleanText, textRuns } from './text.js';

const width = contentWidth('portrait');

/** 日時 and 場所 under the title, starting a little right of the centre as 会次第 print them. */
function whenAndWhere(data: FormData): Paragraph[] {
  const { meeting } = data;
  const left = 20;
  return [
    hangingParagraph('日時', meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime), 3, left),
    hangingParagraph('場所', meeting.place, 3, left),
  ];
}

/** Numbered 議事 with room between them for the chair's notes. */
function agendaItems(agenda: string[]): Paragraph[] {
  return agenda.map(
    (item, i) =>
      new Paragraph({
        style: styles.body,
        spacing: { after: 240 },
        indent: { left: 2 * char, hanging: 2 * char },
        children: textRuns(`${i + 1}　${item}`),
      }),
  );
}

function attendeeList(data: FormData): Table {
  const widths = columnWidths(width, [6, 14, 38, 24, 18]);
  const [no = 0, field = 0, agency = 0, title = 0, name = 0] = widths;
  return fixedTable(widths, [
    headerRow(['No.', '分野', '機関名', '職名', '氏名'], widths),
    ...data.attendees.map((a, i) =>
      bodyRow([
        textCell(String(i + 1), no, { align: AlignmentType.CENTER }),
        textCell(a.field, field),
        textCell(a.agencyName, agency),
        textCell(a.title, title),
        textCell(a.personName, name),
      ]),
    ),
  ]);
}

/** 配布資料: only what is handed out with the 次第; without any, no heading either. */
function handoutList(handouts: string[]): Paragraph[] {
  if (handouts.length === 0) return [];
  return [headingParagraph('配布資料'), ...handouts.map((h, i) => hangingParagraph(`資料${i + 1}`, h, 4, 1))];
}

/** 様式2 会次第: title, 日時・場所, numbered agenda, 出席者名簿, 配布資料 and the boxed 回収 note. */
export function renderAgenda(data: FormData, layout: LayoutFonts | null = null): Promise<PackedDocument> {
  const title = `${cleanText(data.householdTitle)} ${data.meetingLabel} 次第`;
  const spec = formSpec({
    data,
    headerLabel: formHeaderLabel(2),
    title,
    orientation: 'portrait',
    children: [
      titleParagraph(title),
      ...whenAndWhere(data),
      blankParagraph(),
      ...agendaItems(data.meeting.agenda),
      headingParagraph('出席者名簿'),
      attendeeList(data),
      ...handoutList(data.meeting.handouts),
      blankParagraph(),
      boxedNote(
        '会議資料には個人情報が含まれています。会議終了時に回収しますので、お持ち帰りにならないようお願いします。',
        width,
      ),
    ],
  });
  return packDocument(spec, layout);
}
