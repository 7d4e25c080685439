import type { ParsedInput } from '../ipc/contract.js';
import type { Context } from './context.js';
import { KasaneError } from './errors.js';

/** 課題: domain.md's default list plus what the office adds; retired tags stay on old households. */
export async function listIssueTags(ctx: Pick<Context, 'db'>): Promise<{ name: string; retired: boolean }[]> {
  const rows = await ctx.db.selectFrom('issue_tags').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({ name: r.name, retired: r.retired_at !== null }));
}

export async function addIssueTag(
  ctx: Context,
  { name }: ParsedInput<'issueTags.add'>,
): Promise<{ name: string }> {
  return ctx.transaction(async (tx) => {
    const existing = await tx.db
      .selectFrom('issue_tags')
      .select(['name', 'retired_at'])
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing && existing.retired_at === null)
      throw new KasaneError('DUPLICATE_ISSUE_TAG', undefined, { field: 'name' });
    if (existing)
      await tx.db.updateTable('issue_tags').set({ retired_at: null }).where('name', '=', name).execute();
    else {
      const last = await tx.db
        .selectFrom('issue_tags')
        .select(({ fn }) => fn.max('sort_order').as('max'))
        .executeTakeFirst();
      await tx.db
        .insertInto('issue_tags')
        .values({ name, sort_order: (last?.max ?? 0) + 10, retired_at: null })
        .execute();
    }
    await tx.audit({ kind: 'issueTag.added' });
    return { name };
  });
}

export async function retireIssueTag(
  ctx: Context,
  { name }: ParsedInput<'issueTags.retire'>,
): Promise<{ name: string }> {
  return ctx.transaction(async (tx) => {
    const result = await tx.db
      .updateTable('issue_tags')
      .set({ retired_at: tx.now.toISOString() })
      .where('name', '=', name)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KasaneError('NOT_FOUND');
    await tx.audit({ kind: 'issueTag.retired' });
    return { name };
  });
}
