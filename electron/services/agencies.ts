import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ParsedInput } from '../ipc/contract.js';
import type { Agency } from '../ipc/schemas/agencies.js';
import type { Context } from './context.js';
import { KasaneError } from './errors.js';

/** 関係機関マスタ. An agency that any record points at can be retired, never deleted. */

const inUse = sql<number>`(EXISTS (SELECT 1 FROM households WHERE referral_agency_id = agencies.id)
  OR EXISTS (SELECT 1 FROM consent_agencies WHERE agency_id = agencies.id)
  OR EXISTS (SELECT 1 FROM progress_notes WHERE agency_id = agencies.id))`;

/**
 * Refuses, before anything is written, an id that names no registered agency (a stale screen, a
 * hand-made request): NOT_FOUND on the field, never a constraint failure reported as INTERNAL.
 */
export async function assertAgenciesRegistered(
  db: Kysely<Database>,
  ids: readonly (string | null | undefined)[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = await db.selectFrom('agencies').select('id').where('id', 'in', wanted).execute();
  if (found.length < wanted.length)
    throw new KasaneError(
      'NOT_FOUND',
      '指定された機関が登録されていません。機関の一覧から選び直してください。',
      {
        field,
      },
    );
}

export async function listAgencies(
  ctx: Pick<Context, 'db'>,
  input: { includeRetired?: boolean } = {},
): Promise<Agency[]> {
  let q = ctx.db.selectFrom('agencies').selectAll().select(inUse.as('in_use'));
  if (!input.includeRetired) q = q.where('retired_at', 'is', null);
  const rows = await q.orderBy('field').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    field: r.field as Agency['field'],
    name: r.name,
    department: r.department,
    phone: r.phone,
    email: r.email,
    address: r.address,
    contactPerson: r.contact_person,
    retired: r.retired_at !== null,
    inUse: r.in_use === 1,
  }));
}

/** Finds an agency by 機関名 or adds it (the import and 出席者 name agencies by text). */
export async function findOrAddAgency(
  trx: Kysely<Database>,
  name: string,
  field: string,
  now: Date,
): Promise<{ id: string; added: boolean }> {
  const existing = await trx
    .selectFrom('agencies')
    .select('id')
    .where('name', '=', name)
    .orderBy('department')
    .limit(1)
    .executeTakeFirst();
  if (existing) return { id: existing.id, added: false };
  const id = randomUUID();
  await trx
    .insertInto('agencies')
    .values({
      id,
      field,
      name,
      department: '',
      phone: '',
      email: '',
      address: '',
      contact_person: '',
      retired_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return { id, added: true };
}

export async function saveAgency(ctx: Context, input: ParsedInput<'agencies.save'>): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    const trx = tx.db;
    const clash = await trx
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', input.name)
      .where('department', '=', input.department)
      .$if(Boolean(input.id), (q) => q.where('id', '!=', input.id ?? ''))
      .executeTakeFirst();
    if (clash) throw new KasaneError('DUPLICATE_AGENCY', undefined, { field: 'name' });
    const values = {
      field: input.field,
      name: input.name,
      department: input.department,
      phone: input.phone,
      email: input.email,
      address: input.address,
      contact_person: input.contactPerson,
    };
    let id = input.id;
    if (id) {
      const result = await trx.updateTable('agencies').set(values).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    } else {
      id = randomUUID();
      await trx
        .insertInto('agencies')
        .values({ id, ...values, retired_at: null, created_at: tx.now.toISOString() })
        .execute();
    }
    await tx.audit({ kind: 'agency.saved', target: { type: 'agency', id } });
    return { id };
  });
}

export async function setAgencyRetired(
  ctx: Context,
  { id, retired }: ParsedInput<'agencies.setRetired'>,
): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    const result = await tx.db
      .updateTable('agencies')
      .set({ retired_at: retired ? tx.now.toISOString() : null })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    await tx.audit({ kind: 'agency.retired', target: { type: 'agency', id }, detail: { retired } });
    return { id };
  });
}

export async function deleteAgency(
  ctx: Context,
  { id }: ParsedInput<'agencies.delete'>,
): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    const trx = tx.db;
    const row = await trx
      .selectFrom('agencies')
      .select(inUse.as('in_use'))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new KasaneError('NOT_FOUND');
    if (row.in_use === 1) throw new KasaneError('AGENCY_IN_USE');
    await trx.deleteFrom('agencies').where('id', '=', id).execute();
    await tx.audit({ kind: 'agency.deleted', target: { type: 'agency', id } });
    return { id };
  });
}
