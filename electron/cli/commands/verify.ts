import { appendAuditEvent, verifyAuditChain } from '../../services/audit.js';
import { verifyBackup } from '../../services/backup.js';
import { describeLoss } from '../../services/records-lost.js';
import { acceptRecordsLoss } from '../../services/vault.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

/**
 * SQLite's full integrity check, the database against its anchor, then the audit chain; names
 * the first broken event. With --backup, checks a backup folder instead (its own passphrase).
 */
export async function verifyCommand(opts: {
  dataDir?: string;
  user?: string;
  backup?: string;
}): Promise<number> {
  if (opts.backup) return verifyBackupCommand(opts.backup, opts.user);
  if (!opts.dataDir)
    throw new CliError(
      exitCodes.usage,
      '--data-dir（バックアップを検査するときは --backup）を指定してください。',
    );
  const ctx = cliContext(opts.dataDir, opts.user);
  return withCliVault(
    ctx,
    async (vault) => {
      const integrity = vault.store.sqlite.pragma('integrity_check', { simple: false }) as {
        integrity_check: string;
      }[];
      const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length > 0) {
        process.stderr.write(
          `データベースの整合性検査で ${problems.length} 件の問題が見つかりました。バックアップから復元してください。\n`,
        );
        return exitCodes.databaseUnreadable;
      }
      process.stdout.write('データベースの整合性: 問題なし\n');
      const chain = await verifyAuditChain(vault.store.db);
      if (vault.recordsLost) {
        // Read-only: the verification itself is not written either.
        process.stdout.write(
          `記録の到達点: ${describeLoss(vault.recordsLost).message}\n最新のバックアップから restore で復元するか、accept-loss で残っているデータのまま使い続けてください。\n`,
        );
      } else {
        process.stdout.write('記録の到達点: 一致（失われた記録はありません）\n');
        await appendAuditEvent(
          vault.store.db,
          {
            userId: vault.user.id,
            kind: 'audit.verified',
            detail: { ok: chain.ok, checked: chain.checked, firstBrokenId: chain.firstBroken?.id ?? null },
          },
          ctx.clock(),
        );
      }
      if (!chain.ok && chain.firstBroken) {
        process.stdout.write(
          `監査ログ: 改ざんを検出しました。最初に壊れている記録: #${chain.firstBroken.id}（${chain.firstBroken.kind}）— ${chain.firstBroken.reason}\n`,
        );
        return exitCodes.verificationFailed;
      }
      if (vault.recordsLost) return exitCodes.recordsLost;
      process.stdout.write(`監査ログ: ${chain.checked} 件を検証、改ざんは検出されませんでした\n`);
      return exitCodes.ok;
    },
    ctx.userName,
    { allowRecordsLost: true },
  );
}

async function verifyBackupCommand(backupDir: string, user: string | undefined): Promise<number> {
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'バックアップ作成時点のパスフレーズ: ');
  const check = await verifyBackup(backupDir, passphrase, user?.trim() || undefined);
  process.stdout.write(
    [
      `バックアップ: ${backupDir}（作成 ${check.createdAt}）`,
      'チェックサム・鍵ファイル・データベースの整合性: 問題なし',
      check.anchored
        ? `記録の到達点: 一致（監査ログ #${check.head.audit?.id ?? 0} まで、書き込み ${check.head.commits} 回）`
        : '記録の到達点: 古い形式のバックアップのため記録がありません（整合性と監査ログのみ確認しました）',
      `監査ログ: ${check.auditChecked} 件を検証、改ざんは検出されませんでした`,
      '',
    ].join('\n'),
  );
  return exitCodes.ok;
}

/** After 「最新の記録の一部が失われています」: go on with what is there; recorded in the audit log. */
export async function acceptLossCommand(opts: { dataDir: string; user?: string }): Promise<number> {
  const ctx = cliContext(opts.dataDir, opts.user);
  return withCliVault(
    ctx,
    async (vault) => {
      if (!vault.recordsLost) {
        process.stdout.write('失われた記録はありません。何も変更していません。\n');
        return exitCodes.ok;
      }
      const { message } = describeLoss(vault.recordsLost);
      await acceptRecordsLoss(ctx, vault, 'passphrase');
      process.stdout.write(
        `${message}\n失われたことを監査ログに記録し、残っているデータで使い続けられるようにしました。\n`,
      );
      return exitCodes.ok;
    },
    ctx.userName,
    { allowRecordsLost: true },
  );
}
