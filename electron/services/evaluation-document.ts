import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { consentState } from '../domain/consent.js';
import { evaluationSheet } from '../domain/forms.js';
import type { MeetingKind } from '../domain/meeting.js';
import { achievementLabels } from '../domain/monitoring.js';
import { officeDate } from '../domain/office-day.js';
import { planRowHeading } from '../domain/plan.js';
import type { OfficeSettings } from '../ipc/contract.js';
import { listConsents } from './consent.js';
import type { IssuedPacket } from './document-gate.js';
import { type PacketFile, renderSingleDocument } from './document-packet.js';
import { KasaneError } from './errors.js';
import { type EvaluationSheetData, renderEvaluationSheet } from './forms/evaluation-sheet.js';
import type { LayoutFonts } from './forms/index.js';
import { listMembers } from './households.js';
import { confidentialityWarning } from './legal.js';
import { meetingFormData } from './meeting-form-data.js';
import { householdTitleOf } from './meetings.js';

/**
 * The 評価シート of a household's 終結 (rule 20, forms.md), for the 159条 gate and the CLI. It is the
 * household's: the latest evaluation unless one from the history is named (an evaluation survives
 * 再開). Members appear by 記号 when the household has no consent today or the evaluated plan was a
 * 支援会議's, unless real names were chosen with a reason (rule 4). Numbered copies (rule 8) go to
 * the agencies of the meeting whose plan was evaluated, with its 回収チェック表.
 */

export interface EvaluationDocumentRequest {
  householdId: string;
  /** One evaluation from the history; absent: the latest that still stands. */
  evaluationId?: string | undefined;
  /** Absent: real names when consented, labels otherwise (rule 4). */
  names?: 'real' | 'masked';
  namesReason: string | null;
  copies: number;
}

export interface EvaluationDocument {
  householdId: string;
  evaluationId: string;
  kind: MeetingKind;
  caseNo: string;
  names: 'real' | 'masked';
  files: PacketFile[];
  /** What the gate or the CLI records when the files leave (with the evaluated plan's meeting when numbered). */
  issued: IssuedPacket;
}

