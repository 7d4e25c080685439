import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { casesCommand } from './commands/cases.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { meetingsCommand } from './commands/meetings.js';
import { passwdCommand } from './commands/passwd.js';
import { renderCommand } from './commands/render.js';
import { statsCommand } from './commands/stats.js';
import { usersAddCommand } from './commands/users-add.js';
import { verifyCommand } from './commands/verify.js';
import { exitCodes } from './exit-codes.js';
import { asCliError } from './open-vault.js';

const usage = `かさね 管理コマンド

使い方: npm run kasane -- <コマンド> [オプション]

  init       --data-dir DIR --user NAME   データフォルダを初期設定し、回復コードを一度だけ表示する
  verify     --data-dir DIR               データベースの整合性と監査ログの改ざんを検査する
  passwd     --data-dir DIR --user NAME   利用者のパスフレーズを変更する
  users add  --data-dir DIR --user NAME   利用者（コーディネーター）を追加する
  backup     --data-dir DIR --out DIR     暗号化したままバックアップを作る（アプリは閉じておく）
  restore    --data-dir DIR --from DIR    バックアップから復元する（それまでのデータは残す）
  import     --data-dir DIR PATH...       移行用テンプレート（.xlsx）か CSV（世帯.csv・世帯員.csv、
                                          またはそれらの入ったフォルダ）を取り込む。すべて取り込むか、
                                          誤りがあれば何も登録せずに誤りをすべて表示する
             [--dry-run]                  確認だけして登録しない
  cases      --data-dir DIR [--json]      世帯の一覧を表示する（--json: JSON の配列。caseNo, label,
                                          consent, status, receivedOn, memberCount, issues）
  stats      --data-dir DIR --fy 2023[,2024...] --format json|csv|xlsx --out FILE --purpose 目的
             [--threshold N]              年度ごとの匿名統計を書き出す（1〜N-1件は＊。N は既定で事務所の
                                          設定、3以上。目的は監査ログに記録）
  meetings   --data-dir DIR [--json]      会議の一覧を表示する（--json: meetingNo, caseNo, kind, date,
                                          attendeeCount, planRowCount）
  render     --data-dir DIR --meeting 会議番号 --form 1〜5 --out FILE.docx --purpose 目的
             [--names real|masked] [--names-reason 理由] [--copies N]
                                          重層会議様式を Word 文書で書き出す（目的は監査ログに記録。
                                          支援会議は既定で記号表示、実名には --names-reason が必要。
                                          2部以上は配布番号つきの各部と回収チェック表）

パスフレーズは環境変数 KASANE_PASSPHRASE（新しいものは KASANE_NEW_PASSPHRASE）から読みます。
設定されていなければ、端末で入力を求めます（画面には表示されません）。

終了コード: 0 正常 / 1 検査で問題を検出 / 2 使い方の誤り / 3 パスフレーズが違う /
            4 データベースが壊れている・読めない / 5 新しいバージョンのデータ /
            6 取り込みに誤りがあった（何も登録していない） / 7 法律上できない（同意がない等）
`;

interface Options {
  dataDir: string;
  user: string;
  out: string;
  from: string;
  /** Positional arguments after the command name (import's files and folders). */
  paths: string[];
  json: boolean;
  dryRun: boolean;
  meeting: string;
  form: string;
  purpose: string;
  names: string;
  namesReason: string;
  copies: string;
  fy: string;
  format: string;
  threshold: string;
}
type Required = 'user' | 'out' | 'from' | 'meeting' | 'form' | 'fy' | 'format';

const commands: Record<string, { run: (opts: Options) => Promise<number>; needs: Required[] }> = {
  init: { run: initCommand, needs: ['user'] },
  verify: { run: verifyCommand, needs: [] },
  passwd: { run: passwdCommand, needs: ['user'] },
  'users add': { run: usersAddCommand, needs: ['user'] },
  backup: { run: backupCommand, needs: ['out'] },
  restore: { run: restoreCommand, needs: ['from'] },
  import: { run: importCommand, needs: [] },
  cases: { run: casesCommand, needs: [] },
  meetings: { run: meetingsCommand, needs: [] },
  render: { run: renderCommand, needs: ['meeting', 'form', 'out'] },
  stats: { run: statsCommand, needs: ['fy', 'format', 'out'] },
};

export async function runCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new CliError(exitCodes.usage, `${(err as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(usage);
    return values.help ? exitCodes.ok : exitCodes.usage;
  }
  const name = positionals[0] === 'users' ? `users ${positionals[1] ?? ''}` : (positionals[0] ?? '');
  const command = commands[name];
  if (!command)
    throw new CliError(exitCodes.usage, `不明なコマンドです: ${positionals.join(' ')}\n\n${usage}`);
  if (!values['data-dir']) throw new CliError(exitCodes.usage, '--data-dir を指定してください。');
  for (const option of command.needs) {
    if (!values[option]) throw new CliError(exitCodes.usage, `--${option} を指定してください。`);
  }
  return command.run({
    dataDir: values['data-dir'],
    user: values.user ?? '',
    out: values.out ?? '',
    from: values.from ?? '',
    paths: positionals.slice(name.split(' ').length),
    json: values.json ?? false,
    dryRun: values['dry-run'] ?? false,
    meeting: values.meeting ?? '',
    form: values.form ?? '',
    purpose: values.purpose ?? '',
    names: values.names ?? '',
    namesReason: values['names-reason'] ?? '',
    copies: values.copies ?? '',
    fy: values.fy ?? '',
    format: values.format ?? '',
    threshold: values.threshold ?? '',
  });
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      meeting: { type: 'string' },
      form: { type: 'string' },
      purpose: { type: 'string' },
      names: { type: 'string' },
      'names-reason': { type: 'string' },
      copies: { type: 'string' },
      fy: { type: 'string' },
      format: { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    try {
      const failure = asCliError(err);
      process.stderr.write(`${failure.message}\n`);
      process.exitCode = failure.exitCode;
    } catch {
      process.stderr.write('予期しないエラーが発生しました。\n');
      process.exitCode = exitCodes.verificationFailed;
    }
  },
);
