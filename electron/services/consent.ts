import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ConsentTable, Database } from '../../db/schema.js';
import type { ConsentMethod } from '../domain/consent.js';
import { formatWareki } from '../domain/dates.js';
import { officeDate } from '../domain/office-day.js';
import type { ParsedInput } from '../ipc/contract.js';
import { type ConsentHistory, type ConsentRecord, consentVersionSchema } from '../ipc/schemas/households.js';
import { assertAgenciesRegistered } from './agencies.js';
import type { Context } from './context.js';
import { correctionsOf, recordCorrection, requireReason } from './corrections.js';
import { KasaneError } from './errors.js';
import { consentedMeetingRefusal } from './meeting-rules.js';
import { getOfficeSettings } from './office-settings.js';

/** 本人同意 records (rule 1); whether one is valid on a day is decided in `electron/domain/consent.ts`. */

type ConsentRow = Selectable<ConsentTable>;

async function scopesOf(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('consent_agencies')
    .selectAll()
    .where('consent_id', 'in', [...ids])
    .orderBy('agency_id')
    .execute();
}

function toRecord(r: ConsentRow, scope: readonly { consent_id: string; agency_id: string }[]): ConsentRecord {
  return {
    id: r.id,
    obtainedOn: r.obtained_on,
    method: r.method,
    obtainedBy: r.obtained_by,
    allAgencies: r.all_agencies === 1,
    agencyIds: scope.filter((s) => s.consent_id === r.id).map((s) => s.agency_id),
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
  };
}

const version = ({ id: _id, ...facts }: ConsentRecord) => facts;

/** The records that count (not voided), oldest first: every rule asks these. */
export async function listConsents(db: Kysely<Database>, householdId: string): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .orderBy('obtained_on')
    .orderBy('created_at')
    .execute();
  const scope = await scopesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, scope));
}

/** Every record, voided ones included, each with its 取消 and 訂正: what the household detail shows. */
export async function consentHistory(db: Kysely<Database>, householdId: string): Promise<ConsentHistory[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('obtained_on')
    .orderBy('created_at')
    .execute();
  const ids = rows.map((r) => r.id);
  const [scope, corrections] = await Promise.all([
    scopesOf(db, ids),
    correctionsOf(db, 'consent', ids, consentVersionSchema),
  ]);
  return rows.map((r) => {
    const history = corrections.get(r.id) ?? [];
    return {
      ...toRecord(r, scope),
      voided: r.voided_at
        ? { at: r.voided_at, reason: history.findLast((c) => c.action === 'void')?.reason ?? '' }
        : null,
      corrections: history,
      writtenOn: r.written_on,
    };
  });
}

/** The contract's consent input, whose 方法 may also be 不明 when the import writes it. */
type ConsentToAdd = Omit<ParsedInput<'consents.add'>, 'method'> & { method: ConsentMethod };

const w = (iso: string) => formatWareki(iso, { weekday: false });

/** Rule 18: 取得日 and 撤回日 cannot lie in the future; 撤回日 is not before the 取得日. */
function assertConsentDates(obtainedOn: string, withdrawnOn: string | null, today: string): void {
  if (obtainedOn > today)
    throw new KasaneError(
      'VALIDATION',
      `取得日（${w(obtainedOn)}）が今日（${w(today)}）より後です。まだ来ていない日付では記録できません。`,
      { field: 'obtainedOn' },
    );
  if (withdrawnOn !== null && withdrawnOn > today)
    throw new KasaneError(
      'VALIDATION',
      `撤回日（${w(withdrawnOn)}）が今日（${w(today)}）より後です。まだ来ていない日付では記録できません。`,
      { field: 'withdrawnOn' },
    );
  if (withdrawnOn !== null && withdrawnOn < obtainedOn)
    throw new KasaneError(
      'VALIDATION',
      `撤回日（${w(withdrawnOn)}）が取得日（${w(obtainedOn)}）より前です。取得日以降の日付にしてください。`,
      { field: 'withdrawnOn' },
    );
}

