import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Context } from './context.js';

export async function listUsers(
  db: Kysely<Database>,
): Promise<{ id: string; name: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'created_at'])
    .where('retired_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

/** users.list: the coordinators who can sign in. */
export function listCoordinators(ctx: Pick<Context, 'db'>) {
  return listUsers(ctx.db);
}