async function evaluationOf(db: Kysely<Database>, householdId: string, evaluationId: string | undefined) {
  const evaluation = await db
    .selectFrom('evaluations as e')
    .innerJoin('status_changes as s', 's.id', 'e.status_change_id')
    .leftJoin('meetings as m', 'm.id', 'e.meeting_id')
    .leftJoin('agencies as a', 'a.id', 'e.handover_agency_id')
    .select([
      'e.id',
      'e.meeting_id',
      'e.closed_on',
      'e.close_reason',
      'e.status_change_id',
      's.voided_at',
      'm.meeting_no',
      'm.held_on',
      'm.kind',
      'a.name as handover_name',
      'a.department as handover_department',
    ])
    .where('e.household_id', '=', householdId)
    .$if(evaluationId !== undefined, (q) => q.where('e.id', '=', evaluationId ?? ''))
    .$if(evaluationId === undefined, (q) => q.where('s.voided_at', 'is', null))
    .orderBy('e.closed_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!evaluation)
    throw new KasaneError(
      'NOT_FOUND',
      evaluationId
        ? undefined
        : 'この世帯には評価の記録がありません。評価は支援プランのある世帯を終結するときに記録します。',
    );
  if (evaluation.voided_at)
    throw new KasaneError('RECORD_VOIDED', 'この終結は取り消されているため、評価シートは出せません。');
  return evaluation;
}

/** 支援期間's start: the 支援開始 (or 再開) that began the period this 終結 ended. */
async function supportFrom(db: Kysely<Database>, householdId: string, statusChangeId: number) {
  const changes = await db
    .selectFrom('status_changes')
    .select(['id', 'status', 'changed_on'])
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .where('id', '<', statusChangeId)
    .orderBy('changed_on')
    .orderBy('id')
    .execute();
  let from: string | null = null;
  for (const change of changes) {
    if (change.status === 'closed') from = null;
    else if (change.status === 'active' && from === null) from = change.changed_on;
  }
  return from;
}

export async function renderEvaluationDocument(
  db: Kysely<Database>,
  issuer: { name: string },
  office: OfficeSettings,
  request: EvaluationDocumentRequest,
  now: Date,
  layout: LayoutFonts | null,
): Promise<EvaluationDocument> {
  const today = officeDate(now);
  const household = await db
    .selectFrom('households')
    .select(['id', 'case_no', 'received_on'])
    .where('id', '=', request.householdId)
    .executeTakeFirst();
  if (!household) throw new KasaneError('NOT_FOUND');
  const evaluation = await evaluationOf(db, household.id, request.evaluationId);
  const consented = consentState(await listConsents(db, household.id), today) === 'granted';
  const kind: MeetingKind = consented && evaluation.kind !== 'unconsented' ? 'consented' : 'unconsented';
  const names = request.names ?? (kind === 'unconsented' ? 'masked' : 'real');
  if (kind === 'unconsented' && names === 'real' && !request.namesReason?.trim())
    throw new KasaneError('NAMES_REASON_REQUIRED');
  if (request.copies > 1 && !evaluation.meeting_id)
    throw new KasaneError(
      'COPIES_NEED_MEETING',
      '評価したプランの会議がないため、配布番号を付けた複数部は作れません。1部で出してください。',
    );

  const [members, rows] = await Promise.all([
    listMembers(db, household.id),
    db
      .selectFrom('evaluation_rows as r')
      .leftJoin('plan_rows as p', 'p.id', 'r.plan_row_id')
      .select([
        'r.heading',
        'r.goal',
        'r.progress',
        'r.achievement',
        'r.comment',
        'p.target',
        'p.member_id',
        'p.member_label',
      ])
      .where('r.evaluation_id', '=', evaluation.id)
      .orderBy('r.position')
      .execute(),
  ]);
  // The stored 見出し is by label (it never held a name); real names are added only when chosen.
  const heading = (row: (typeof rows)[number]) => {
    const member = members.find((m) => m.id === row.member_id) ?? null;
    if (names === 'masked' || !row.target || !member) return row.heading;
    return planRowHeading({ target: row.target, member, memberLabel: row.member_label }, (m) => m.name);
  };
  const warning = confidentialityWarning(today);
  const handover = evaluation.handover_name
    ? [evaluation.handover_name, evaluation.handover_department].filter(Boolean).join(' ')
    : null;
  const sheet: Omit<EvaluationSheetData, 'copy'> = {
    householdTitle: householdTitleOf(members),
    receivedOn: household.received_on,
    supportFrom: await supportFrom(db, household.id, evaluation.status_change_id),
    closedOn: evaluation.closed_on,
    closeReason: evaluation.close_reason,
    handoverAgency: handover,
    planMeeting:
      evaluation.meeting_no && evaluation.held_on && evaluation.kind
        ? {
            meetingNo: evaluation.meeting_no,
            heldOn: evaluation.held_on,
            meetingLabel: office.meetingLabels[evaluation.kind],
          }
        : null,
    rows: rows.map((r) => ({
      heading: heading(r),
      goal: r.goal,
      progress: r.progress,
      achievement: achievementLabels[r.achievement],
      comment: r.comment,
    })),
    warningFooter: kind === 'consented' ? warning.footer : warning.footerUnconsented,
    author: issuer.name,
    department: office.departmentName,
    createdAt: now,
    createdOn: today,
  };

  // Numbered copies go to the meeting whose plan was evaluated; one copy is the household's alone.
  const meetingId = request.copies > 1 ? evaluation.meeting_id : null;
  const { files, issued } = await renderSingleDocument(
    db,
    {
      sheet: evaluationSheet,
      householdId: household.id,
      meeting: meetingId
        ? {
            id: meetingId,
            data: await meetingFormData(db, meetingId, {
              names,
              office,
              issuer,
              now,
              packet: [evaluationSheet.key],
            }),
          }
        : null,
      stem: `${evaluationSheet.title}_${household.case_no}_${evaluation.closed_on}`,
      names,
      namesReason: request.namesReason,
      copies: request.copies,
      render: (copy) => renderEvaluationSheet({ ...sheet, copy }, layout),
    },
    layout,
  );
  return {
    householdId: household.id,
    evaluationId: evaluation.id,
    kind,
    caseNo: household.case_no,
    names,
    files,
    issued,
  };
}
