import { stderr, stdin } from 'node:process';

/** Reads a line from the terminal without echoing it. Ctrl+C aborts. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('入力が中断されました。'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export class MissingSecretError extends Error {}

/**
 * A secret from the environment variable, or a no-echo prompt when a person is at a terminal.
 * With `confirm`, a prompted secret is asked twice.
 */
export async function readSecret(envName: string, question: string, confirm = false): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!stdin.isTTY)
    throw new MissingSecretError(`${envName} が設定されておらず、端末から入力することもできません。`);
  const first = await promptHidden(question);
  if (confirm && (await promptHidden('確認のためもう一度入力してください: ')) !== first) {
    throw new MissingSecretError('確認用の入力が一致しません。');
  }
  return first;
}
