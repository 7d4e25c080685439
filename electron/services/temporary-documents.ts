import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive, thisProcess } from './data-folder-lock.js';

/**
 * 「Wordで開く」 writes documents (personal data in plain text) to a temporary folder, removed on lock
 * and on exit. A crash skips that, so each run keeps its copies in a folder named after its process
 * (`<pid>-<start ms>`), and every start removes the folders of runs that are no longer running.
 */
export const temporaryDocumentsRoot = (base: string = tmpdir()) => join(base, 'kasane-documents');

const runFolderName = /^(\d+)-(\d+)$/;

/** A new private folder for one 「Wordで開く」, inside this run's folder. */
export async function temporaryDocumentFolder(root: string): Promise<string> {
  const run = join(root, `${thisProcess.pid}-${thisProcess.startedAt}`);
  await mkdir(run, { recursive: true, mode: 0o700 });
  return mkdtemp(join(run, 'open-'));
}

/** Removes what runs that ended without cleaning up left behind; returns the folders removed. */
export async function sweepTemporaryDocuments(
  root: string,
  alive: (pid: number, startedAt: number) => boolean = processAlive,
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names) {
    const run = runFolderName.exec(name);
    // Anything else in our folder was put there by us and is of no use now.
    if (run && alive(Number(run[1]), Number(run[2]))) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
