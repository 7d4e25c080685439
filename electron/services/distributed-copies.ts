import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { formatWareki } from '../domain/dates.js';
import { formCatalogue, formHeaderLabel } from '../domain/forms.js';
import { officeDate } from '../domain/office-day.js';
import type { ParsedInput } from '../ipc/contract.js';
import type { CopyStatus, DistributedCopy, OutstandingCopy } from '../ipc/schemas/copies.js';
import type { Context } from './context.js';
import { KasaneError } from './errors.js';

/**
 * Rule 8: the numbered copies of a meeting's packet. A meeting has one packet: 配布番号 N goes to the
 * same recipient for every 様式 issued with numbers for that meeting, and the coordinator records
 * each copy's 回収 or 廃棄 (audited). What is still out shows on the meeting and on the desk.
 */

/** 「重層会議様式2 会次第」, or the title of another document issued in the packet (家族構成図). */
export function packetDocumentTitle(key: string): string {
  const form = formCatalogue.find((f) => f.key === key);
  if (form) return `${formHeaderLabel(form.number)} ${form.title}`;
  if (key === 'evaluation') return '支援評価シート';
  return key === 'genogram' ? '家族構成図' : key;
}

const documentList = z.array(z.string());

type Row = Database['distributed_copies'];

function statusOf(row: Pick<Row, 'collected_on' | 'destroyed_on'>): CopyStatus {
  if (row.destroyed_on) return 'destroyed';
  return row.collected_on ? 'collected' : 'outstanding';
}

function toCopy(row: Row & { recorded_by_name: string | null }, total: number): DistributedCopy {
  return {
    meetingId: row.meeting_id,
    copyNo: row.copy_no,
    total,
    recipient: row.recipient,
    documents: documentList.parse(JSON.parse(row.documents_json)).map(packetDocumentTitle),
    issuedAt: row.issued_at,
    status: statusOf(row),
    collectedOn: row.collected_on,
    destroyedOn: row.destroyed_on,
    recordedBy: row.recorded_by_name,
  };
}

function copiesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('distributed_copies as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.name as recorded_by_name');
}

/** Who holds which 配布番号 already: a later issue for the meeting gives the same numbers to the same recipients. */
export async function packetRecipients(
  db: Kysely<Database>,
  meetingId: string,
): Promise<{ number: number; recipient: string }[]> {
  const rows = await db
    .selectFrom('distributed_copies')
    .select(['copy_no', 'recipient'])
    .where('meeting_id', '=', meetingId)
    .orderBy('copy_no')
    .execute();
  return rows.map((r) => ({ number: r.copy_no, recipient: r.recipient }));
}

/**
 * Records the copies an issue put in circulation, inside the transaction. A copy that gets a
 * document it did not have is out again, whatever was recorded for it before.
 */
export async function recordPacketCopies(
  trx: Kysely<Database>,
  packet: { meetingId: string; documents: string[]; copies: { number: number; recipient: string }[] },
  now: Date,
): Promise<void> {
  for (const copy of packet.copies) {
    const existing = await trx
      .selectFrom('distributed_copies')
      .select(['documents_json'])
      .where('meeting_id', '=', packet.meetingId)
      .where('copy_no', '=', copy.number)
      .executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto('distributed_copies')
        .values({
          meeting_id: packet.meetingId,
          copy_no: copy.number,
          recipient: copy.recipient,
          documents_json: JSON.stringify(packet.documents),
          issued_at: now.toISOString(),
          collected_on: null,
          destroyed_on: null,
          recorded_by: null,
        })
        .execute();
      continue;
    }
    const had = documentList.parse(JSON.parse(existing.documents_json));
    const added = packet.documents.filter((d) => !had.includes(d));
    if (added.length === 0) continue;
    await trx
      .updateTable('distributed_copies')
      .set({
        documents_json: JSON.stringify([...had, ...added]),
        issued_at: now.toISOString(),
        collected_on: null,
        destroyed_on: null,
        recorded_by: null,
      })
      .where('meeting_id', '=', packet.meetingId)
      .where('copy_no', '=', copy.number)
      .execute();
  }
}

