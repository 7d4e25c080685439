import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ParsedInput } from '../ipc/contract.js';
import { createBackup } from './backup.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Platform } from './platform.js';
import { deriveKey } from './vault-keys.js';
import type { VaultSession } from './vault-session.js';

/**
 * 「バックアップを作成」 in the app: the same encrypted backup as the CLI's `backup` (and audited the
 * same way), written into a folder the coordinator picks. The screen learns the backup's folder name,
 * never the path. Restoring stays in the CLI.
 */
export async function backUpFromApp(
  ctx: {
    user: { id: string; name: string };
    now: Date;
    platform: Platform;
    session: VaultSession;
    jobs?: JobRunner;
  },
  _input: ParsedInput<'backup.create'>,
): Promise<{ saved: boolean; name: string | null }> {
  const folder = await ctx.platform.chooseFolder({ title: 'バックアップの保存先を選ぶ' });
  if (!folder) return { saved: false, name: null };
  const { vault } = ctx.session.signedIn();
  // In the app the copy runs in the job worker (its own connection), counting pages for the bar.
  const { path } = ctx.jobs
    ? await ctx.jobs.run(
        {
          kind: 'backup',
          outDir: folder,
          dataDir: ctx.session.ctx.dataDir,
          via: ctx.session.ctx.via,
          anchorKey: new Uint8Array(deriveKey(vault.dataKey, 'anchor')),
          vaultId: vault.vaultId,
          failuresSeq: vault.keeper?.failuresSeq ?? 0,
        },
        ctx,
      )
    : await createBackup(ctx.session.ctx, vault, ctx.user.id, folder);
  return { saved: true, name: basename(path) };
}

/** The latest backups (app and CLI alike), newest first, from the audit log. */
export async function backupHistory(ctx: { db: Kysely<Database> }, _input: ParsedInput<'backup.history'>) {
  const rows = await ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.at', 'e.detail_json', 'u.name'])
    // indexed_kind: the kind index's column (it leaves 閲覧 events out, migration 1101).
    .where('e.indexed_kind', '=', 'backup.created')
    .orderBy('e.id', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => {
    const via = (JSON.parse(r.detail_json) as { via?: unknown }).via;
    return { at: r.at, userName: r.name, via: via === 'cli' ? ('cli' as const) : ('app' as const) };
  });
}
