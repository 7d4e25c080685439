import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProgressNoteTable } from '../../db/schema.js';
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
  return rows.map((r) => ({
    id: r.id,
    notedOn: r.noted_on,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    staff: r.staff,
    content: r.content,
    nextPlan: r.next_plan,
    revision: r.revision,
    updatedAt: r.updated_at,
    voided: r.voided_at
      ? { at: r.voided_at, reason: corrections.get(r.id)?.findLast((c) => c.action === 'void')?.reason ?? '' }
      : null,
  }));
}

const snapshot = (n: Selectable<ProgressNoteTable>) => ({
  notedOn: n.noted_on,
  agencyId: n.agency_id,
  staff: n.staff,
  content: n.content,
  nextPlan: n.next_plan,
});

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
      content: input.content,
      next_plan: input.nextPlan,
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
      await audit({
        kind: 'progressNote.added',
        target: { type: 'household', id: input.householdId },
        detail: { noteId: id },
      });
      return { id };
    }
    const reason = requireReason(input.reason ?? '', '訂正');
    const before = await activeNote(trx, input.id, input.householdId);
    await trx
      .updateTable('progress_notes')
      .set({ ...values, revision: before.revision + 1 })
      .where('id', '=', before.id)
      .execute();
    await recordCorrection(
      trx,
      {
        householdId: input.householdId,
        targetType: 'progressNote',
        targetId: before.id,
        action: 'correct',
        reason,
        before: snapshot(before),
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
        before: snapshot(note),
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
