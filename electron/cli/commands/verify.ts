import { appendAuditEvent, verifyAuditChain } from '../../services/audit.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';

/** SQLite's full integrity check, then the audit hash chain; names the first broken event. */
export async function verifyCommand(opts: { dataDir: string }): Promise<number> {
  const ctx = cliContext(opts.dataDir);
  return withCliVault(ctx, async (vault) => {
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
    await appendAuditEvent(
      vault.store.db,
      {
        userId: vault.user.id,
        kind: 'audit.verified',
        detail: { ok: chain.ok, checked: chain.checked, firstBrokenId: chain.firstBroken?.id ?? null },
      },
      ctx.clock(),
    );
    if (!chain.ok && chain.firstBroken) {
      process.stdout.write(
        `監査ログ: 改ざんを検出しました。最初に壊れている記録: #${chain.firstBroken.id}（${chain.firstBroken.kind}）— ${chain.firstBroken.reason}\n`,
      );
      return exitCodes.verificationFailed;
    }
    process.stdout.write(`監査ログ: ${chain.checked} 件を検証、改ざんは検出されませんでした\n`);
    return exitCodes.ok;
  });
}
