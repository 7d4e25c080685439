import { consentLabels, consentState } from '../../domain/consent.js';
import { ageOn, formatWareki } from '../../domain/dates.js';
import { statusLabels } from '../../domain/household.js';
import { contactMeansLabels } from '../../domain/progress-note.js';
import { householdStatusOn } from '../../domain/status-history.js';
import { timeRange } from '../../domain/time-range.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { DocumentPreview } from '../../ipc/schemas/lists.js';
import { listConsents } from '../consent.js';
import type { GateContext } from '../document-gate.js';
import { KasaneError } from '../errors.js';
import { activeStatusChanges } from '../household-status.js';
import { listMembers } from '../households.js';
import { confidentialityWarning } from '../legal.js';
import { householdTitleOf } from '../meetings.js';
import { listProgressNotes } from '../progress-notes.js';
import { holdList } from './hold-list.js';
import type { ListTable } from './list-table.js';
import { maskNames } from './mask-names.js';
import { namesReasonFor } from './names.js';

/**
 * documents.caseRecord: a household's 支援経過 as its ケース記録 (Word, A4 landscape), oldest first,
 * 取消 entries kept with their reason (rule 18). Without consent today the household is a 支援会議
 * case: members appear by 記号 — in the 本文 too, where their names are replaced — unless real names
 * were chosen with a reason (rule 4).
 */
export async function caseRecordDocument(
  ctx: GateContext,
  input: ParsedInput<'documents.caseRecord'>,
): Promise<DocumentPreview> {
  const { db, today } = ctx;
  const household = await db
    .selectFrom('households')
    .select(['id', 'case_no', 'label', 'received_on'])
    .where('id', '=', input.householdId)
    .executeTakeFirst();
  if (!household) throw new KasaneError('NOT_FOUND');
  const [consents, members, notes, changes] = await Promise.all([
    listConsents(db, household.id),
    listMembers(db, household.id),
    listProgressNotes(ctx, { householdId: household.id }),
    activeStatusChanges(db, [household.id]),
  ]);
  const consent = consentState(consents, today);
  const unconsented = consent !== 'granted';
  const reason = namesReasonFor(input, unconsented);
  const masked = unconsented && input.names === 'masked';
  const title = householdTitleOf(members);
  let replaced = 0;
  const text = (value: string) => {
    if (!masked) return value;
    const result = maskNames(value, members, [{ text: household.label, replacement: title }]);
    replaced += result.replaced;
    return result.text;
  };
  const status = householdStatusOn(changes.get(household.id) ?? [], today) ?? 'received';
  const office = await ctx.settings();
  const warning = confidentialityWarning(today);
  const memberLine = members
    .map((m) => {
      const age = m.birthDate ? `${ageOn(m.birthDate, today)}歳` : '';
      const facts = [m.relationship, age].filter(Boolean).join('・');
      return `${m.label}氏${masked ? '' : ` ${m.name}`}${facts ? `（${facts}）` : ''}`;
    })
    .join('　');
  const rows = [...notes].reverse().map((n) => {
    const how = [n.means ? contactMeansLabels[n.means] : '', timeRange(n.timeFrom, n.timeTo)]
      .filter(Boolean)
      .join('\n');
    const who = [n.agencyName ?? '', n.staff].filter(Boolean).join('\n');
    const content = [
      n.voided ? `【取消】${formatWareki(n.voided.at.slice(0, 10))}　理由: ${text(n.voided.reason)}` : '',
      text(n.content),
    ]
      .filter(Boolean)
      .join('\n');
    const next = [n.nextOn ? formatWareki(n.nextOn) : '', text(n.nextPlan)].filter(Boolean).join('\n');
    return [
      formatWareki(n.notedOn),
      how,
      who,
      n.members.map((m) => `${m.label}氏`).join('、'),
      content,
      next,
    ];
  });
  const table: ListTable = {
    title: `${title} ケース記録（支援経過）`,
    headerLabel: '（ケース記録）',
    orientation: 'landscape',
    facts: [
      `作成日 ${formatWareki(today)}`,
      `受付番号 ${household.case_no}${masked ? '' : `　表示名 ${household.label}`}　受付日 ${formatWareki(household.received_on)}　状態 ${statusLabels[status]}　本人同意 ${consentLabels[consent]}`,
      `世帯員 ${memberLine || '（未登録）'}`,
      `支援経過 ${rows.length}件（古い順）`,
    ],
    columns: [
      { label: '日付', ratio: 16, sheetWidth: 20 },
      { label: '手段・時間', ratio: 9, sheetWidth: 12 },
      { label: '機関・担当', ratio: 13, sheetWidth: 18 },
      { label: '対象', ratio: 7, sheetWidth: 10 },
      { label: '内容', ratio: 39, sheetWidth: 60 },
      { label: '次の予定', ratio: 16, sheetWidth: 24 },
    ],
    sections: [{ heading: null, rows }],
    empty: '支援経過はまだありません。',
    warning: unconsented ? warning.footerUnconsented : warning.footer,
    splittableRows: true,
    author: `${office.municipalityName}${office.departmentName}`,
    createdAt: ctx.now,
  };
  const preview = await holdList(ctx, table, {
    document: 'caseRecord',
    format: 'docx',
    names: input.names,
    namesReason: reason,
    householdId: household.id,
    stem: `ケース記録_${household.case_no}`,
  });
  if (replaced > 0)
    preview.notices.push(
      `本文中の世帯員の氏名${replaced}か所を記号（A氏など）に置き換えました。プレビューで確かめてください。`,
    );
  return preview;
}
