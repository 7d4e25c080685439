import { renderEvaluationDocument } from '../../services/evaluation-document.js';
import { systemLayoutFonts } from '../../services/forms/index.js';
import { getOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import {
  gateOptions,
  householdNamesRefusal,
  householdOfCase,
  type RenderOptions,
  recordCliIssue,
  usage,
  writeOut,
} from './render.js';

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
    const household = await householdOfCase(vault, caseNo);
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
      if (code === 'NAMES_REASON_REQUIRED') throw householdNamesRefusal();
      if (code === 'NOT_FOUND')
        throw new CliError(
          exitCodes.notFound,
          `受付番号「${caseNo}」の世帯には評価の記録がありません。評価は支援プランのある世帯を終結するときに記録します。`,
        );
      throw err;
    }
    const written = await writeOut(opts.out, document.files);
    return recordCliIssue(vault, document.issued, purpose, now, written);
  });
}
