import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ImportReport } from '../../ipc/schemas/imports.js';
import { type ImportFile, previewImport, runImport } from '../../services/import/index.js';
import { fileTooLarge, importThreadLimits } from '../../services/import/limits.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { asCliError, cliContext, serviceContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

const importable = /\.(xlsx|csv)$/i;

/** An .xlsx, CSV files, or folders of them; Excel's lock files (~$…) and hidden files are skipped. */
async function collectFiles(paths: readonly string[]): Promise<ImportFile[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new CliError(exitCodes.usage, `ファイルかフォルダが見つかりません: ${path}`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const inside = (await readdir(path))
      .filter((name) => importable.test(name) && !name.startsWith('~$') && !name.startsWith('.'))
      .sort()
      .map((name) => join(path, name));
    if (inside.length === 0) {
      throw new CliError(exitCodes.usage, `フォルダに .xlsx も .csv もありません: ${path}`);
    }
    files.push(...inside);
  }
  // A file past the size bound is refused before it is read (the services check the bytes again).
  for (const path of files) {
    const tooLarge = fileTooLarge(basename(path), (await stat(path)).size);
    if (tooLarge) throw new CliError(exitCodes.importFailed, `${tooLarge}\n何も登録していません。`);
  }
  return Promise.all(
    files.map(async (path) => ({ name: basename(path), base64: (await readFile(path)).toString('base64') })),
  );
}

/** The meeting counts only when the book had meetings, so a ledger of households reads as before. */
const countsLine = ({ counts }: ImportReport) =>
  `世帯 ${counts.households}件、世帯員 ${counts.members}人${counts.relations > 0 ? `、家族関係 ${counts.relations}件` : ''}、同意 ${counts.consents}件、新しい機関 ${counts.agenciesAdded}件${
    counts.meetings > 0
      ? `、会議 ${counts.meetings}件、出席者 ${counts.attendees}人、プラン ${counts.planRows}行`
      : ''
  }`;

interface ImportOptions {
  dataDir: string;
  user?: string;
  dryRun?: boolean;
}

/** Reads, checks and writes in this thread (the import thread). */
async function importHere(paths: string[], opts: ImportOptions): Promise<number> {
  const files = await collectFiles(paths);
  const ctx = cliContext(opts.dataDir, opts.user);
  return withCliVault(ctx, async (vault) => {
    const service = serviceContext(vault, ctx.clock());
    const report = opts.dryRun
      ? await previewImport(service, { files })
      : await runImport(service, { files });
    if (!report.ok) {
      process.stderr.write(report.errors.map((line) => `${line}\n`).join(''));
      process.stderr.write(
        `取り込めませんでした（誤り ${report.errors.length}件）。何も登録していません。\n`,
      );
      return exitCodes.importFailed;
    }
    const done = opts.dryRun ? '確認しました（まだ登録していません）' : '取り込みました';
    process.stdout.write(`${done}: ${countsLine(report)}\n`);
    return exitCodes.ok;
  });
}

/** What the main thread hands the import thread (the passphrase travels in its environment). */
interface ImportThreadStart {
  kasaneImport: true;
  paths: string[];
  opts: ImportOptions;
}
/** How it ended: an exit code and a message for stderr, or the class of an unexpected error. */
type ImportThreadEnd = { exitCode: number; message: string } | { unexpected: string };

/**
 * All or nothing, like the app: every error on stderr and exit 6, or the counts on stdout. The
 * import runs in a thread of its own with a small young generation (importThreadLimits), so the
 * largest ledger the limits accept stays well under 500 MB.
 */
export async function importCommand(paths: string[], opts: ImportOptions): Promise<number> {
  if (paths.length === 0) {
    throw new CliError(exitCodes.usage, '取り込むファイル（.xlsx か .csv）かフォルダを指定してください。');
  }
  // Asked here: only the main thread has the terminal.
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'パスフレーズ: ');
  const end = await new Promise<ImportThreadEnd>((resolve, reject) => {
    let ended: ImportThreadEnd | null = null;
    const thread = new Worker(new URL(import.meta.url), {
      workerData: { kasaneImport: true, paths, opts } satisfies ImportThreadStart,
      env: { ...process.env, KASANE_PASSPHRASE: passphrase },
      resourceLimits: importThreadLimits,
    });
    thread.on('message', (message: ImportThreadEnd) => {
      ended = message;
    });
    thread.on('error', reject);
    thread.on('exit', () =>
      ended ? resolve(ended) : reject(new Error('import thread ended without a result')),
    );
  });
  if ('unexpected' in end) throw Object.assign(new Error('import failed'), { name: end.unexpected });
  if (end.message) throw new CliError(end.exitCode, end.message);
  return end.exitCode;
}

if (!isMainThread && (workerData as Partial<ImportThreadStart> | null)?.kasaneImport) {
  const { paths, opts } = workerData as ImportThreadStart;
  const post = (end: ImportThreadEnd) => parentPort?.postMessage(end);
  importHere(paths, opts).then(
    (exitCode) => post({ exitCode, message: '' }),
    (err: unknown) => {
      try {
        const { exitCode, message } = asCliError(err);
        post({ exitCode, message });
      } catch {
        // The class only: a message may quote personal data.
        post({ unexpected: (err as Error)?.name ?? 'unknown' });
      }
    },
  );
}
