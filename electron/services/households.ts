import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { caseNoKey } from '../../db/case-number-key.js';
import type { Database, MemberTable } from '../../db/schema.js';
import { foldForSearch } from '../../db/search-fold.js';
import { writeStatusPeriods } from '../../db/status-periods.js';
import { methodLabels } from '../domain/consent.js';
import { formatWareki } from '../domain/dates.js';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  shortFiscalYearLabel,
} from '../domain/fiscal-year.js';
import { type HouseholdStatus, memberLabel } from '../domain/household.js';
import { officeDate } from '../domain/office-day.js';
import { statusActionLabels, statusHistoryProblems } from '../domain/status-history.js';
import type { ParsedInput } from '../ipc/contract.js';
import {
  type HouseholdDetail,
  type HouseholdInput,
  type Member,
  type MemberInput,
  memberVersionSchema,
} from '../ipc/schemas/households.js';
import { assertAgenciesRegistered } from './agencies.js';
import { consentHistory } from './consent.js';
import type { Context } from './context.js';
import { correctionsOf, recordCorrection, requireReason } from './corrections.js';
import { KasaneError } from './errors.js';
import { reindexHousehold } from './household-search.js';
import { moveReceivedOn, statusHistory } from './household-status.js';
import { detailRow, toSummary } from './household-summaries.js';

/** 課題 must be on the list and in use; `kept` (tags the household already has) may have been retired since. */
async function assertKnownIssues(
  trx: Kysely<Database>,
  issues: readonly string[],
  kept: readonly string[] = [],
): Promise<void> {
  issues = issues.filter((i) => !kept.includes(i));
  if (issues.length === 0) return;
  const known = await trx
    .selectFrom('issue_tags')
    .select('name')
    .where('name', 'in', [...issues])
    .where('retired_at', 'is', null)
    .execute();
  const unknown = issues.filter((i) => !known.some((k) => k.name === i));
  if (unknown.length)
    throw new KasaneError('UNKNOWN_ISSUE', `登録されていない課題です: ${unknown.join('、')}`);
}

/** 受付番号 are compared after normalisation (rule 18): Ｃ２０２３－００１ is C2023-001. */
async function assertCaseNoFree(trx: Kysely<Database>, caseNo: string, exceptId?: string): Promise<void> {
  let q = trx
    .selectFrom('households')
    .select(['case_no', 'label'])
    .where('case_no_key', '=', caseNoKey(caseNo));
  if (exceptId) q = q.where('id', '!=', exceptId);
  const taken = await q.executeTakeFirst();
  if (!taken) return;
  throw new KasaneError(
    'DUPLICATE_CASE_NO',
    taken.case_no === caseNo
      ? `受付番号「${caseNo}」はすでに使われています。使っている世帯:「${taken.label}」。別の番号にしてください。`
      : `受付番号「${caseNo}」は、すでにある「${taken.case_no}」（${taken.label}）と同じ番号とみなされます（全角・半角、ハイフンの種類、大文字・小文字は区別しません）。別の番号にしてください。`,
  );
}

/** After a number leaves a group of round-1 look-alikes, the earliest household left holds it again. */
async function settleCaseNoGroup(trx: Kysely<Database>, key: string): Promise<void> {
  const group = await trx
    .selectFrom('households')
    .select(['id', 'case_no_duplicate'])
    .where('case_no_key', '=', key)
    .orderBy('created_at')
    .orderBy(sql`rowid`)
    .execute();
  const [first] = group;
  if (first && group.every((h) => h.case_no_duplicate === 1))
    await trx.updateTable('households').set({ case_no_duplicate: 0 }).where('id', '=', first.id).execute();
}

export interface HouseholdToInsert extends HouseholdInput {
  status?: 'received' | 'active' | 'closed';
  closedOn?: string | null;
  closeReason?: string | null;
}

