import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ConsentRecord } from '../ipc/schemas/households.js';
import { appendAuditEvent } from './audit.js';
import { KasaneError } from './errors.js';

/** 本人同意 records (rule 1); whether one is valid on a day is decided in `electron/domain/consent.ts`. */

export async function listConsents(db: Kysely<Database>, householdId: string): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('obtained_on')
    .orderBy('created_at')
    .execute();
  const scope = rows.length
    ? await db
        .selectFrom('consent_agencies')
        .selectAll()
        .where(
          'consent_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('agency_id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    obtainedOn: r.obtained_on,
    method: r.method,
    obtainedBy: r.obtained_by,
    allAgencies: r.all_agencies === 1,
    agencyIds: scope.filter((s) => s.consent_id === r.id).map((s) => s.agency_id),
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
  }));
}

export interface ConsentToAdd {
  householdId: string;
  obtainedOn: string;
  method: 'written' | 'oral';
  obtainedBy: string;
  allAgencies: boolean;
  agencyIds: string[];
}

/** Inserts a consent record inside the caller's transaction (the UI and the import share it). */
export async function insertConsent(trx: Kysely<Database>, input: ConsentToAdd, now: Date): Promise<string> {
  if (!input.allAgencies && input.agencyIds.length === 0) {
    throw new KasaneError(
      'VALIDATION',
      '同意の範囲（情報を共有してよい機関）を選ぶか、「出席する全機関」を選んでください。',
    );
  }
  const id = randomUUID();
  await trx
    .insertInto('consents')
    .values({
      id,
      household_id: input.householdId,
      obtained_on: input.obtainedOn,
      method: input.method,
      obtained_by: input.obtainedBy,
      all_agencies: input.allAgencies ? 1 : 0,
      withdrawn_on: null,
      withdraw_reason: null,
      created_at: now.toISOString(),
    })
    .execute();
  const agencyIds = input.allAgencies ? [] : [...new Set(input.agencyIds)];
  if (agencyIds.length)
    await trx
      .insertInto('consent_agencies')
      .values(agencyIds.map((agency_id) => ({ consent_id: id, agency_id })))
      .execute();
  return id;
}

export async function addConsent(
  db: Kysely<Database>,
  userId: string,
  input: ConsentToAdd,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const household = await trx
      .selectFrom('households')
      .select('received_on')
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!household) throw new KasaneError('NOT_FOUND');
    const id = await insertConsent(trx, input, now);
    await appendAuditEvent(
      trx,
      {
        userId,
        kind: 'consent.added',
        target: { type: 'household', id: input.householdId },
        detail: { consentId: id },
      },
      now,
    );
  });
}

export async function withdrawConsent(
  db: Kysely<Database>,
  userId: string,
  input: { consentId: string; withdrawnOn: string; reason: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const consent = await trx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', input.consentId)
      .executeTakeFirst();
    if (!consent) throw new KasaneError('NOT_FOUND');
    if (consent.withdrawn_on !== null)
      throw new KasaneError('VALIDATION', 'この同意はすでに撤回されています。');
    if (input.withdrawnOn < consent.obtained_on)
      throw new KasaneError('VALIDATION', '撤回日は同意の取得日より後の日付にしてください。');
    await trx
      .updateTable('consents')
      .set({ withdrawn_on: input.withdrawnOn, withdraw_reason: input.reason })
      .where('id', '=', consent.id)
      .execute();
    await appendAuditEvent(
      trx,
      {
        userId,
        kind: 'consent.withdrawn',
        target: { type: 'household', id: consent.household_id },
        detail: { consentId: consent.id },
      },
      now,
    );
  });
}
