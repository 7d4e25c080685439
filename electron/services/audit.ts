import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  AuditDetail,
  AuditEvent,
  AuditKind,
  AuditListInput,
  AuditVerification,
} from '../ipc/contract.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The audit log: append-only, each event's hash covers the previous hash and the event's canonical
 * JSON. It records who did what to which id — never names or case text (domain rule 10).
 */

const genesisHash = '0'.repeat(64);

export interface AuditInput {
  userId: string | null;
  kind: AuditKind;
  target?: { type: string; id: string };
  detail?: AuditDetail;
  /** When the act happened, if not now (failed unlocks are logged at the next unlock). */
  at?: Date;
}

interface HashedFields {
  id: number;
  at: string;
  user_id: string | null;
  kind: string;
  target_type: string | null;
  target_id: string | null;
  detail_json: string;
  prev_hash: string;
}

function eventHash(row: HashedFields): string {
  const body = canonicalJson({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    kind: row.kind,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: JSON.parse(row.detail_json),
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

export async function appendAuditEvent(db: Kysely<Database>, input: AuditInput, now: Date): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    const last = await trx
      .selectFrom('audit_events')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const fields: HashedFields = {
      id: (last?.id ?? 0) + 1,
      at: (input.at ?? now).toISOString(),
      user_id: input.userId,
      kind: input.kind,
      target_type: input.target?.type ?? null,
      target_id: input.target?.id ?? null,
      detail_json: canonicalJson(input.detail ?? {}),
      prev_hash: last?.hash ?? genesisHash,
    };
    await trx
      .insertInto('audit_events')
      .values({ ...fields, hash: eventHash(fields) })
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/** Walks the whole chain; names the first event whose link or content does not add up. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  let prev = genesisHash;
  let expectedId = 1;
  for (const row of rows) {
    let reason: string | null = null;
    if (row.id !== expectedId) reason = '欠番があります（削除された可能性）';
    else if (row.prev_hash !== prev) reason = '直前の記録とのつながりが一致しません';
    else {
      try {
        if (eventHash(row) !== row.hash) reason = '記録の内容が書き換えられています';
      } catch {
        reason = '記録の内容が読み取れません';
      }
    }
    if (reason)
      return { ok: false, checked: rows.length, firstBroken: { id: row.id, kind: row.kind, reason } };
    prev = row.hash;
    expectedId += 1;
  }
  return { ok: true, checked: rows.length, firstBroken: null };
}

export async function listAuditEvents(db: Kysely<Database>, filter: AuditListInput): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.user_id',
      'users.name as user_name',
      'audit_events.kind',
      'audit_events.target_type',
      'audit_events.target_id',
      'audit_events.detail_json',
    ])
    .orderBy('audit_events.id', 'desc')
    .limit(filter.limit);
  if (filter.kind) query = query.where('audit_events.kind', '=', filter.kind);
  if (filter.userId) query = query.where('audit_events.user_id', '=', filter.userId);
  if (filter.beforeId) query = query.where('audit_events.id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name ?? null,
    kind: r.kind as AuditKind,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: JSON.parse(r.detail_json) as AuditDetail,
  }));
}