/** Inserts a household with its 課題 and first timeline entry, inside the caller's transaction. */
export async function insertHousehold(
  trx: Kysely<Database>,
  userId: string | null,
  input: HouseholdToInsert,
  now: Date,
): Promise<string> {
  await assertCaseNoFree(trx, input.caseNo);
  await assertKnownIssues(trx, input.issues);
  await assertAgenciesRegistered(trx, [input.referralAgencyId], 'referralAgencyId');
  const id = randomUUID();
  const status = input.status ?? 'received';
  await trx
    .insertInto('households')
    .values({
      id,
      case_no: input.caseNo,
      case_no_key: caseNoKey(input.caseNo),
      received_on: input.receivedOn,
      label: input.label,
      referral_agency_id: input.referralAgencyId,
      status,
      closed_on: status === 'closed' ? (input.closedOn ?? null) : null,
      close_reason: status === 'closed' ? (input.closeReason ?? null) : null,
      note: input.note,
      sort_kana: '',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  if (input.issues.length)
    await trx
      .insertInto('household_issues')
      .values([...new Set(input.issues)].map((issue) => ({ household_id: id, issue })))
      .execute();
  // The ledger's 状態 as a history: 受付, then 支援開始 on the 受付日 (the ledger does not say when) and 終結.
  const history: { status: HouseholdStatus; on: string; reason: string | null }[] = [
    { status: 'received', on: input.receivedOn, reason: null },
  ];
  if (status === 'active') history.push({ status: 'active', on: input.receivedOn, reason: null });
  if (status === 'closed' && input.closedOn)
    history.push({ status: 'closed', on: input.closedOn, reason: input.closeReason ?? null });
  const today = officeDate(now);
  const problem = statusHistoryProblems(
    input.receivedOn,
    history.map((c, seq) => ({ ...c, seq })),
    today,
  )[0];
  if (problem) throw new KasaneError('STATUS_HISTORY_CONFLICT', problem.message, { field: 'receivedOn' });
  for (const change of history)
    await trx
      .insertInto('status_changes')
      .values({
        household_id: id,
        status: change.status,
        changed_on: change.on,
        reason: change.reason,
        user_id: userId,
        created_at: now.toISOString(),
        voided_at: null,
      })
      .execute();
  await writeStatusPeriods(trx, id);
  await reindexHousehold(trx, id);
  return id;
}

const w = (iso: string) => formatWareki(iso, { weekday: false });

/** Rule 15: a birth date lies between 1900-01-01 and today; the refusal names the member and the date. */
function assertBirthDate(label: string, birthDate: string | null, today: string, index: number): void {
  if (birthDate === null) return;
  const field = `members.${index}.birthDate`;
  if (birthDate > today)
    throw new KasaneError(
      'VALIDATION',
      `${label}の生年月日（${w(birthDate)}）が今日（${w(today)}）より後です。まだ来ていない日は生年月日にできません。`,
      { field },
    );
  if (birthDate < '1900-01-01')
    throw new KasaneError(
      'VALIDATION',
      `${label}の生年月日（${w(birthDate)}）が1900年（明治33年）1月1日より前です。生年月日を確かめてください。`,
      { field },
    );
}

type MemberRow = Selectable<MemberTable>;

/** What a member's 訂正 replaces, in the shape the detail shows it. */
function memberVersion(m: MemberRow) {
  return {
    label: m.label,
    name: m.name,
    kana: m.kana,
    relationship: m.relationship,
    birthDate: m.birth_date,
    sex: m.sex,
    isPrincipal: m.is_principal === 1,
    livesInHousehold: m.lives_in_household === 1,
    deceased: m.deceased === 1,
    deathDate: m.death_date,
    deathYear: m.death_year,
    isKeyPerson: m.is_key_person === 1,
  };
}

/** The next 記号 after every one this household ever used (voided included): a label is never reused. */
export function nextMemberLabel(used: Iterable<string>): string {
  let max = -1;
  for (const label of used) if (/^[A-Z]$/.test(label)) max = Math.max(max, label.charCodeAt(0) - 65);
  if (max >= 25) throw new KasaneError('MEMBER_LIMIT');
  return memberLabel(max + 1);
}

export interface MemberChange {
  /** Required when a registered member's facts change (rule 18: 訂正 with a reason). */
  reason?: string;
  userId: string | null;
  now: Date;
}

/**
 * Saves a household's members in the given order (rule 18). A registered member keeps its 記号 (the
 * office's labels, gaps included, are what 様式 and plans refer to); a new one gets `label` when the
 * ledger gave one, else the next unused letter. Changing a registered member is a 訂正 that needs a
 * reason and keeps the earlier version; leaving one out is refused: a member is removed by 取消.
 */
export async function replaceMembers(
  trx: Kysely<Database>,
  householdId: string,
  members: readonly (MemberInput & { label?: string })[],
  change: MemberChange,
): Promise<void> {
  if (members.filter((m) => m.isPrincipal).length > 1) throw new KasaneError('PRINCIPAL_TWICE');
  const today = officeDate(change.now);
  const all = await trx.selectFrom('members').selectAll().where('household_id', '=', householdId).execute();
  const active = all.filter((m) => m.voided_at === null);
  const sent = new Set(members.map((m) => m.id).filter(Boolean));
  const left = active.filter((m) => !sent.has(m.id));
  if (left[0])
    throw new KasaneError(
      'MEMBER_NOT_REMOVABLE',
      `登録済みの世帯員（${left[0].label}）は削除できません。間違って登録した世帯員は、世帯の詳細で「取消」（理由を記録）にしてください。`,
    );
  const used = new Set(all.map((m) => m.label));
  for (const [i, m] of members.entries()) {
    const before = m.id ? active.find((e) => e.id === m.id) : undefined;
    const label = before?.label ?? m.label ?? nextMemberLabel(used);
    used.add(label);
    assertBirthDate(label, m.birthDate, today, i);
    const row = {
      position: i,
      name: m.name,
      kana: m.kana,
      relationship: m.relationship,
      birth_date: m.birthDate,
      sex: m.sex,
      is_principal: m.isPrincipal ? 1 : 0,
      lives_in_household: m.livesInHousehold && !m.deceased ? 1 : 0,
      deceased: m.deceased ? 1 : 0,
      death_date: m.deceased ? m.death.date : null,
      death_year: m.deceased ? m.death.year : null,
      is_key_person: m.isKeyPerson ? 1 : 0,
    };
    if (!before) {
      await trx
        .insertInto('members')
        .values({ id: randomUUID(), household_id: householdId, label, voided_at: null, ...row })
        .execute();
      continue;
    }
    const old = memberVersion(before);
    const changed = (Object.keys(old) as (keyof typeof old)[]).some(
      (k) =>
        k !== 'label' && JSON.stringify(old[k]) !== JSON.stringify(memberVersion({ ...before, ...row })[k]),
    );
    if (changed) {
      const reason = (change.reason ?? '').trim();
      if (reason === '')
        throw new KasaneError(
          'VALIDATION',
          `登録済みの世帯員（${label}）を変えるときは、訂正の理由を入力してください。変更前の内容は履歴に残ります。`,
          { field: 'reason' },
        );
      await recordCorrection(
        trx,
        {
          householdId,
          targetType: 'member',
          targetId: before.id,
          action: 'correct',
          reason,
          before: old,
          userId: change.userId,
        },
        change.now,
      );
    }
    await trx.updateTable('members').set(row).where('id', '=', before.id).execute();
  }
  await refreshMemberIndex(trx, householdId);
}

/** The list's ふりがな order and the search row follow the members that count. */
async function refreshMemberIndex(trx: Kysely<Database>, householdId: string): Promise<void> {
  const members = await trx
    .selectFrom('members')
    .select(['kana', 'is_principal'])
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .orderBy('position')
    .execute();
  const principal = members.find((m) => m.is_principal === 1) ?? members[0];
  await trx
    .updateTable('households')
    .set({ sort_kana: foldForSearch(principal?.kana ?? '') })
    .where('id', '=', householdId)
    .execute();
  await reindexHousehold(trx, householdId);
}

/** 取消 of a member recorded by mistake: kept with its 記号 (never reused), no longer counted or shown in 様式. */
export async function voidMember(
  ctx: Context,
  input: ParsedInput<'households.voidMember'>,
): Promise<{ householdId: string }> {
  const reason = requireReason(input.reason, '取消');
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const member = await trx.selectFrom('members').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!member) throw new KasaneError('NOT_FOUND');
    if (member.voided_at) throw new KasaneError('RECORD_VOIDED', 'この世帯員はすでに取り消されています。');
    await trx
      .updateTable('members')
      .set({ voided_at: now.toISOString(), is_principal: 0, is_key_person: 0 })
      .where('id', '=', member.id)
      .execute();
    await refreshMemberIndex(trx, member.household_id);
    await recordCorrection(
      trx,
      {
        householdId: member.household_id,
        targetType: 'member',
        targetId: member.id,
        action: 'void',
        reason,
        before: memberVersion(member),
        userId: user.id,
      },
      now,
    );
    return { householdId: member.household_id };
  });
}

