import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ProgressNoteTable } from '../../db/schema.js';
import { foldForSearch, noteSearchText, searchTextSeparator } from '../../db/search-fold.js';
import { type ContactMeans, contactMeansSchema } from '../domain/progress-note.js';
import type { ParsedInput } from '../ipc/contract.js';
import {
  type ProgressNote,
  type ProgressNoteCorrection,
  progressNoteVersionSchema,
} from '../ipc/schemas/households.js';
import { assertAgenciesRegistered } from './agencies.js';
import type { Context } from './context.js';
import { correctionsOf, recordCorrection, requireReason } from './corrections.js';
import { KasaneError } from './errors.js';

/**
 * 支援経過: dated notes per household. A 訂正 keeps the replaced text with its reason; a 取消 keeps the
 * entry (shown struck through) and it no longer counts (rule 18).
 */
export interface ProgressNoteInput {
  id?: string | undefined;
  householdId: string;
  notedOn: string;
  agencyId: string | null;
  staff: string;
  means?: ContactMeans | null | undefined;
  timeFrom?: string | null | undefined;
  timeTo?: string | null | undefined;
  memberIds?: readonly string[] | undefined;
  content: string;
  nextPlan: string;
  nextOn?: string | null | undefined;
  /** Required for a 訂正 (when `id` is given). */
  reason?: string | undefined;
}

/** The members each note concerns, by label in the household's order. */
async function membersOf(db: Kysely<Database>, noteIds: readonly string[]) {
  if (noteIds.length === 0) return new Map<string, { id: string; label: string }[]>();
  const rows = await db
    .selectFrom('progress_note_members as nm')
    .innerJoin('members as m', 'm.id', 'nm.member_id')
    .select(['nm.note_id', 'm.id', 'm.label'])
    .where('nm.note_id', 'in', [...noteIds])
    .orderBy('m.position')
    .execute();
  return Map.groupBy(rows, (r) => r.note_id);
}

export async function listProgressNotes(
  ctx: Pick<Context, 'db'>,
  { householdId }: ParsedInput<'progressNotes.list'>,
): Promise<ProgressNote[]> {
  const { db } = ctx;
  const rows = await db
    .selectFrom('progress_notes as p')
    .leftJoin('agencies as a', 'a.id', 'p.agency_id')
    .selectAll('p')
    .select('a.name as agency_name')
    .where('p.household_id', '=', householdId)
    .orderBy('p.noted_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
  const corrections = await correctionsOf(
    db,
    'progressNote',
    rows.filter((r) => r.voided_at).map((r) => r.id),
    progressNoteVersionSchema,
  );
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    notedOn: r.noted_on,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    staff: r.staff,
    means: meansOf(r.means),
    timeFrom: r.time_from,
    timeTo: r.time_to,
    members: (members.get(r.id) ?? []).map(({ id, label }) => ({ id, label })),
    content: r.content,
    nextPlan: r.next_plan,
    nextOn: r.next_on,
    revision: r.revision,
    updatedAt: r.updated_at,
    voided: r.voided_at
      ? { at: r.voided_at, reason: corrections.get(r.id)?.findLast((c) => c.action === 'void')?.reason ?? '' }
      : null,
  }));
}

const meansOf = (value: string | null): ContactMeans | null =>
  contactMeansSchema.nullable().catch(null).parse(value);

const snapshot = async (trx: Kysely<Database>, n: Selectable<ProgressNoteTable>) => ({
  notedOn: n.noted_on,
  agencyId: n.agency_id,
  staff: n.staff,
  means: meansOf(n.means),
  timeFrom: n.time_from,
  timeTo: n.time_to,
  memberIds: (await membersOf(trx, [n.id])).get(n.id)?.map((m) => m.id) ?? [],
  content: n.content,
  nextPlan: n.next_plan,
  nextOn: n.next_on,
});

/** The members concerned must be the household's; the note's list and its search text follow the note. */
async function writeNoteDetails(trx: Kysely<Database>, noteId: string, input: ProgressNoteInput) {
  const memberIds = [...new Set(input.memberIds ?? [])];
  if (memberIds.length > 0) {
    const known = await trx
      .selectFrom('members')
      .select('id')
      .where('household_id', '=', input.householdId)
      .where('id', 'in', memberIds)
      .execute();
    if (known.length !== memberIds.length)
      throw new KasaneError('VALIDATION', '対象の世帯員に、この世帯の世帯員でない人が含まれています。', {
        field: 'memberIds',
      });
  }
  await trx.deleteFrom('progress_note_members').where('note_id', '=', noteId).execute();
  if (memberIds.length > 0)
    await trx
      .insertInto('progress_note_members')
      .values(memberIds.map((member_id) => ({ note_id: noteId, member_id })))
      .execute();
  const text = noteSearchText(input.content, input.nextPlan);
  await trx
    .insertInto('progress_note_search_terms')
    .values({ note_id: noteId, text })
    .onConflict((oc) => oc.column('note_id').doUpdateSet({ text }))
    .execute();
}