function assertScope(input: { allAgencies: boolean; agencyIds: readonly string[] }): void {
  if (!input.allAgencies && input.agencyIds.length === 0) {
    throw new KasaneError(
      'VALIDATION',
      '同意の範囲（情報を共有してよい機関）を選ぶか、「出席する全機関」を選んでください。',
      { field: 'agencyIds' },
    );
  }
}

async function writeScope(trx: Kysely<Database>, consentId: string, input: ConsentToAdd): Promise<void> {
  await trx.deleteFrom('consent_agencies').where('consent_id', '=', consentId).execute();
  const agencyIds = input.allAgencies ? [] : [...new Set(input.agencyIds)];
  await assertAgenciesRegistered(trx, agencyIds, 'agencyIds');
  if (agencyIds.length)
    await trx
      .insertInto('consent_agencies')
      .values(agencyIds.map((agency_id) => ({ consent_id: consentId, agency_id })))
      .execute();
}

/** Inserts a consent record inside the caller's transaction (the UI and the import share it). */
export async function insertConsent(trx: Kysely<Database>, input: ConsentToAdd, now: Date): Promise<string> {
  assertScope(input);
  assertConsentDates(input.obtainedOn, null, officeDate(now));
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
      voided_at: null,
    })
    .execute();
  await writeScope(trx, id, input);
  return id;
}

export async function addConsent(
  ctx: Context,
  input: ParsedInput<'consents.add'>,
): Promise<{ householdId: string }> {
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const household = await trx
      .selectFrom('households')
      .select('received_on')
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    if (!household) throw new KasaneError('NOT_FOUND');
    const id = await insertConsent(trx, input, now);
    await audit({
      kind: 'consent.added',
      target: { type: 'household', id: input.householdId },
      detail: { consentId: id },
    });
    return { householdId: input.householdId };
  });
}

async function activeConsent(
  trx: Kysely<Database>,
  id: string,
): Promise<ConsentRecord & { householdId: string }> {
  const row = await trx.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new KasaneError('NOT_FOUND');
  if (row.voided_at)
    throw new KasaneError(
      'RECORD_VOIDED',
      'この同意の記録は取り消されています。取り消した記録は直せません。',
    );
  return { ...toRecord(row, await scopesOf(trx, [id])), householdId: row.household_id };
}

/**
 * Rule 2 after a correction: every 重層的支援会議 already held still needs a consent valid on its day.
 * A 取消 or 訂正 that would leave one without is refused, naming the meeting.
 */
async function assertMeetingsStillLawful(trx: Kysely<Database>, householdId: string): Promise<void> {
  const meetings = await trx
    .selectFrom('meetings')
    .select(['held_on', 'meeting_no'])
    .where('household_id', '=', householdId)
    .where('kind', '=', 'consented')
    .where('cancelled_at', 'is', null)
    .orderBy('held_on')
    .execute();
  if (meetings.length === 0) return;
  const consents = await listConsents(trx, householdId);
  const labels = (await getOfficeSettings(trx)).meetingLabels;
  for (const m of meetings) {
    if (consentedMeetingRefusal(consents, m.held_on, labels.unconsented) === null) continue;
    throw new KasaneError(
      'CONSENT_IN_USE',
      `この同意の記録に基づいて${w(m.held_on)}の${labels.consented}（会議番号 ${m.meeting_no}）が開かれています。このまま直すと、その会議に有効な同意がなくなります。先に会議の種別を見直してください。`,
    );
  }
}

export async function withdrawConsent(
  ctx: Context,
  input: ParsedInput<'consents.withdraw'>,
): Promise<{ consentId: string }> {
  return ctx.transaction(async ({ db: trx, now, audit }) => {
    const consent = await activeConsent(trx, input.consentId);
    if (consent.withdrawnOn !== null) throw new KasaneError('ALREADY_WITHDRAWN');
    assertConsentDates(consent.obtainedOn, input.withdrawnOn, officeDate(now));
    await trx
      .updateTable('consents')
      .set({ withdrawn_on: input.withdrawnOn, withdraw_reason: input.reason })
      .where('id', '=', consent.id)
      .execute();
    await audit({
      kind: 'consent.withdrawn',
      target: { type: 'household', id: consent.householdId },
      detail: { consentId: consent.id },
    });
    return { consentId: input.consentId };
  });
}