export async function createHousehold(
  ctx: Context,
  input: ParsedInput<'households.create'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    const id = await insertHousehold(trx, user.id, input, now);
    await audit({ kind: 'household.created', target: { type: 'household', id } });
    return { id };
  });
}

export async function updateHousehold(
  ctx: Context,
  { id, household: input }: ParsedInput<'households.update'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const before = await trx.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new KasaneError('NOT_FOUND');
    await assertCaseNoFree(trx, input.caseNo, id);
    await moveReceivedOn(trx, id, input.receivedOn, now);
    const current = await trx
      .selectFrom('household_issues')
      .select('issue')
      .where('household_id', '=', id)
      .execute();
    await assertKnownIssues(
      trx,
      input.issues,
      current.map((c) => c.issue),
    );
    await assertAgenciesRegistered(trx, [input.referralAgencyId], 'referralAgencyId');
    await trx
      .updateTable('households')
      .set({
        case_no: input.caseNo,
        case_no_key: caseNoKey(input.caseNo),
        case_no_duplicate: 0,
        received_on: input.receivedOn,
        label: input.label,
        referral_agency_id: input.referralAgencyId,
        note: input.note,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    // The periods start on the 受付日 (moveReceivedOn moved the history's first entry with it).
    await writeStatusPeriods(trx, id);
    if (before.case_no_key !== caseNoKey(input.caseNo)) await settleCaseNoGroup(trx, before.case_no_key);
    await trx.deleteFrom('household_issues').where('household_id', '=', id).execute();
    if (input.issues.length)
      await trx
        .insertInto('household_issues')
        .values([...new Set(input.issues)].map((issue) => ({ household_id: id, issue })))
        .execute();
    await reindexHousehold(trx, id);
    await audit({ kind: 'household.updated', target: { type: 'household', id } });
    return { id };
  });
}

