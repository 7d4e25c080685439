import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { transactionWithoutWalSync } from '../../db/commit-watch.js';
import type { Sqlite } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import type {
  AuditDetail,
  AuditEvent,
  AuditKind,
  AuditListInput,
  AuditVerification,
  ParsedInput,
} from '../ipc/contract.js';
import { canonicalJson } from './canonical-json.js';
import type { Context } from './context.js';
import type { JobRunner } from './jobs/job-runner.js';
import { type Progress, unwatched } from './jobs/progress.js';

/**
 * The audit log: append-only, each event's hash covers the previous hash and the event's canonical
 * JSON. It records who did what to which id — never names or case text (domain rule 10).
 *
 * Chain formats, recorded per event in `chain`:
 *   1 — SHA-256(prev + "\n" + body): the first format; events written with it still verify.
 *   2 — HMAC-SHA256 with a key derived from the data key: rewriting the chain needs the key, not
 *       just write access to the rows. Every event is written in format 2; once one is, no later
 *       event may go back to format 1.
 * The newest event is also recorded outside the database (anchor.ts), so a chain cut short at its
 * end, or rewritten as a whole, is caught too.
 */

/**
 * Events that record a read (rule 10: opening a case or a meeting). A transaction holding nothing
 * but one of them is committed without waiting for the WAL's fsync: a killed process loses nothing,
 * and the anchor names the event once its WAL is flushed, a moment later (anchor.ts).
 */
export const readAuditKinds: ReadonlySet<AuditKind> = new Set(['household.viewed', 'meeting.viewed']);

const genesisHash = '0'.repeat(64);
export const currentChain = 2;
const macFunction = 'kasane_audit_mac';

/** Gives this connection the chain key; appendAuditEvent and verifyAuditChain need it for format 2. */
export function registerAuditKey(sqlite: Sqlite, auditKey: Buffer): void {
  // A KeyObject made once: createHmac with a Buffer builds one on every call (a third of an append's CPU).
  const key = createSecretKey(Buffer.from(auditKey));
  sqlite.function(macFunction, { deterministic: true }, (message: unknown) =>
    createHmac('sha256', key).update(String(message), 'utf8').digest('hex'),
  );
}

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

function eventBody(row: HashedFields): string {
  return canonicalJson({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    kind: row.kind,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: JSON.parse(row.detail_json),
  });
}

function sha256Hash(row: HashedFields): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(eventBody(row)).digest('hex');
}

const macMessage = (row: HashedFields) => `kasane-audit-v2\n${row.prev_hash}\n${eventBody(row)}`;

/** Format-2 hashes of many events in one statement, through the connection's chain key. */
async function macHashes(
  db: Kysely<Database>,
  messages: string[],
  progress: Progress = unwatched,
  total = messages.length,
): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < messages.length; i += 500) {
    progress.report('verifying', Math.min(i, total), total, '件');
    const batch = JSON.stringify(messages.slice(i, i + 500));
    const { rows } = await sql<{ mac: string }>`SELECT ${sql.raw(macFunction)}(value) AS mac
      FROM json_each(${batch}) ORDER BY key`.execute(db);
    out.push(...rows.map((r) => r.mac));
  }
  return out;
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
    // One call, one fixed statement (json_each and its sort are for verifying many at once).
    const { rows } = await sql<{
      mac: string;
    }>`SELECT ${sql.raw(macFunction)}(${macMessage(fields)}) AS mac`.execute(trx);
    const hash = rows[0]?.mac;
    if (hash === undefined) throw new Error('the audit chain key gave no MAC');
    await trx
      .insertInto('audit_events')
      .values({ ...fields, hash, chain: currentChain })
      .execute();
  };
  if (db.isTransaction) await write(db);
  // A lone read event: its WAL frames are flushed a moment later, with the views around it (anchor.ts).
  else if (readAuditKinds.has(input.kind)) await transactionWithoutWalSync(db, write);
  else await db.transaction().execute(write);
}

/** Walks the whole chain; names the first event whose link or content does not add up. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  progress: Progress = unwatched,
): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  progress.report('verifying', 0, rows.length, '件');
  const keyed = rows.filter((r) => r.chain === 2);
  const macs = new Map<number, string>();
  const messages: string[] = [];
  const ids: number[] = [];
  for (const row of keyed) {
    try {
      messages.push(macMessage(row));
      ids.push(row.id);
    } catch {
      // An unreadable body is reported in the walk below.
    }
  }
  for (const [i, mac] of (await macHashes(db, messages, progress, rows.length)).entries())
    macs.set(ids[i] as number, mac);

  let prev = genesisHash;
  let expectedId = 1;
  let keyedSeen = false;
  for (const row of rows) {
    let reason: string | null = null;
    if (row.id !== expectedId) reason = '欠番があります（削除された可能性）';
    else if (row.prev_hash !== prev) reason = '直前の記録とのつながりが一致しません';
    else if (row.chain === 1 && keyedSeen) reason = '鍵のない古い形式に書き換えられています';
    else if (row.chain !== 1 && row.chain !== 2) reason = '記録の形式が不明です';
    else {
      try {
        const expected = row.chain === 2 ? macs.get(row.id) : sha256Hash(row);
        if (expected === undefined) reason = '記録の内容が読み取れません';
        else if (expected !== row.hash) reason = '記録の内容が書き換えられています';
      } catch {
        reason = '記録の内容が読み取れません';
      }
    }
    if (row.chain === 2) keyedSeen = true;
    if (reason)
      return { ok: false, checked: rows.length, firstBroken: { id: row.id, kind: row.kind, reason } };
    prev = row.hash;
    expectedId += 1;
  }
  progress.report('verifying', rows.length, rows.length, '件');
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
    .orderBy('audit_events.id', filter.order === 'oldest' ? 'asc' : 'desc')
    .limit(filter.limit);
  // The kind index leaves 閲覧 events out (migration 1101): a view kind is read newest first instead.
  if (filter.kind)
    query = query.where(
      readAuditKinds.has(filter.kind) ? 'audit_events.kind' : 'audit_events.indexed_kind',
      '=',
      filter.kind,
    );
  if (filter.userId) query = query.where('audit_events.user_id', '=', filter.userId);
  if (filter.beforeId) query = query.where('audit_events.id', '<', filter.beforeId);
  if (filter.afterId) query = query.where('audit_events.id', '>', filter.afterId);
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

/**
 * audit.list: one page of events, newest (or oldest) first, and on the first page the chain's
 * verification (unless the caller asks for none, as ホーム does for its count of failed unlocks).
 * The pages 「さらに表示」 adds continue a list already verified: they only read.
 */
export async function auditLog(
  ctx: Pick<Context, 'db' | 'now' | 'user'> & { jobs?: JobRunner },
  input: ParsedInput<'audit.list'>,
): Promise<{ verification: AuditVerification | null; events: AuditEvent[] }> {
  const firstPage = input.beforeId === undefined && input.afterId === undefined;
  // In the app the chain is walked in a job worker (with a count for the bar), beside any other job.
  const [verification, events] = await Promise.all([
    firstPage && input.verify !== false
      ? ctx.jobs
        ? ctx.jobs.run({ kind: 'verify' }, ctx)
        : verifyAuditChain(ctx.db)
      : null,
    listAuditEvents(ctx.db, input),
  ]);
  return { verification, events };
}
