import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * File writes that survive a crash or power cut: write a temporary file, flush it, rename it over
 * the old one, flush the folder. Every failure is thrown, never ignored.
 */

const temporaryName = /\.(?:[0-9a-f]{12}|\d+)\.tmp$/;

/** Flushes a folder's entries (a rename is durable only then). Windows cannot open folders for this. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurably(path: string, data: string | Buffer, mode = 0o600): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** Removes what an interrupted durable write left behind (`name.<random>.tmp`). */
export async function sweepTemporaryFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => temporaryName.test(name));
  for (const name of names) await rm(join(dir, name), { force: true });
  return names;
}
