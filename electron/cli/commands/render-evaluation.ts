import { writeFile } from 'node:fs/promises';
import { evaluationSheet } from '../../domain/forms.js';
import { recordPacketIssue } from '../../services/document-gate.js';
import { renderEvaluationDocument } from '../../services/evaluation-document.js';
import { systemLayoutFonts } from '../../services/forms/index.js';
import { getOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { destinations, gateOptions, handleWithCare, type RenderOptions, usage } from './render.js';

/** Options that belong to the 様式 or the 家族構成図 only; here they would silently do nothing. */
const notHere = [
  ['--form', 'form'],
  ['--meeting', 'meeting'],
  ['--issued-on', 'issuedOn'],
  ['--doc-no', 'docNo'],
  ['--reply-by', 'replyBy'],
  ['--per-agency', 'perAgency'],
] as const;

/**
 * `render --document evaluation --case 受付番号`: the household's latest 評価シート (rule 20) through
 * the same gate as the 様式 — a purpose, the audit, labels by default where there is no consent
 * (rule 4), and numbered copies for the meeting whose plan was evaluated (rule 8).
 */
export async function renderEvaluationCommand(opts: RenderOptions): Promise<number> {
  const stray = notHere.filter(([, key]) => opts[key] !== undefined).map(([name]) => name);
  if (stray.length) throw usage(`${stray.join('、')} は --document evaluation とは一緒に使えません。`);
  const caseNo = opts.case?.normalize('NFKC').trim() ?? '';
  if (!caseNo) throw usage('--document evaluation には --case（世帯の受付番号）を指定してください。');
  const { purpose, copies } = gateOptions(opts);
  if (copies === 1 && !opts.out.toLowerCase().endsWith('.docx'))
    throw usage(`--out は .docx のファイルにしてください（「${opts.out}」）。`);

  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    const household = await db
      .selectFrom('households')
      .select('id')
      .where('case_no', '=', caseNo)
      .executeTakeFirst();
    if (!household) throw new CliError(exitCodes.notFound, `受付番号「${caseNo}」の世帯はありません。`);
    const namesReason = opts.namesReason?.trim() || null;
    const now = ctx.clock();
    let document: Awaited<ReturnType<typeof renderEvaluationDocument>>;
    try {
      document = await renderEvaluationDocument(
        db,
        vault.user,
        await getOfficeSettings(db),
        {
          householdId: household.id,
          ...(opts.names ? { names: opts.names as 'real' | 'masked' } : {}),
          namesReason,
          copies,
        },
        now,
        await systemLayoutFonts(),
      );
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NAMES_REASON_REQUIRED')
        throw new CliError(
          exitCodes.lawForbids,
          '同意のない世帯（支援会議）の資料に実名を載せるには、--names-reason で理由を記録してください（ドメインルール4）。',
        );
      if (code === 'NOT_FOUND')
        throw new CliError(
          exitCodes.notFound,
          `受付番号「${caseNo}」の世帯には評価の記録がありません。評価は支援プランのある世帯を終結するときに記録します。`,
        );
      throw err;
    }
    const written = await destinations(
      opts.out,
      document.files.map((f) => f.name),
    );
    for (const [i, f] of document.files.entries()) await writeFile(written[i] ?? f.name, f.bytes);
    await recordPacketIssue(
      db,
      vault.user.id,
      {
        meetingId: document.meetingId,
        householdId: household.id,
        documents: [evaluationSheet.key],
        copies,
        names: document.names,
        namesReason,
        numbered: document.packet,
      },
      { action: 'cli', purpose: '管理コマンド', purposeNote: purpose },
      now,
    );
    process.stdout.write(`${written.map((p) => `書き出しました: ${p}`).join('\n')}\n${handleWithCare}\n`);
    return exitCodes.ok;
  });
}