async function activeNote(trx: Kysely<Database>, id: string, householdId?: string) {
  let q = trx.selectFrom('progress_notes').selectAll().where('id', '=', id);
  if (householdId) q = q.where('household_id', '=', householdId);
  const note = await q.executeTakeFirst();
  if (!note) throw new KasaneError('NOT_FOUND');
  if (note.voided_at)
    throw new KasaneError('RECORD_VOIDED', 'この支援経過は取り消されています。取り消した記録は直せません。');
  return note;
}

export async function saveProgressNote(
  ctx: Context,
  input: ParsedInput<'progressNotes.save'>,
): Promise<{ id: string }> {
  return ctx.transaction(async ({ db: trx, now, user, audit }) => {
    const household = await trx
      .selectFrom('households')
      .select('id')
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!household) throw new KasaneError('NOT_FOUND');
    await assertAgenciesRegistered(trx, [input.agencyId], 'agencyId');
    const values = {
      noted_on: input.notedOn,
      agency_id: input.agencyId,
      staff: input.staff,
      means: input.means ?? null,
      time_from: input.timeFrom ?? null,
      time_to: input.timeTo ?? null,
      content: input.content,
      next_plan: input.nextPlan,
      next_on: input.nextOn ?? null,
      updated_at: now.toISOString(),
    };
    if (!input.id) {
      const id = randomUUID();
      await trx
        .insertInto('progress_notes')
        .values({
          id,
          household_id: input.householdId,
          ...values,
          revision: 1,
          created_at: now.toISOString(),
        })
        .execute();
      await writeNoteDetails(trx, id, input);
      await audit({
        kind: 'progressNote.added',
        target: { type: 'household', id: input.householdId },
        detail: { noteId: id },
      });
      return { id };
    }
    const reason = requireReason(input.reason ?? '', '訂正');
    const before = await activeNote(trx, input.id, input.householdId);
    const beforeVersion = await snapshot(trx, before);
    await trx
      .updateTable('progress_notes')
      .set({ ...values, revision: before.revision + 1 })
      .where('id', '=', before.id)
      .execute();
    await writeNoteDetails(trx, before.id, input);
    await recordCorrection(
      trx,
      {
        householdId: input.householdId,
        targetType: 'progressNote',
        targetId: before.id,
        action: 'correct',
        reason,
        before: beforeVersion,
        userId: user.id,
      },
      now,
    );
    return { id: before.id };
  });
}

/** 取消: the entry stays in the list, marked, with its reason; it leaves the timeline. */
export async function voidProgressNote(
  ctx: Context,
  input: ParsedInput<'progressNotes.void'>,
): Promise<{ id: string }> {
  const reason = requireReason(input.reason, '取消');
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const note = await activeNote(trx, input.id);
    await trx
      .updateTable('progress_notes')
      .set({ voided_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', note.id)
      .execute();
    await recordCorrection(
      trx,
      {
        householdId: note.household_id,
        targetType: 'progressNote',
        targetId: note.id,
        action: 'void',
        reason,
        before: await snapshot(trx, note),
        userId: user.id,
      },
      now,
    );
    return { id: note.id };
  });
}

/** Every 訂正 and 取消 of an entry, newest first, with the version each replaced. */
export async function progressNoteHistory(
  ctx: Pick<Context, 'db'>,
  { noteId }: ParsedInput<'progressNotes.history'>,
): Promise<ProgressNoteCorrection[]> {
  return (
    (await correctionsOf(ctx.db, 'progressNote', [noteId], progressNoteVersionSchema)).get(noteId) ?? []
  ).reverse();
}

/**
 * 支援経過の検索: entries (not voided) whose content or 次の予定 contain the query, folded as household
 * search folds (rule 16). Three characters or more go through the trigram index; shorter ones scan
 * the folded text. Within one household or across all, newest first.
 */
export async function searchProgressNotes(
  ctx: { db: Kysely<Database> },
  input: ParsedInput<'progressNotes.search'>,
) {
  const key = foldForSearch(input.query).replaceAll(searchTextSeparator, '');
  if (key === '') return [];
  // FTS5's query syntax ends a string at U+0000 ("unterminated string"): such a key scans instead.
  const matching =
    [...key].length >= 3 && !key.includes('\u0000')
      ? sql<string>`(SELECT note_id FROM progress_note_search_terms WHERE rowid IN
          (SELECT rowid FROM progress_note_search WHERE progress_note_search MATCH ${`"${key.replaceAll('"', '""')}"`}))`
      : sql<string>`(SELECT note_id FROM progress_note_search_terms WHERE instr(text, ${key}) > 0)`;
  let q = ctx.db
    .selectFrom('progress_notes as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.household_id', 'h.case_no', 'h.label', 'p.noted_on', 'p.content', 'p.next_plan'])
    .where('p.id', 'in', matching)
    .where('p.voided_at', 'is', null);
  if (input.householdId) q = q.where('p.household_id', '=', input.householdId);
  const rows = await q
    .orderBy('p.noted_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({
    noteId: r.id,
    householdId: r.household_id,
    caseNo: r.case_no,
    householdLabel: r.label,
    notedOn: r.noted_on,
    content: r.content,
    nextPlan: r.next_plan,
  }));
}
