import { formatWareki } from '../../domain/dates.js';
import { planStatusLabels } from '../../domain/meeting.js';
import { timeRange } from '../../domain/time-range.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { DocumentPreview } from '../../ipc/schemas/lists.js';
import type { MeetingSummary } from '../../ipc/schemas/meetings.js';
import type { GateContext } from '../document-gate.js';
import { confidentialityWarning } from '../legal.js';
import { listMeetings } from '../meetings.js';
import { holdList } from './hold-list.js';
import type { ListCell, ListTable } from './list-table.js';
import { consentedOn, labelTitles, namesReasonFor } from './names.js';

const everyMeeting = 1_000_000;

function stateOf(m: MeetingSummary): string {
  if (m.cancelled) return '中止';
  const parts = [...(m.migrated === 'pastRecord' ? ['移行データ'] : []), ...m.missing];
  return parts.join('、');
}

/**
 * documents.meetingList: 会議一覧 as the screen has it — 予定 (soonest first), then 開催済み (newest
 * first) with what is still missing — as Word or Excel through the 159条 gate. A 支援会議, or a
 * household without consent today, is shown as 「A氏世帯」 unless real names were chosen (rule 4).
 */
export async function meetingListDocument(
  ctx: GateContext,
  input: ParsedInput<'documents.meetingList'>,
): Promise<DocumentPreview> {
  const { format, names, namesReason } = input;
  const meetings = await listMeetings(ctx, { limit: everyMeeting });
  const consented = await consentedOn(
    ctx.db,
    meetings.map((m) => m.householdId),
    ctx.today,
  );
  const toMask = meetings.filter((m) => m.kind === 'unconsented' || !consented.has(m.householdId));
  const reason = namesReasonFor({ names, namesReason }, toMask.length > 0);
  const maskedIds = new Set(names === 'masked' ? toMask.map((m) => m.id) : []);
  const titles = await labelTitles(ctx.db, [...new Set(toMask.map((m) => m.householdId))]);
  const office = await ctx.settings();
  const warning = confidentialityWarning(ctx.today);
  const row = (m: MeetingSummary): ListCell[] => [
    m.meetingNo,
    formatWareki(m.heldOn),
    timeRange(m.startTime, m.endTime),
    office.meetingLabels[m.kind],
    m.caseNo,
    (maskedIds.has(m.id) ? titles.get(m.householdId) : undefined) ?? m.householdLabel,
    m.place,
    m.attendeeCount,
    planStatusLabels[m.planStatus],
    stateOf(m),
  ];
  const upcoming = meetings.filter((m) => m.heldOn >= ctx.today);
  const past = meetings.filter((m) => m.heldOn < ctx.today);
  const table: ListTable = {
    title: '会議一覧',
    orientation: 'landscape',
    facts: [
      `作成日 ${formatWareki(ctx.today)}`,
      `予定${upcoming.length}件、開催済み${past.length}件${maskedIds.size > 0 ? `（${office.meetingLabels.unconsented}など本人同意のない世帯の会議${maskedIds.size}件は記号で表示）` : ''}`,
    ],
    columns: [
      { label: '会議番号', ratio: 10, sheetWidth: 14 },
      { label: '開催日', ratio: 17, sheetWidth: 20 },
      { label: '時間', ratio: 9, sheetWidth: 12 },
      { label: '会議', ratio: 10, sheetWidth: 16 },
      { label: '受付番号', ratio: 9, sheetWidth: 12 },
      { label: '世帯', ratio: 11, sheetWidth: 16 },
      { label: '場所', ratio: 12, sheetWidth: 20 },
      { label: '出席機関', ratio: 6, sheetWidth: 9, align: 'right' },
      { label: 'プラン', ratio: 6, sheetWidth: 8, align: 'center' },
      { label: '未了の作業・状態', ratio: 14, sheetWidth: 28 },
    ],
    sections: [
      { heading: '予定', rows: upcoming.map(row) },
      { heading: '開催済み', rows: past.map(row) },
    ],
    empty: '該当する会議はありません。',
    warning: toMask.length > 0 ? warning.footerUnconsented : warning.footer,
    author: `${office.municipalityName}${office.departmentName}`,
    createdAt: ctx.now,
  };
  return holdList(ctx, table, {
    document: 'meetingList',
    format,
    names,
    namesReason: reason,
    stem: '会議一覧',
  });
}