export async function saveMembers(
  ctx: Context,
  { householdId, members, reason }: ParsedInput<'households.saveMembers'>,
): Promise<Member[]> {
  await ctx.transaction(async ({ db: trx, now, audit }) => {
    if (!(await trx.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst()))
      throw new KasaneError('NOT_FOUND');
    await replaceMembers(trx, householdId, members, { reason, userId: ctx.user.id, now });
    await trx
      .updateTable('households')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', householdId)
      .execute();
    await audit({
      kind: 'members.saved',
      target: { type: 'household', id: householdId },
      detail: { count: members.length },
    });
  });
  return listMembers(ctx.db, householdId);
}

/** The members that count (not voided), in their order: what every screen, 様式 and drawing shows. */
export async function listMembers(db: Kysely<Database>, householdId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .orderBy('position')
    .execute();
  return rows.map(toMember);
}

/** The household detail's members: each with its 訂正 history, and the voided ones kept apart. */
async function membersWithHistory(db: Kysely<Database>, householdId: string) {
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('position')
    .execute();
  const corrections = await correctionsOf(
    db,
    'member',
    rows.map((r) => r.id),
    memberVersionSchema,
  );
  const withHistory = (r: MemberRow) => ({ ...toMember(r), corrections: corrections.get(r.id) ?? [] });
  return {
    members: rows.filter((r) => r.voided_at === null).map(withHistory),
    voidedMembers: rows
      .filter((r) => r.voided_at !== null)
      .map((r) => ({
        ...withHistory(r),
        voided: {
          at: r.voided_at ?? '',
          reason: corrections.get(r.id)?.findLast((c) => c.action === 'void')?.reason ?? '',
        },
      })),
  };
}

function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    label: r.label,
    name: r.name,
    kana: r.kana,
    relationship: r.relationship,
    birthDate: r.birth_date,
    sex: r.sex,
    isPrincipal: r.is_principal === 1,
    livesInHousehold: r.lives_in_household === 1,
    deceased: r.deceased === 1,
    deathDate: r.death_date,
    deathYear: r.death_year,
    isKeyPerson: r.is_key_person === 1,
  };
}

