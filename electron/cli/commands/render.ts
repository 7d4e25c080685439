import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseJapaneseDate } from '../../domain/dates.js';
import type { FormNumber } from '../../domain/forms.js';
import { type IssuedPacket, recordPacketIssue } from '../../services/document-gate.js';
import { renderPacket } from '../../services/document-packet.js';
import { systemLayoutFonts } from '../../services/forms/index.js';
import type { NoticeChoices } from '../../services/meeting-form-data.js';
import { getOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { type CliVault, cliContext, withCliVault } from '../open-vault.js';

export interface RenderOptions {
  dataDir: string;
  user?: string;
  meeting?: string;
  form?: string;
  document?: string;
  case?: string;
  out: string;
  purpose?: string;
  names?: string;
  namesReason?: string;
  copies?: string;
  issuedOn?: string;
  docNo?: string;
  replyBy?: string;
  perAgency?: true;
}

export const usage = (message: string) => new CliError(exitCodes.usage, message);

/** 「3」, 「1,2,4」, 「1-5」 → the 様式 numbers in order, each once. */
export function parseForms(list: string): FormNumber[] {
  const forms = new Set<number>();
  for (const part of list.normalize('NFKC').split(',')) {
    const range = /^\s*([1-5])\s*(?:[-~～]\s*([1-5]))?\s*$/.exec(part);
    if (!range)
      throw usage(`--form は 1〜5 の番号で、3、1,2,4、1-5 のように指定してください（「${list}」）。`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) throw usage(`--form の範囲「${part.trim()}」は小さい番号から書いてください。`);
    for (let n = from; n <= to; n++) forms.add(n);
  }
  return [...forms].sort((a, b) => a - b) as FormNumber[];
}

function dateOption(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const iso = parseJapaneseDate(text);
  if (!iso)
    throw usage(
      `${name} の日付が読めません（「${text}」）。2026-11-10 や 令和8年11月10日 のように指定してください。`,
    );
  return iso;
}

/** 様式1's own options, refused when no 様式1 is written (they would silently do nothing). */
function noticeChoices(opts: RenderOptions, forms: FormNumber[]): NoticeChoices | undefined {
  const given = [
    ['--issued-on', opts.issuedOn],
    ['--doc-no', opts.docNo],
    ['--reply-by', opts.replyBy],
    ['--per-agency', opts.perAgency],
  ].filter(([, value]) => value !== undefined);
  if (given.length === 0) return undefined;
  if (!forms.includes(1))
    throw usage(
      `${given.map(([name]) => name).join('、')} は様式1（--form に 1 を含める）のときだけ使えます。`,
    );
  const docNo = opts.docNo?.normalize('NFKC').trim();
  if (docNo !== undefined && !/^[0-9]{1,10}$/.test(docNo))
    throw usage(`--doc-no は第N号の N（数字）で指定してください（「${opts.docNo}」）。`);
  return {
    issuedOn: dateOption('--issued-on', opts.issuedOn),
    replyBy: dateOption('--reply-by', opts.replyBy),
    number: docNo,
  };
}

/** Where each file goes: exactly --out for a single .docx; otherwise beside it, or into the folder --out names. */
export async function destinations(out: string, names: string[]): Promise<string[]> {
  const isFile = out.toLowerCase().endsWith('.docx');
  if (names.length === 1 && isFile) return [out];
  const folder = isFile ? dirname(out) : out;
  await mkdir(folder, { recursive: true });
  return names.map((name) => join(folder, name));
}

/** What every document through the gate needs from the command line: a purpose, names, copies. */
export function gateOptions(opts: RenderOptions): { purpose: string; copies: number } {
  const purpose = opts.purpose?.trim() ?? '';
  if (!purpose)
    throw usage(
      '--purpose（持ち出す目的）を指定してください。守秘義務（社会福祉法第159条）のため、目的は監査ログに記録されます。',
    );
  if (opts.names && !['real', 'masked'].includes(opts.names)) throw usage('--names は real か masked です。');
  const copies = opts.copies ? Number(opts.copies) : 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 60)
    throw usage('--copies は 1〜60 の整数にしてください。');
  return { purpose, copies };
}

export const handleWithCare =
  '取扱注意: 会議で知り得た秘密を含みます。目的外に使わず、使い終えたら回収・廃棄してください。';