/** The meeting's numbered copies, by 配布番号. */
export async function listCopies(
  ctx: Pick<Context, 'db'>,
  { meetingId }: ParsedInput<'copies.list'>,
): Promise<DistributedCopy[]> {
  const rows = await copiesQuery(ctx.db).where('c.meeting_id', '=', meetingId).orderBy('c.copy_no').execute();
  return rows.map((r) => toCopy(r, rows.length));
}

/** Copies not yet collected or destroyed, oldest meeting first: for a meeting, or for every meeting (the desk). */
export async function outstandingCopies(
  db: Kysely<Database>,
  filter: { meetingId?: string } = {},
): Promise<OutstandingCopy[]> {
  let query = copiesQuery(db)
    .innerJoin('meetings as m', 'm.id', 'c.meeting_id')
    .select(['m.meeting_no', 'm.held_on'])
    .select((eb) =>
      eb
        .selectFrom('distributed_copies as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.meeting_id', '=', 'c.meeting_id')
        .as('total'),
    )
    .where('c.collected_on', 'is', null)
    .where('c.destroyed_on', 'is', null);
  if (filter.meetingId) query = query.where('c.meeting_id', '=', filter.meetingId);
  const rows = await query.orderBy('m.held_on').orderBy('m.meeting_no').orderBy('c.copy_no').execute();
  return rows.map((r) => ({
    ...toCopy(r, Number(r.total)),
    meetingNo: r.meeting_no,
    heldOn: r.held_on,
  }));
}

const auditKind = {
  collected: 'copy.collected',
  destroyed: 'copy.destroyed',
  outstanding: 'copy.reopened',
} as const;

/**
 * Records 回収 or 廃棄 of one copy (dated, by whom, audited), or takes such a record back. A date can
 * be neither in the future nor before the copy was issued; a destroyed copy keeps its 回収日.
 */
export async function markCopy(ctx: Context, input: ParsedInput<'copies.mark'>): Promise<DistributedCopy> {
  const { today } = ctx;
  const on = input.on ?? today;
  return ctx.transaction(async ({ db: trx, user, audit }) => {
    const row = await trx
      .selectFrom('distributed_copies')
      .selectAll()
      .where('meeting_id', '=', input.meetingId)
      .where('copy_no', '=', input.copyNo)
      .executeTakeFirst();
    if (!row) throw new KasaneError('NOT_FOUND');
    const issuedOn = officeDate(new Date(row.issued_at));
    if (input.status !== 'outstanding' && (on > today || on < issuedOn))
      throw new KasaneError(
        'COPY_DATE_OUT_OF_RANGE',
        `${input.status === 'collected' ? '回収日' : '廃棄日'}は、配布した${formatWareki(issuedOn)}から今日までの日付にしてください。`,
        { field: 'on' },
      );
    const changes =
      input.status === 'collected'
        ? { collected_on: on, destroyed_on: null }
        : input.status === 'destroyed'
          ? { destroyed_on: on }
          : { collected_on: null, destroyed_on: null };
    await trx
      .updateTable('distributed_copies')
      .set({ ...changes, recorded_by: input.status === 'outstanding' ? null : user.id })
      .where('meeting_id', '=', input.meetingId)
      .where('copy_no', '=', input.copyNo)
      .execute();
    await audit({
      kind: auditKind[input.status],
      target: { type: 'meeting', id: input.meetingId },
      detail: { copyNo: input.copyNo, ...(input.status === 'outstanding' ? {} : { on }) },
    });
    const copies = await listCopies({ db: trx }, { meetingId: input.meetingId });
    const copy = copies.find((c) => c.copyNo === input.copyNo);
    if (!copy) throw new KasaneError('NOT_FOUND');
    return copy;
  });
}