export async function getHousehold(
  ctx: Context,
  { id }: ParsedInput<'households.get'>,
): Promise<HouseholdDetail> {
  const { db, today } = ctx;
  const row = await detailRow(db, id);
  if (!row) throw new KasaneError('NOT_FOUND');
  const [{ members, voidedMembers }, consents, history, notes] = await Promise.all([
    membersWithHistory(db, id),
    consentHistory(db, id),
    statusHistory(db, id),
    db
      .selectFrom('progress_notes')
      .select(['noted_on', 'content'])
      .where('household_id', '=', id)
      .where('voided_at', 'is', null)
      .execute(),
  ]);
  const counted = consents.filter((c) => c.voided === null);
  const changes = history.filter((c) => c.voided === null);
  const timeline: HouseholdDetail['timeline'] = [
    ...changes.map((c) => ({
      on: c.on,
      kind: (c.action === 'received' ? 'received' : 'status') as 'received' | 'status',
      text:
        c.action === 'close'
          ? `終結${c.closeReason ? `（${c.closeReason}）` : ''}`
          : statusActionLabels[c.action],
    })),
    ...counted.map((c) => ({
      on: c.obtainedOn,
      kind: 'consentGranted' as const,
      text: `本人同意を取得（${methodLabels[c.method]}）— 重層的支援会議の対象になりました`,
    })),
    ...counted
      .filter((c) => c.withdrawnOn)
      .map((c) => ({
        on: c.withdrawnOn ?? '',
        kind: 'consentWithdrawn' as const,
        text: '本人同意を撤回 — 支援会議の対象に戻りました',
      })),
    ...notes.map((n) => ({ on: n.noted_on, kind: 'progressNote' as const, text: n.content.slice(0, 60) })),
  ].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  await ctx.audit({ kind: 'household.viewed', target: { type: 'household', id } });
  const summary = toSummary(row, today);
  const closing = summary.status === 'closed' ? changes.findLast((c) => c.status === 'closed') : undefined;
  return {
    ...summary,
    track: summary.consent === 'granted' ? 'consented' : 'unconsented',
    referralAgencyId: row.referral_agency_id,
    note: row.note,
    closedOn: closing?.on ?? null,
    closeReason: closing?.closeReason ?? null,
    members,
    voidedMembers,
    consents,
    statusHistory: history,
    statusProblems: statusHistoryProblems(
      row.received_on,
      changes.map((c) => ({ seq: c.id, status: c.status, on: c.on })),
      today,
    ).map((p) => p.message),
    timeline,
  };
}

/** 受付番号 as head + digits (R6-012 → "R6-", "012"); null when it does not end in a number. */
function series(caseNo: string): { head: string; digits: string } | null {
  const match = caseNo.match(/^(.*?)(\d+)$/);
  return match ? { head: match[1] ?? '', digits: match[2] ?? '' } : null;
}

/** The 年度 markers an office writes in its numbers: 2026, R8, 令和8. */
function fiscalYearMarkers(fy: number): string[] {
  return [String(fy), shortFiscalYearLabel(fy), fiscalYearLabel(fy).replace(/年度$/, '')];
}

/**
 * 「次の番号」: the series of the current 年度 — the one the latest household received this 年度 was
 * numbered in (R8-009 → R8-010) — never the newest imported past record. In a 年度 with nothing yet,
 * the latest series moves to this 年度 (C2025-017 → C2026-001, R7-045 → R8-001), else R{年度}-001.
 * A suggestion is always free after normalisation.
 */
export async function suggestCaseNo(ctx: Pick<Context, 'db' | 'today'>): Promise<{ caseNo: string }> {
  const { db, today } = ctx;
  const fy = fiscalYearOf(today);
  const { start, end } = fiscalYearRange(fy);
  const all = await db
    .selectFrom('households')
    .select(['case_no', 'case_no_key', 'received_on'])
    .orderBy('created_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .execute();
  const taken = new Set(all.map((h) => h.case_no_key));
  const thisYear = all.filter((h) => h.received_on >= start && h.received_on <= end);
  let head = `${shortFiscalYearLabel(fy)}-`;
  let width = 3;
  let next = 1;
  const current = thisYear.map((h) => series(h.case_no)).find((p) => p !== null);
  if (current) {
    head = current.head;
    width = current.digits.length;
    const numbers = all.flatMap((h) => {
      const p = series(h.case_no);
      return p && p.head === head ? [Number(p.digits)] : [];
    });
    next = Math.max(0, ...numbers) + 1;
  } else {
    const latest = all.toSorted((a, b) => (a.received_on < b.received_on ? 1 : -1))[0];
    const p = latest && series(latest.case_no);
    const theirs = latest ? fiscalYearMarkers(fiscalYearOf(latest.received_on)) : [];
    const marker = p ? theirs.findIndex((m) => p.head.includes(m)) : -1;
    if (p && marker >= 0) {
      head = p.head.replace(theirs[marker] ?? '', fiscalYearMarkers(fy)[marker] ?? '');
      width = p.digits.length;
    }
  }
  let suggestion = `${head}${String(next).padStart(width, '0')}`;
  while (taken.has(caseNoKey(suggestion))) suggestion = `${head}${String(++next).padStart(width, '0')}`;
  return { caseNo: suggestion };
}
