import { writeFile } from 'node:fs/promises';
import { familySheet } from '../../domain/forms.js';
import type { IssuedPacket } from '../../services/document-gate.js';
import { singleIssue } from '../../services/document-packet.js';
import { familyDrawingsFor, renderFamilyDocument } from '../../services/family-document.js';
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

/** Options that belong to the 様式 only; given with --document they would silently do nothing. */
const formOnly = [
  ['--form', 'form'],
  ['--issued-on', 'issuedOn'],
  ['--doc-no', 'docNo'],
  ['--reply-by', 'replyBy'],
  ['--per-agency', 'perAgency'],
] as const;

/**
 * `render --document genogram`: the household's 別添資料「家族構成図・エコマップ」 through the same
 * gate as the 様式 — a purpose, the audit, labels by default where there is no consent (rule 4).
 * `.svg` writes the 家族構成図 drawing alone; with --meeting it is issued as that meeting's 配布資料.
 */
export async function renderGenogramCommand(opts: RenderOptions): Promise<number> {
  if (opts.document !== familySheet.key)
    throw usage(
      `--document に指定できるのは genogram（別添資料「${familySheet.title}」）か evaluation（支援評価シート）です（「${opts.document}」）。様式は --form で指定してください。`,
    );
  const stray = formOnly.filter(([, key]) => opts[key] !== undefined).map(([name]) => name);
  if (stray.length)
    throw usage(`${stray.join('、')} は様式のときだけ使えます（--document とは一緒に使えません）。`);
  const caseNo = opts.case?.normalize('NFKC').trim() ?? '';
  if (!caseNo) throw usage('--document genogram には --case（世帯の受付番号）を指定してください。');
  const { purpose, copies } = gateOptions(opts);
  const asSvg = opts.out.toLowerCase().endsWith('.svg');
  if (!asSvg && !opts.out.toLowerCase().endsWith('.docx') && copies === 1)
    throw usage(`--out は .docx か .svg のファイルにしてください（「${opts.out}」）。`);
  if (asSvg && copies > 1)
    throw usage(
      '配布番号つきの複数部は Word 文書で書き出します（--out を .docx かフォルダーにしてください）。',
    );

  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    const household = await householdOfCase(vault, caseNo);
    let meetingId: string | undefined;
    if (opts.meeting !== undefined) {
      const meeting = await db
        .selectFrom('meetings')
        .select(['id', 'household_id'])
        .where('meeting_no', '=', opts.meeting)
        .executeTakeFirst();
      if (!meeting) throw new CliError(exitCodes.notFound, `会議番号「${opts.meeting}」の会議はありません。`);
      if (meeting.household_id !== household.id)
        throw usage(`会議「${opts.meeting}」は受付番号「${caseNo}」の世帯の会議ではありません。`);
      meetingId = meeting.id;
    }
    const namesReason = opts.namesReason?.trim() || null;
    const request = {
      householdId: household.id,
      ...(meetingId ? { meetingId } : {}),
      ...(opts.names ? { names: opts.names as 'real' | 'masked' } : {}),
      namesReason,
      copies,
    };
    const office = await getOfficeSettings(db);
    const now = ctx.clock();
    let issued: IssuedPacket;
    let written: string[];
    try {
      if (asSvg) {
        const svg = await familyDrawingsFor(db, vault.user, office, request, now);
        await writeFile(opts.out, svg.drawings.genogramSvg);
        written = [opts.out];
        issued = singleIssue(
          {
            sheet: familySheet,
            householdId: household.id,
            meeting: svg.meetingData ? { id: svg.meetingData.meetingId } : null,
            names: svg.names,
            namesReason,
            copies,
          },
          null,
        );
      } else {
        const document = await renderFamilyDocument(
          db,
          vault.user,
          office,
          request,
          now,
          await systemLayoutFonts(),
        );
        written = await writeOut(opts.out, document.files);
        ({ issued } = document);
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'NAMES_REASON_REQUIRED') throw householdNamesRefusal();
      throw err;
    }
    return recordCliIssue(vault, issued, purpose, now, written);
  });
}
