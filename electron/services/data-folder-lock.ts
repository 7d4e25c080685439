import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { syncDirectory } from './durable-files.js';
import { KasaneError } from './errors.js';

/**
 * One owner of the data folder at a time: the app for as long as it runs, each admin command for as
 * long as it runs. The owner holds `kasane.lock` (created exclusively) with its process id and start
 * time. A lock whose process is gone, or whose process id now belongs to a younger process, is
 * stale and is taken over; any other lock refuses with DATA_FOLDER_IN_USE.
 */

export const lockFileName = 'kasane.lock';

const lockSchema = z.object({
  format: z.literal('kasane-lock'),
  pid: z.number().int().positive(),
  /** The owner process's start (epoch ms), to tell a reused process id from the owner. */
  startedAt: z.number(),
  /** A hash of the computer's name (never the name itself): a lock from another PC cannot be checked. */
  host: z.string(),
  via: z.string(),
  token: z.string(),
});
type LockContent = z.infer<typeof lockSchema>;

const thisHost = createHash('sha256').update(hostname()).digest('hex').slice(0, 16);
const thisStart = Math.round(performance.timeOrigin);

export interface DataFolderLock {
  release(): Promise<void>;
}

/** Locks this process already holds (tests open several sessions in one process). */
const held = new Map<string, { token: string; count: number }>();

function processStartOnLinux(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, clock ticks since boot) comes after the command name in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootTime)) return null;
    return (bootTime + ticks / 100) * 1000;
  } catch {
    return null;
  }
}

/** This process as others see it: its id and start time (epoch ms). */
export const thisProcess = { pid: process.pid, startedAt: thisStart } as const;

/** Whether a process of this computer that started at `startedAt` is still running. */
export function processAlive(pid: number, startedAt: number): boolean {
  if (pid === process.pid) return startedAt === thisStart;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (process.platform === 'linux') {
    const started = processStartOnLinux(pid);
    if (started !== null && Math.abs(started - startedAt) > 10_000) return false;
  }
  return true;
}

/** Whether the process that wrote this lock is still running. */
export function ownerAlive(lock: LockContent): boolean {
  if (lock.host !== thisHost) return true;
  return processAlive(lock.pid, lock.startedAt);
}

function inUse(lock: LockContent | null): KasaneError {
  if (!lock) return new KasaneError('DATA_FOLDER_IN_USE');
  const since = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(lock.startedAt));
  const who = lock.via === 'cli' ? '管理コマンド' : 'かさね';
  const where = lock.host === thisHost ? '' : '別のコンピューターの';
  return new KasaneError(
    'DATA_FOLDER_IN_USE',
    `このデータフォルダは、${where}${who}（プロセス番号 ${lock.pid}、${since} から）が使っています。アプリや他の管理コマンドを終了してから、もう一度実行してください。`,
    { pid: lock.pid, startedAt: new Date(lock.startedAt).toISOString() },
  );
}

async function readLock(path: string): Promise<LockContent | 'unreadable' | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    return lockSchema.parse(JSON.parse(text));
  } catch {
    return 'unreadable';
  }
}

/**
 * Creates the lock with its content in one step: the content is written to a temporary file, which
 * is then hard-linked to the lock's name (link fails if the name exists). A crash therefore never
 * leaves an empty lock. Where links are not supported, the lock is created exclusively instead.
 * `diskNow` is when the temporary file was written by the folder's own clock (see claimDataFolder).
 */
async function createLock(
  path: string,
  content: LockContent,
): Promise<{ created: boolean; diskNow: number }> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  let diskNow: number;
  try {
    await handle.writeFile(JSON.stringify(content));
    await handle.sync();
    diskNow = (await handle.stat()).mtimeMs;
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, path);
    return { created: true, diskNow };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { created: false, diskNow };
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    return { created: await createExclusively(path, content), diskNow };
  } finally {
    await rm(tmp, { force: true });
  }
}

async function createExclusively(path: string, content: LockContent): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(JSON.stringify(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Takes the data folder for this process, or throws DATA_FOLDER_IN_USE naming who has it. With
 * `create`, a missing folder is made (set-up); without, it is NOT_INITIALIZED.
 */
export async function claimDataFolder(
  dataDir: string,
  via: string,
  options: { create: boolean },
): Promise<DataFolderLock> {
  const dir = resolve(dataDir);
  if (options.create) await mkdir(dir, { recursive: true, mode: 0o700 });
  else {
    const found = await stat(dir).catch(() => null);
    if (!found?.isDirectory()) throw new KasaneError('NOT_INITIALIZED');
  }
  const path = join(dir, lockFileName);
  const mine = held.get(dir);
  if (mine) {
    const current = await readLock(path);
    if (typeof current === 'object' && current.token === mine.token) {
      mine.count += 1;
      return { release: () => releaseHeld(dir, path) };
    }
    held.delete(dir);
  }

  const token = randomBytes(16).toString('hex');
  const content: LockContent = {
    format: 'kasane-lock',
    pid: process.pid,
    startedAt: thisStart,
    host: thisHost,
    via,
    token,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const { created, diskNow } = await createLock(path, content);
    if (created) {
      await syncDirectory(dir);
      held.set(dir, { token, count: 1 });
      return { release: () => releaseHeld(dir, path) };
    }
    const existing = await readLock(path);
    if (existing === 'missing') continue;
    if (existing === 'unreadable') {
      // Written whole by a link, a lock is unreadable only if cut short (a crash where links are not
      // supported, or a damaged disk). A brand-new one may still be being written: wait for that.
      // Its age by the folder's clock, which stamped it: a shared folder's clock may differ from this PC's.
      const age = diskNow - (await stat(path)).mtimeMs;
      if (age < 2_000) throw inUse(null);
    } else if (ownerAlive(existing)) {
      throw inUse(existing);
    }
    // Stale: move it aside (only one of two racing processes can), check it was the one judged.
    const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
    try {
      await rename(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = await readLock(aside);
    const sameAsJudged =
      existing === 'unreadable'
        ? moved === 'unreadable'
        : typeof moved === 'object' && moved.token === existing.token;
    if (!sameAsJudged) {
      await rename(aside, path);
      continue;
    }
    await rm(aside, { force: true });
  }
  throw inUse(null);
}

async function releaseHeld(dir: string, path: string): Promise<void> {
  const mine = held.get(dir);
  if (!mine) return;
  mine.count -= 1;
  if (mine.count > 0) return;
  held.delete(dir);
  const current = await readLock(path);
  if (typeof current === 'object' && current.token === mine.token) {
    await rm(path);
    await syncDirectory(dir);
  }
}
