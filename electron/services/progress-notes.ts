import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ProgressNote } from '../ipc/schemas/households.js';
import { appendAuditEvent } from './audit.js';
import { KasaneError } from './errors.js';

/** 支援経過: dated notes per household. An edit keeps the replaced text as a revision. */

export interface ProgressNoteInput {
  id?: string;
  householdId: string;
  notedOn: string;
  agencyId: string | null;
  staff: string;
  content: string;
  nextPlan: string;
}

export async function listProgressNotes(db: Kysely<Database>, householdId: string): Promise<ProgressNote[]> {
  const rows = await db
    .selectFrom('progress_notes as p')
    .leftJoin('agencies as a', 'a.id', 'p.agency_id')
    .selectAll('p')
    .select('a.name as agency_name')
    .where('p.household_id', '=', householdId)
    .orderBy('p.noted_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
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
  }));
}

export async function saveProgressNote(
  db: Kysely<Database>,
  userId: string,
  input: ProgressNoteInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const household = await trx
      .selectFrom('households')
      .select('id')
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!household) throw new KasaneError('NOT_FOUND');
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
      await appendAuditEvent(
        trx,
        {
          userId,
          kind: 'progressNote.added',
          target: { type: 'household', id: input.householdId },
          detail: { noteId: id },
        },
        now,
      );
      return { id };
    }
    const before = await trx
      .selectFrom('progress_notes')
      .selectAll()
      .where('id', '=', input.id)
      .where('household_id', '=', input.householdId)
      .executeTakeFirst();
    if (!before) throw new KasaneError('NOT_FOUND');
    await trx
      .insertInto('progress_note_revisions')
      .values({
        note_id: before.id,
        revision: before.revision,
        noted_on: before.noted_on,
        agency_id: before.agency_id,
        staff: before.staff,
        content: before.content,
        next_plan: before.next_plan,
        replaced_at: now.toISOString(),
        user_id: userId,
      })
      .execute();
    await trx
      .updateTable('progress_notes')
      .set({ ...values, revision: before.revision + 1 })
      .where('id', '=', before.id)
      .execute();
    await appendAuditEvent(
      trx,
      {
        userId,
        kind: 'progressNote.updated',
        target: { type: 'household', id: input.householdId },
        detail: { noteId: before.id, revision: before.revision + 1 },
      },
      now,
    );
    return { id: before.id };
  });
}

export async function progressNoteHistory(
  db: Kysely<Database>,
  noteId: string,
): Promise<
  {
    revision: number;
    notedOn: string;
    staff: string;
    content: string;
    nextPlan: string;
    replacedAt: string;
  }[]
> {
  const rows = await db
    .selectFrom('progress_note_revisions')
    .selectAll()
    .where('note_id', '=', noteId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    notedOn: r.noted_on,
    staff: r.staff,
    content: r.content,
    nextPlan: r.next_plan,
    replacedAt: r.replaced_at,
  }));
}
