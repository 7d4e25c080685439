import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ParsedInput } from '../ipc/contract.js';
import { createBackup } from './backup.js';
import type { Platform } from './platform.js';
import type { VaultSession } from './vault-session.js';

/**
 * 「バックアップを作成」 in the app: the same encrypted backup as the CLI's `backup` (and audited the
 * same way), written into a folder the coordinator picks. The screen learns the backup's folder name,
 * never the path. Restoring stays in the CLI.
 */
export async function backUpFromApp(
  ctx: { user: { id: string }; platform: Platform; session: VaultSession },
  _input: ParsedInput<'backup.create'>,
): Promise<{ saved: boolean; name: string | null }> {
  const folder = await ctx.platform.chooseFolder({ title: 'バックアップの保存先を選ぶ' });
  if (!folder) return { saved: false, name: null };
  const { vault } = ctx.session.signedIn();
  const { path } = await createBackup(ctx.session.ctx, vault, ctx.user.id, folder);
  return { saved: true, name: basename(path) };
}

/** The latest backups (app and CLI alike), newest first, from the audit log. */
export async function backupHistory(ctx: { db: Kysely<Database> }, _input: ParsedInput<'backup.history'>) {
  const rows = await ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.at', 'e.detail_json', 'u.name'])
    .where('e.kind', '=', 'backup.created')
    .orderBy('e.id', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => {
    const via = (JSON.parse(r.detail_json) as { via?: unknown }).via;
    return { at: r.at, userName: r.name, via: via === 'cli' ? ('cli' as const) : ('app' as const) };
  });
}