/** Writes each file where `destinations` puts it; returns the paths written. */
export async function writeOut(out: string, files: { name: string; bytes: Buffer }[]): Promise<string[]> {
  const written = await destinations(
    out,
    files.map((f) => f.name),
  );
  for (const [i, f] of files.entries()) await writeFile(written[i] ?? f.name, f.bytes);
  return written;
}

/** The gate's record without the dialog (rules 7, 8): the issue under the command's purpose, then where the files went. */
export async function recordCliIssue(
  vault: CliVault,
  issued: IssuedPacket,
  purpose: string,
  now: Date,
  written: string[],
): Promise<number> {
  const why = { action: 'cli', purpose: '管理コマンド', purposeNote: purpose } as const;
  await recordPacketIssue(vault.store.db, vault.user.id, issued, why, now);
  process.stdout.write(`${written.map((p) => `書き出しました: ${p}`).join('\n')}\n${handleWithCare}\n`);
  return exitCodes.ok;
}

/** The household --case names by its 受付番号 (exit code 13 when there is none). */
export async function householdOfCase(vault: CliVault, caseNo: string): Promise<{ id: string }> {
  const household = await vault.store.db
    .selectFrom('households')
    .select('id')
    .where('case_no', '=', caseNo)
    .executeTakeFirst();
  if (!household) throw new CliError(exitCodes.notFound, `受付番号「${caseNo}」の世帯はありません。`);
  return household;
}

/** Rule 4 for a household's own document (評価シート, 別添資料), in the command line's words. */
export const householdNamesRefusal = () =>
  new CliError(
    exitCodes.lawForbids,
    '同意のない世帯（支援会議）の資料に実名を載せるには、--names-reason で理由を記録してください（ドメインルール4）。',
  );

/**
 * The 159条 gate without the dialog: a purpose is required and audited, names default by the
 * meeting's kind (rule 4), several 様式 are written with one unlock, and numbered copies share one
 * 配布番号 per recipient with one 回収チェック表 (rule 8).
 */
export async function renderCommand(opts: RenderOptions): Promise<number> {
  if (opts.document === 'evaluation') {
    const { renderEvaluationCommand } = await import('./render-evaluation.js');
    return renderEvaluationCommand(opts);
  }
  if (opts.document !== undefined) {
    const { renderGenogramCommand } = await import('./render-genogram.js');
    return renderGenogramCommand(opts);
  }
  if (opts.case !== undefined)
    throw usage('--case は --document genogram か --document evaluation と一緒に使います。');
  if (opts.meeting === undefined || opts.form === undefined)
    throw usage(
      '様式を書き出すには --meeting（会議番号）と --form（様式の番号）を指定してください。家族構成図は --document genogram --case 受付番号、評価シートは --document evaluation --case 受付番号 です。',
    );
  const forms = parseForms(opts.form);
  const { purpose, copies } = gateOptions(opts);
  const notice = noticeChoices(opts, forms);

  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    const meeting = await db
      .selectFrom('meetings')
      .select(['id', 'kind'])
      .where('meeting_no', '=', opts.meeting ?? '')
      .executeTakeFirst();
    if (!meeting) throw new CliError(exitCodes.notFound, `会議番号「${opts.meeting}」の会議はありません。`);
    const namesReason = opts.namesReason?.trim() ?? '';
    const names = (opts.names || (meeting.kind === 'unconsented' ? 'masked' : 'real')) as 'real' | 'masked';
    if (meeting.kind === 'unconsented' && names === 'real' && !namesReason) {
      throw new CliError(
        exitCodes.lawForbids,
        '支援会議の資料に実名を載せるには、--names-reason で理由を記録してください（ドメインルール4）。',
      );
    }
    const now = ctx.clock();
    const packet = await renderPacket(
      db,
      vault.user,
      await getOfficeSettings(db),
      {
        meetingId: meeting.id,
        forms,
        names,
        copies,
        perAgency: opts.perAgency === true,
        ...(notice ? { notice } : {}),
      },
      now,
      await systemLayoutFonts(),
    );
    for (const warning of packet.warnings) process.stderr.write(`注意: ${warning}\n`);
    const written = await writeOut(opts.out, packet.files);
    return recordCliIssue(
      vault,
      {
        meetingId: meeting.id,
        householdId: null,
        documents: forms.map((f) => `form${f}`),
        copies,
        names,
        namesReason: namesReason || null,
        numbered: packet.packet,
      },
      purpose,
      now,
      written,
    );
  });
}
