import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { recordIssue } from '../../services/document-gate.js';
import { renderPacket } from '../../services/document-packet.js';
import { type FormNumber, systemLayoutFonts } from '../../services/forms/index.js';
import { getOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';

export interface RenderOptions {
  dataDir: string;
  user?: string;
  meeting: string;
  form: string;
  out: string;
  purpose?: string;
  names?: string;
  namesReason?: string;
  copies?: string;
}

/**
 * The 159条 gate without the dialog: a purpose is required and audited, names default by the
 * meeting's kind (rule 4), copies are numbered with a 回収チェック表 (rule 8).
 */
export async function renderCommand(opts: RenderOptions): Promise<number> {
  const form = Number(opts.form);
  if (![1, 2, 3, 4, 5].includes(form))
    throw new CliError(exitCodes.usage, '--form は 1〜5 で指定してください。');
  if (!opts.out.toLowerCase().endsWith('.docx'))
    throw new CliError(exitCodes.usage, '--out は .docx のファイル名にしてください。');
  const purpose = opts.purpose?.trim() ?? '';
  if (!purpose)
    throw new CliError(
      exitCodes.usage,
      '--purpose（持ち出す目的）を指定してください。守秘義務（社会福祉法第159条）のため、目的は監査ログに記録されます。',
    );
  if (opts.names && !['real', 'masked'].includes(opts.names))
    throw new CliError(exitCodes.usage, '--names は real か masked です。');
  const copies = opts.copies ? Number(opts.copies) : 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 60)
    throw new CliError(exitCodes.usage, '--copies は 1〜60 の整数にしてください。');

  const ctx = cliContext(opts.dataDir, opts.user);
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    const meeting = await db
      .selectFrom('meetings')
      .select(['id', 'kind'])
      .where('meeting_no', '=', opts.meeting)
      .executeTakeFirst();
    if (!meeting) throw new CliError(exitCodes.usage, `会議番号「${opts.meeting}」の会議はありません。`);
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
      { meetingId: meeting.id, forms: [form as FormNumber], names, copies, perAgency: false },
      now,
      await systemLayoutFonts(),
    );
    const { files } = packet;
    for (const notice of packet.warnings) process.stderr.write(`注意: ${notice}\n`);
    // One file goes exactly where --out says; numbered copies and the checklist go beside it.
    const written = files.map((f) => (files.length === 1 ? opts.out : join(dirname(opts.out), f.name)));
    for (const [i, f] of files.entries()) await writeFile(written[i] ?? f.name, f.bytes);
    await recordIssue(
      db,
      vault.user.id,
      {
        meetingId: meeting.id,
        document: `form${form}` as 'form1',
        copies,
        names,
        namesReason: namesReason || null,
      },
      { action: 'cli', purpose: '管理コマンド', purposeNote: purpose },
      now,
    );
    process.stdout.write(
      `${written.map((p) => `書き出しました: ${p}`).join('\n')}\n取扱注意: 会議で知り得た秘密を含みます。目的外に使わず、使い終えたら回収・廃棄してください。\n`,
    );
    return exitCodes.ok;
  });
}
