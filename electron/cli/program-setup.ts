import { type CommanderError, type CommandUnknownOpts, Help } from '@commander-js/extra-typings';
import { CliError } from './cli-error.js';
import { displayWidth } from './display-width.js';
import { exitCodes } from './exit-codes.js';

const titles: Record<string, string> = {
  'Usage:': '使い方:',
  'Arguments:': '引数:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
};

const inJapanese = (usage: string) =>
  usage.replace('[options]', '[オプション]').replace('[command]', '[コマンド]');

/** Pieces a line may break between: words, with no line ending in （ nor starting with ）、。 */
function breakable(paragraph: string): string[] {
  const pieces: string[] = [];
  let opening = '';
  for (const { segment } of new Intl.Segmenter('ja', { granularity: 'word' }).segment(paragraph)) {
    if (/^[（「『(]+$/.test(segment)) opening += segment;
    else if (/^[）」』)、。・,.]+$/.test(segment) && pieces.length > 0 && !opening)
      pieces.push(`${pieces.pop()}${segment}`);
    else {
      pieces.push(opening + segment);
      opening = '';
    }
  }
  if (opening) pieces.push(opening);
  return pieces;
}

/** Wraps by terminal columns, breaking between Japanese words too (commander breaks only at spaces). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of breakable(paragraph)) {
      if (line && displayWidth(line + piece) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

/** commander's own refusals (English, exit 1) as a Japanese usage error (exit 2) naming the help to read. */
function usageError(cmd: CommandUnknownOpts, err: CommanderError): CliError {
  const quoted = err.message.match(/'([^']*)'/)?.[1] ?? '';
  const flag = quoted.split(/[ ,]/)[0] ?? quoted;
  const suggestion = err.message.match(/Did you mean (.+)\?/)?.[1];
  const messages: Record<string, string> = {
    'commander.missingMandatoryOptionValue': `${flag} を指定してください。`,
    'commander.optionMissingArgument': `${flag} の値を指定してください。`,
    'commander.unknownOption': `不明なオプションです: ${quoted}`,
    'commander.unknownCommand': `不明なコマンドです: ${quoted}`,
    'commander.excessArguments': `余分な引数があります: ${cmd.args.slice(cmd.registeredArguments.length).join(' ')}`,
  };
  const names: string[] = [];
  for (let c: CommandUnknownOpts | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return new CliError(
    exitCodes.usage,
    `${messages[err.code] ?? err.message}${suggestion ? `（もしかして: ${suggestion}）` : ''}\n` +
      `説明: npm run kasane -- ${[...names, '--help'].join(' ')}`,
  );
}

/**
 * Help in Japanese for a command and its subcommands, and every refusal thrown (never printed in
 * English, never a process.exit) so that the CLI answers it with its own exit code.
 */
export function inJapaneseWithOurExitCodes(cmd: CommandUnknownOpts): void {
  cmd
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      commandUsage: (c) => inJapanese(new Help().commandUsage(c)),
      subcommandTerm: (c) => inJapanese(new Help().subcommandTerm(c)),
      displayWidth,
      boxWrap: wrap,
    })
    .helpOption('-h, --help', 'この説明を表示する')
    .configureOutput({ outputError: () => {} })
    .exitOverride((err) => {
      // --help printed help: exit 0. A bare `kasane` or `kasane users` printed it as an error: exit 2.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help') throw err;
      throw usageError(cmd, err);
    });
  if (cmd.commands.length > 0) cmd.helpCommand('help [コマンド]', 'コマンドの説明を表示する');
  for (const sub of cmd.commands) inJapaneseWithOurExitCodes(sub);
}
