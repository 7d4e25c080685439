import { AlignmentType, VerticalAlignTable } from 'docx';
import { issueDate, warekiDate } from './dates.js';
import { type PackedDocument, packDocument } from './document.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentWidth } from './page.js';
import { blankParagraph, rightParagraph, titleParagraph } from './paragraphs.js';
import { bodyRow, columnWidths, fixedTable, headCell, headerRow, textCell } from './tables.js';
import { cleanText } from './text.js';
import { wrapLines } from './text-fit.js';

/** Everything the 評価シート prints, already decided (labels, not names; the warning in force). */
export interface EvaluationSheetData {
  /** 「A氏世帯」 */
  householdTitle: string;
  receivedOn: string;
  /** 支援開始 (the first one), or null when support never formally started. */
  supportFrom: string | null;
  closedOn: string;
  closeReason: string;
  handoverAgency: string | null;
  /** The meeting whose plan was evaluated. */
  planMeeting: { meetingNo: string; heldOn: string; meetingLabel: string } | null;
  rows: { heading: string; goal: string; progress: string; achievement: string; comment: string }[];
  warningFooter: string;
  /** The coordinator who made it, and the 課 it is made in. */
  author: string;
  department: string;
  createdAt: Date;
  /** 作成日: the office's day of createdAt. */
  createdOn: string;
  /** 配布番号 (rule 8) when issued in numbered copies. */
  copy: { number: number; total: number } | null;
}

/**
 * 「A氏 山川 一郎（本人）」 breaks before the 続柄 rather than inside it. The estimate counts a Latin
 * letter or space as a full cell (BIZ UD's proportional Latin is wider than half), so it errs on breaking.
 */
function headingLines(heading: string, width: number): string {
  const cells = [...heading].length;
  const perLine = wrapLines('〇'.repeat(cells), width).length;
  if (perLine <= 1 && cells <= 9) return heading;
  return heading.replace(/(（[^（]*）)$/, '\n$1');
}

/** 「A氏世帯 支援評価シート」 as forms.md has it; the page header names it the same way the 様式 do. */
export const evaluationSheetHeader = '（支援評価シート）';

const facts = columnWidths(contentWidth('landscape'), [13, 37, 13, 37]);
const table = columnWidths(contentWidth('landscape'), [15, 24, 28, 9, 24]);
const closing = columnWidths(contentWidth('landscape'), [13, 87]);

/**
 * 評価シート (rule 20, forms.md), one A4 landscape page with the 様式' furniture: the support in brief,
 * then per plan row 目標 | 取組の経過 (the latest モニタリング) | 達成状況 | コメント, then 終結理由 and
 * 引継ぎ先. Issued through the same 159条 gate.
 */
export function renderEvaluationSheet(
  data: EvaluationSheetData,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  const title = `${cleanText(data.householdTitle)} 支援評価シート`;
  const [f0 = 0, f1 = 0, f2 = 0, f3 = 0] = facts;
  const period = `${data.supportFrom ? issueDate(data.supportFrom) : '（支援開始の記録なし）'}～${issueDate(data.closedOn)}`;
  const [c0 = 0, c1 = 0] = closing;
  const children = [
    titleParagraph(title),
    rightParagraph(
      `作成日 ${issueDate(data.createdOn)}　作成者 ${cleanText([data.department, data.author].filter(Boolean).join(' '))}`,
    ),
    fixedTable(facts, [
      bodyRow(
        [
          headCell('受付日', f0),
          textCell(issueDate(data.receivedOn), f1),
          headCell('支援期間', f2),
          textCell(period, f3),
        ],
        {
          minHeight: 454,
        },
      ),
      bodyRow(
        [
          headCell('評価したプラン', f0),
          textCell(
            data.planMeeting
              ? `${warekiDate(data.planMeeting.heldOn)}の${data.planMeeting.meetingLabel}で決めた支援プラン（会議番号 ${data.planMeeting.meetingNo}）`
              : '—',
            f1 + f2 + f3,
            { columnSpan: 3 },
          ),
        ],
        { minHeight: 454 },
      ),
    ]),
    blankParagraph(),
    fixedTable(table, [
      headerRow(['氏名', '目標', '取組の経過', '達成状況', 'コメント'], table),
      ...(data.rows.length > 0
        ? data.rows.map((row) =>
            bodyRow(
              [
                textCell(headingLines(row.heading, table[0] ?? 0), table[0] ?? 0, {
                  align: AlignmentType.CENTER,
                }),
                textCell(row.goal, table[1] ?? 0, { verticalAlign: VerticalAlignTable.TOP }),
                textCell(row.progress, table[2] ?? 0, { verticalAlign: VerticalAlignTable.TOP }),
                textCell(row.achievement, table[3] ?? 0, { align: AlignmentType.CENTER }),
                textCell(row.comment, table[4] ?? 0, { verticalAlign: VerticalAlignTable.TOP }),
              ],
              { minHeight: 680 },
            ),
          )
        : [
            bodyRow([
              textCell(
                '支援プランの行はありません。',
                table.reduce((a, b) => a + b, 0),
                { columnSpan: 5 },
              ),
            ]),
          ]),
    ]),
    blankParagraph(),
    fixedTable(closing, [
      bodyRow([headCell('終結理由', c0), textCell(`${issueDate(data.closedOn)}　${data.closeReason}`, c1)], {
        minHeight: 454,
      }),
      bodyRow([headCell('引継ぎ先', c0), textCell(data.handoverAgency ?? '—', c1)], { minHeight: 454 }),
    ]),
  ];
  return packDocument(
    {
      title,
      author: data.author,
      createdAt: data.createdAt,
      numbering: 'document',
      sections: [
        {
          orientation: 'landscape',
          headerLabel: evaluationSheetHeader,
          copy: data.copy,
          warning: data.warningFooter,
          children,
        },
      ],
    },
    layout,
  );
}
