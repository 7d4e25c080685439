import { writeFile } from 'node:fs/promises';
import { fiscalYearsSchema, thresholdSchema } from '../../ipc/schemas/statistics.js';
import { recordIssue } from '../../services/document-gate.js';
import { type StatisticsFormat, statisticsFile, statisticsFor } from '../../services/statistics/index.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, serviceContext, withCliVault } from '../open-vault.js';

export interface StatsOptions {
  dataDir: string;
  user?: string;
  fy: string;
  format: string;
  out: string;
  purpose?: string;
  threshold?: string;
}

/** Anonymous fiscal-year statistics to a file, through the same gate as documents (purpose, audit). */
export async function statsCommand(opts: StatsOptions): Promise<number> {
  const years = fiscalYearsSchema.safeParse(opts.fy.split(',').map((y) => Number(y.trim())));
  if (!years.success)
    throw new CliError(
      exitCodes.usage,
      `--fy は 2023 や 2023,2024 のように年度の始まる西暦年で指定してください。（${years.error.issues[0]?.message ?? ''}）`,
    );
  const format = opts.format as StatisticsFormat;
  if (!['json', 'csv', 'xlsx'].includes(format))
    throw new CliError(exitCodes.usage, '--format は json・csv・xlsx のどれかです。');
  const purpose = opts.purpose?.trim() ?? '';
  if (!purpose)
    throw new CliError(
      exitCodes.usage,
      '--purpose（持ち出す目的）を指定してください。目的は監査ログに記録されます。',
    );
  let threshold: number | undefined;
  if (opts.threshold) {
    const parsed = thresholdSchema.safeParse(Number(opts.threshold));
    if (!parsed.success)
      throw new CliError(
        exitCodes.usage,
        parsed.error.issues[0]?.message ?? '--threshold が正しくありません。',
      );
    threshold = parsed.data;
  }

  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    const now = ctx.clock();
    const service = serviceContext(vault, now);
    const stats = await statisticsFor(service, { fiscalYears: years.data, threshold });
    const file = await statisticsFile(service, stats, format);
    await writeFile(opts.out, file.bytes);
    await recordIssue(
      db,
      vault.user.id,
      { meetingId: null, document: `statistics.${format}`, copies: 1, names: 'none', namesReason: null },
      { action: 'cli', purpose: '管理コマンド', purposeNote: purpose },
      now,
    );
    process.stdout.write(`書き出しました: ${opts.out}（${stats.suppression.explanation}）\n`);
    return exitCodes.ok;
  });
}
