import { AlignmentType, type Table } from 'docx';
import { meetingDateTime } from './dates.js';
import { formSpec, type PackedDocument, packDocument } from './document.js';
import type { FormData } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentWidth } from './page.js';
import { blankParagraph, bodyParagraph, headingParagraph, titleParagraph } from './paragraphs.js';
import { bodyRow, columnWidths, fixedTable, headCell, headerRow, textCell } from './tables.js';
import { cleanText } from './text.js';

const width = contentWidth('portrait');

/** One numbered copy of a meeting's packet (rule 8): its 配布番号 and who it went to ('' = 予備). */
export interface PacketCopy {
  number: number;
  recipient: string;
}

/** What was printed together for one meeting: the documents in each copy, and the copies. */
export interface Packet {
  /** Titles of the documents in every copy, as printed (「重層会議様式2 会次第」). */
  documents: string[];
  copies: PacketCopy[];
}

function meetingTable(data: FormData, packet: Packet): Table {
  const widths = columnWidths(width, [18, 82]);
  const [label = 0, value = 0] = widths;
  const { meeting } = data;
  const rows: [string, string][] = [
    ['会　議', `${cleanText(data.householdTitle)} ${data.meetingLabel}`],
    ['日　時', meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)],
    ['場　所', meeting.place],
    ['配布資料', packet.documents.join('\n')],
    ['配布部数', `${packet.copies.length} 部（各部に上記の資料をまとめて配布）`],
  ];
  return fixedTable(
    widths,
    rows.map(([l, v]) => bodyRow([headCell(l, label), textCell(v, value)], { minHeight: 454 })),
  );
}

/**
 * 配布番号 | 配布先 | 受領 | 回収日 | 廃棄日 | 確認者: one row per numbered copy, tall enough to tick
 * and write by hand; a spare copy's 配布先 is left blank to fill in.
 */
function copyTable(packet: Packet): Table {
  const widths = columnWidths(width, [12, 34, 9, 15, 15, 15]);
  const [no = 0, recipient = 0, received = 0, collected = 0, destroyed = 0, checker = 0] = widths;
  const total = packet.copies.length;
  return fixedTable(widths, [
    headerRow(['配布番号', '配布先', '受領', '回収日', '廃棄日', '確認者'], widths),
    ...[...packet.copies]
      .sort((a, b) => a.number - b.number)
      .map((copy) =>
        bodyRow(
          [
            textCell(`${copy.number}／${total}`, no, { align: AlignmentType.CENTER }),
            textCell(copy.recipient, recipient),
            textCell('□', received, { align: AlignmentType.CENTER }),
            textCell('／', collected, { align: AlignmentType.CENTER }),
            textCell('／', destroyed, { align: AlignmentType.CENTER }),
            textCell('', checker),
          ],
          { minHeight: 567 },
        ),
      ),
  ]);
}

/**
 * Rule 8: the coordinator's list of the numbered copies printed together for a meeting, to tick off as
 * each recipient hands its copy back. The list itself carries no 配布番号.
 */
export function renderCollectionChecklist(
  data: FormData,
  packet: Packet,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  const spec = formSpec({
    data: { ...data, copy: null },
    headerLabel: '（資料回収用）',
    title: `${cleanText(data.householdTitle)} ${data.meetingLabel} 資料回収チェック表`,
    orientation: 'portrait',
    children: [
      titleParagraph('資料回収チェック表'),
      meetingTable(data, packet),
      headingParagraph('配布先と回収状況'),
      copyTable(packet),
      blankParagraph(),
      bodyParagraph(
        '回収・廃棄した資料は、かさねの会議画面でも「回収」「廃棄」を記録してください。未回収の資料があるときは、速やかに配布先へ連絡して回収してください。',
      ),
    ],
  });
  return packDocument(spec, layout);
}
