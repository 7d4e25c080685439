import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sweepTemporaryFiles } from './durable-files.js';
import { journalFileName, recoverJournal } from './file-journal.js';

/**
 * What every owner does first, once it holds the data-folder lock: finish or undo a multi-file
 * change a crash interrupted, then remove what interrupted writes left (staging folders without a
 * journal, `.tmp` files, set-aside stale locks).
 */
export async function prepareDataFolder(dataDir: string): Promise<{
  journal: Awaited<ReturnType<typeof recoverJournal>>;
  removed: string[];
}> {
  const journal = await recoverJournal(dataDir);
  const removed = await sweepTemporaryFiles(dataDir);
  for (const name of await readdir(dataDir)) {
    if (name === journalFileName) continue;
    if (name.startsWith('.staging-') || /^kasane\.lock\.[0-9a-f]{12}\.stale$/.test(name)) {
      await rm(join(dataDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return { journal, removed };
}
