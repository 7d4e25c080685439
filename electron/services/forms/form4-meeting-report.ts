import { AlignmentType, LineRuleType, Paragraph, type Table, VerticalAlignTable } from 'docx';
import { formByNumber, formHeaderLabel } from '../../domain/forms.js';
import { timeRange } from '../../domain/time-range.js';
import { attendingAgencies } from './attendance.js';
import { warekiDate } from './dates.js';
import { formSpec, type PackedDocument, packDocument } from './document.js';
import { runFont } from './fonts.js';
import type { FormData } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentHeight, contentWidth } from './page.js';
import { char, titleParagraph } from './paragraphs.js';
import { styles } from './styles.js';
import { bodyRow, cell, columnWidths, fixedTable, headCell, headerRow, textCell } from './tables.js';
import { cleanText, textRuns } from './text.js';
import { cellHeight } from './text-fit.js';

const width = contentWidth('portrait');
/** 所属 | value | 氏名 | value: the form's label and value columns. */
const formWidths = columnWidths(width, [14, 38, 12, 36]);
/** The printed sheet has 14 numbered lines for 参加者; more attendees get more. */
const minimumParticipantRows = 14;

function span(from: number, to: number): number {
  return formWidths.slice(from, to).reduce((a, b) => a + b, 0);
}

/** 報告事項: 「1　見出し」 in Gothic, then its text indented under it. */
function reportSections(sections: FormData['meeting']['reportSections']): Paragraph[] {
  return sections.flatMap((section, i) => [
    new Paragraph({
      style: styles.tableText,
      spacing: { before: i === 0 ? 0 : 120 },
      children: textRuns(`${i + 1}　${section.title}`, runFont('gothic')),
    }),
    new Paragraph({ style: styles.tableText, indent: { left: char }, children: textRuns(section.body) }),
  ]);
}

function reportTable(data: FormData): Table {
  const { meeting, reporter } = data;
  const [l1 = 0, v1 = 0, l2 = 0, v2 = 0] = formWidths;
  const agencies = attendingAgencies(data.attendees).length;
  const sectionsText = meeting.reportSections.map((s) => `${s.title}\n${s.body}`).join('\n');
  const minHeight = 567;
  return fixedTable(formWidths, [
    bodyRow(
      [
        headCell('所　属', l1),
        textCell(reporter.department, v1),
        headCell('氏　名', l2),
        textCell(reporter.name, v2),
      ],
      {
        minHeight,
      },
    ),
    bodyRow(
      [
        headCell('日　時', l1),
        textCell(
          `${warekiDate(meeting.heldOn)}\n${timeRange(meeting.startTime, meeting.endTime)}`.trim(),
          v1,
        ),
        headCell('場　所', l2),
        textCell(meeting.place, v2),
      ],
      { minHeight },
    ),
    bodyRow(
      [
        headCell('目　的', l1),
        textCell(`${data.householdTitle}${data.meetingLabel}`, span(1, 4), { columnSpan: 3 }),
      ],
      {
        minHeight,
      },
    ),
    bodyRow(
      [
        headCell('報告事項', l1),
        cell(reportSections(meeting.reportSections), span(1, 4), {
          columnSpan: 3,
          verticalAlign: VerticalAlignTable.TOP,
        }),
      ],
      {
        minHeight: 3402,
        // Only a 報告事項 longer than most of a page may continue on the next one.
        splittable: cellHeight(sectionsText, span(1, 4)) > contentHeight('portrait') * 0.6,
      },
    ),
    bodyRow(
      [
        headCell('参加者', l1),
        textCell(`${agencies} 機関　${data.attendees.length} 人`, span(1, 4), { columnSpan: 3 }),
      ],
      { minHeight },
    ),
  ]);
}

/** No. | 分野 | 機関名 | 出席者, padded with blank numbered rows to the printed sheet's 14. */
function participantTable(data: FormData): Table {
  const widths = columnWidths(width, [7, 17, 40, 36]);
  const [no = 0, field = 0, agency = 0, person = 0] = widths;
  const count = Math.max(minimumParticipantRows, data.attendees.length);
  const rows = Array.from({ length: count }, (_, i) => {
    const a = data.attendees[i];
    const attendee = a ? [a.title, a.personName].filter((s) => s.trim() !== '').join('　') : '';
    return bodyRow(
      [
        textCell(String(i + 1), no, { align: AlignmentType.CENTER }),
        textCell(a?.field ?? '', field),
        textCell(a?.agencyName ?? '', agency),
        textCell(attendee, person),
      ],
      { minHeight: 454 },
    );
  });
  return fixedTable(widths, [headerRow(['No.', '分野', '機関名', '出席者'], widths), ...rows]);
}

/** 様式4 会議報告シート: a form-style table for sharing the meeting inside each agency. */
export function renderMeetingReport(
  data: FormData,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  const spec = formSpec({
    data,
    headerLabel: formHeaderLabel(4),
    title: `${cleanText(data.householdTitle)}${data.meetingLabel} 会議報告シート`,
    orientation: 'portrait',
    children: [
      titleParagraph(formByNumber(4).title),
      reportTable(data),
      new Paragraph({ style: styles.body, spacing: { line: 120, lineRule: LineRuleType.EXACT } }),
      participantTable(data),
    ],
  });
  return packDocument(spec, layout);
}