/** 取消 (rule 18): a mistaken record stays visible, marked, and no longer counts for anything. */
export async function voidConsent(
  ctx: Context,
  input: ParsedInput<'consents.void'>,
): Promise<{ householdId: string }> {
  const reason = requireReason(input.reason, '取消');
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const { householdId, ...record } = await activeConsent(trx, input.id);
    await trx
      .updateTable('consents')
      .set({ voided_at: now.toISOString() })
      .where('id', '=', record.id)
      .execute();
    await assertMeetingsStillLawful(trx, householdId);
    await recordCorrection(
      trx,
      {
        householdId,
        targetType: 'consent',
        targetId: record.id,
        action: 'void',
        reason,
        before: version(record),
        userId: user.id,
      },
      now,
    );
    return { householdId };
  });
}

/** 訂正 (rule 18): the record's facts as they should have been; the earlier version stays in its history. */
export async function correctConsent(
  ctx: Context,
  input: ParsedInput<'consents.correct'>,
): Promise<{ householdId: string }> {
  const reason = requireReason(input.reason, '訂正');
  return ctx.transaction(async ({ db: trx, now, user }) => {
    const { householdId, ...record } = await activeConsent(trx, input.consentId);
    assertScope(input);
    assertConsentDates(input.obtainedOn, input.withdrawnOn, officeDate(now));
    await trx
      .updateTable('consents')
      .set({
        obtained_on: input.obtainedOn,
        method: input.method,
        obtained_by: input.obtainedBy,
        all_agencies: input.allAgencies ? 1 : 0,
        withdrawn_on: input.withdrawnOn,
        withdraw_reason: input.withdrawnOn === null ? null : input.withdrawReason,
      })
      .where('id', '=', record.id)
      .execute();
    await writeScope(trx, record.id, { ...input, householdId });
    await assertMeetingsStillLawful(trx, householdId);
    await recordCorrection(
      trx,
      {
        householdId,
        targetType: 'consent',
        targetId: record.id,
        action: 'correct',
        reason,
        before: version(record),
        userId: user.id,
      },
      now,
    );
    return { householdId };
  });
}

/** A consent given 口頭: the day its 書面 came in, so ホーム stops asking for it. */
export async function noteWrittenConsent(
  ctx: Context,
  input: ParsedInput<'consents.noteWritten'>,
): Promise<{ householdId: string }> {
  const { today } = ctx;
  return ctx.transaction(async ({ db, audit }) => {
    const consent = await db
      .selectFrom('consents')
      .select(['household_id', 'method', 'obtained_on', 'voided_at'])
      .where('id', '=', input.consentId)
      .executeTakeFirst();
    if (!consent || consent.voided_at) throw new KasaneError('NOT_FOUND');
    if (consent.method !== 'oral')
      throw new KasaneError('VALIDATION', '書面の受領を記録できるのは、口頭で取得した同意だけです。', {
        field: 'consentId',
      });
    if (input.writtenOn > today || input.writtenOn < consent.obtained_on)
      throw new KasaneError(
        'VALIDATION',
        `書面を受け取った日は、同意を取得した${formatWareki(consent.obtained_on)}から今日までの日付にしてください。`,
        { field: 'writtenOn' },
      );
    await db
      .updateTable('consents')
      .set({ written_on: input.writtenOn })
      .where('id', '=', input.consentId)
      .execute();
    await audit({
      kind: 'consent.writtenNoted',
      target: { type: 'household', id: consent.household_id },
      detail: { consentId: input.consentId },
    });
    return { householdId: consent.household_id };
  });
}
