import type { DocumentPreview, ListFormat } from '../../ipc/schemas/lists.js';
import type { GateContext } from '../document-gate.js';
import { type ListTable, listRowCount, renderListDocx, renderListXlsx } from './list-table.js';
import { fileDay, safeFileName } from './names.js';

export interface ListRequest {
  /** What document_issues and the audit log call it: householdList, meetingList, caseRecord. */
  document: string;
  format: ListFormat;
  names: 'real' | 'masked';
  namesReason: string | null;
  /** The household a ケース記録 is about. */
  householdId?: string;
  /** The file name before the date: 「世帯一覧」, 「ケース記録_R8-001」. */
  stem: string;
}

/**
 * Renders the list and hands the file to the gate, which keeps it until it is issued with a purpose.
 * The preview is always the Word page: an Excel list previews as the same rows on paper.
 */
export async function holdList(
  ctx: GateContext,
  table: ListTable,
  request: ListRequest,
): Promise<DocumentPreview> {
  const docx = await renderListDocx(table, await ctx.gate.layout());
  const stem = `${request.stem}_${fileDay(ctx.today)}`;
  const file =
    request.format === 'xlsx'
      ? { name: safeFileName(stem, 'xlsx'), bytes: await renderListXlsx(table) }
      : { name: safeFileName(stem, 'docx'), bytes: docx.bytes };
  return ctx.gate.hold(
    ctx.user.id,
    {
      meetingId: null,
      householdId: request.householdId ?? null,
      documents: [request.document],
      copies: 1,
      names: request.names,
      namesReason: request.namesReason,
      numbered: null,
      listed: { format: request.format, rows: listRowCount(table) },
    },
    [file],
    { bytes: docx.bytes, pages: docx.pages?.total ?? null, pageNumbers: docx.pages?.numbers ?? null },
    request.format === 'xlsx'
      ? [
          'Excelファイルには、このプレビューと同じ行がそのまま入ります。印刷の向きと用紙（A4）も設定済みです。',
        ]
      : [],
    ctx.now,
  );
}
