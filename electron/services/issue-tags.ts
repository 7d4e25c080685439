import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { appendAuditEvent } from './audit.js';
import { KasaneError } from './errors.js';

/** 課題: domain.md's default list plus what the office adds; retired tags stay on old households. */
export async function listIssueTags(db: Kysely<Database>): Promise<{ name: string; retired: boolean }[]> {
  const rows = await db.selectFrom('issue_tags').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({ name: r.name, retired: r.retired_at !== null }));
}

export async function addIssueTag(
  db: Kysely<Database>,
  userId: string,
  name: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('issue_tags')
      .select(['name', 'retired_at'])
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing && existing.retired_at === null)
      throw new KasaneError('VALIDATION', 'その課題はすでに登録されています。');
    if (existing)
      await trx.updateTable('issue_tags').set({ retired_at: null }).where('name', '=', name).execute();
    else {
      const last = await trx
        .selectFrom('issue_tags')
        .select(({ fn }) => fn.max('sort_order').as('max'))
        .executeTakeFirst();
      await trx
        .insertInto('issue_tags')
        .values({ name, sort_order: (last?.max ?? 0) + 10, retired_at: null })
        .execute();
    }
    await appendAuditEvent(trx, { userId, kind: 'issueTag.added' }, now);
  });
}

export async function retireIssueTag(
  db: Kysely<Database>,
  userId: string,
  name: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('issue_tags')
      .set({ retired_at: now.toISOString() })
      .where('name', '=', name)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    await appendAuditEvent(trx, { userId, kind: 'issueTag.retired' }, now);
  });
}
