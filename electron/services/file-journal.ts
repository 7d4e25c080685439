import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { syncDirectory, writeFileDurably } from './durable-files.js';
import { KasaneError } from './errors.js';
import { failpoint } from './failpoint.js';

/**
 * Changes that touch several files of the data folder (set-up, restore) are staged in full in a
 * folder of their own, then applied by renames listed in `kasane.journal`. The journal is written
 * (and flushed) before the first rename and removed after the last, so a crash at any point leaves
 * either the journal — which the next start completes (restore) or undoes (set-up) — or nothing.
 *
 * A move whose target already exists is done; targets are chosen so that none exists beforehand.
 */

export const journalFileName = 'kasane.journal';

const journalSchema = z.object({
  format: z.literal('kasane-journal'),
  version: z.literal(1),
  op: z.enum(['setup', 'restore']),
  /** The staging folder, relative to the data folder; removed when the journal is done. */
  staging: z.string(),
  /** Paths relative to the data folder. */
  moves: z.array(z.object({ from: z.string(), to: z.string(), optional: z.boolean() })),
});
export type Journal = z.infer<typeof journalSchema>;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function move(dataDir: string, step: Journal['moves'][number]): Promise<'moved' | 'skipped'> {
  const from = join(dataDir, step.from);
  const to = join(dataDir, step.to);
  if (await exists(to)) return 'skipped';
  if (!(await exists(from))) {
    if (step.optional) return 'skipped';
    throw new KasaneError('FILE_OPERATION_FAILED', undefined, { missing: step.from });
  }
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await rename(from, to);
  return 'moved';
}

async function finish(dataDir: string, journal: Journal): Promise<void> {
  const dirs = new Set(
    journal.moves.flatMap((m) => [dirname(join(dataDir, m.to)), dirname(join(dataDir, m.from))]),
  );
  for (const dir of dirs) if (await exists(dir)) await syncDirectory(dir);
  await rm(join(dataDir, journal.staging), { recursive: true, force: true });
  await rm(join(dataDir, journalFileName), { force: true });
  await syncDirectory(dataDir);
}

/** Undoes the moves done so far (newest first): staged files are deleted, others moved back. */
async function undo(dataDir: string, journal: Journal, done: Journal['moves']): Promise<void> {
  for (const step of [...done].reverse()) {
    const to = join(dataDir, step.to);
    if (step.from.startsWith(`${journal.staging}/`)) await rm(to, { force: true });
    else await rename(to, join(dataDir, step.from));
  }
}

/** Writes the journal, then applies it. A failed rename undoes what was done and throws. */
export async function applyJournal(
  dataDir: string,
  journal: Omit<Journal, 'format' | 'version'>,
): Promise<void> {
  const full: Journal = { format: 'kasane-journal', version: 1, ...journal };
  await writeFileDurably(join(dataDir, journalFileName), JSON.stringify(full, null, 2));
  failpoint(`${journal.op}:journal-written`);
  const done: Journal['moves'] = [];
  try {
    for (const [i, step] of full.moves.entries()) {
      if ((await move(dataDir, step)) === 'moved') done.push(step);
      failpoint(`${journal.op}:moved-${i + 1}`);
    }
  } catch (err) {
    try {
      await undo(dataDir, full, done);
    } catch {
      throw new KasaneError(
        'FILE_OPERATION_FAILED',
        'ファイルの入れ替えが途中で止まりました。かさねを次に起動したときに続きを行います。ほかのプログラムがデータフォルダのファイルを開いていないか確認してください。',
        { cause: (err as NodeJS.ErrnoException).code ?? 'unknown' },
      );
    }
    await finish(dataDir, full);
    throw new KasaneError(
      'FILE_OPERATION_FAILED',
      'ファイルを入れ替えられませんでした（ほかのプログラムが開いている可能性があります）。何も変更していません。',
      { cause: (err as NodeJS.ErrnoException).code ?? 'unknown' },
    );
  }
  await finish(dataDir, full);
}

/**
 * At start, under the data-folder lock: a journal left by a crash is completed (restore: the
 * staged backup was already checked) or undone (set-up: the person runs set-up again).
 */
export async function recoverJournal(dataDir: string): Promise<'none' | 'completed' | 'undone'> {
  let text: string;
  try {
    text = await readFile(join(dataDir, journalFileName), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw err;
  }
  let journal: Journal;
  try {
    journal = journalSchema.parse(JSON.parse(text));
  } catch {
    // A journal is written whole before anything moves: an unreadable one moved nothing.
    await rm(join(dataDir, journalFileName), { force: true });
    return 'none';
  }
  if (journal.op === 'setup') {
    const moved: Journal['moves'] = [];
    for (const step of journal.moves)
      if (!(await exists(join(dataDir, step.from))) && (await exists(join(dataDir, step.to))))
        moved.push(step);
    await undo(dataDir, journal, moved);
    await finish(dataDir, journal);
    return 'undone';
  }
  for (const step of journal.moves) await move(dataDir, step);
  await finish(dataDir, journal);
  return 'completed';
}
