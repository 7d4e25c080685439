import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimDataFolder, lockFileName } from './data-folder-lock.js';
import { tempDataDir } from './testing/temp-data-dir.js';

let dir: string;
let cleanup: () => Promise<void>;
const children: ChildProcess[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await cleanup();
});

/** Another process (as the running app would be) that holds the folder. */
async function holder(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/services/testing/hold-data-folder.ts', dir],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

describe('データフォルダの持ち主は一つだけ（kasane.lock）', () => {
  it('別のプロセスが持っている間は、プロセス番号と開始時刻を添えて断る', async () => {
    const child = await holder();
    const refused = await claimDataFolder(dir, 'cli', { create: false }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'DATA_FOLDER_IN_USE', details: { pid: child.pid } });
    expect(refused.message).toContain(`プロセス番号 ${child.pid}`);
    expect(refused.message).toContain('かさね');
    child.stdin?.end();
    await exited(child);
    const lock = await claimDataFolder(dir, 'cli', { create: false });
    await lock.release();
  });

  it('持ち主が kill -9 で終わっていれば、残った鍵は古いものとして引き継ぐ', async () => {
    const child = await holder();
    child.kill('SIGKILL');
    await exited(child);
    expect(await readFile(join(dir, lockFileName), 'utf8')).toContain(`"pid":${child.pid}`);
    const lock = await claimDataFolder(dir, 'cli', { create: false });
    expect(await readFile(join(dir, lockFileName), 'utf8')).toContain(`"pid":${process.pid}`);
    await lock.release();
  });

  it('同じプロセス番号でも開始時刻が違えば（番号の再利用）、古い鍵として扱う', async () => {
    const child = await holder();
    const content = JSON.parse(await readFile(join(dir, lockFileName), 'utf8'));
    child.kill('SIGKILL');
    await exited(child);
    // A live process (this one's parent) with a start time that is not its own.
    await writeFile(
      join(dir, lockFileName),
      JSON.stringify({ ...content, pid: process.ppid, startedAt: content.startedAt + 3_600_000 }),
    );
    const lock = await claimDataFolder(dir, 'cli', { create: false });
    await lock.release();
  });

  /** Five seconds before now by the folder's own clock (which stamps files), whatever this process's clock says. */
  async function fiveSecondsAgoOnDisk(): Promise<Date> {
    const probe = join(dir, 'clock-probe');
    await writeFile(probe, '');
    return new Date((await stat(probe)).mtimeMs - 5_000);
  }

  it('読めない鍵ファイルは、書かれてすぐなら使用中、古ければ壊れた残りとして扱う', async () => {
    await writeFile(join(dir, lockFileName), '{"format":"kasane-lo');
    await expect(claimDataFolder(dir, 'cli', { create: false })).rejects.toMatchObject({
      code: 'DATA_FOLDER_IN_USE',
    });
    const old = await fiveSecondsAgoOnDisk();
    await utimes(join(dir, lockFileName), old, old);
    const lock = await claimDataFolder(dir, 'cli', { create: false });
    await lock.release();
  });

  it('読めない鍵ファイルの新旧は、この PC の時計ではなくフォルダの時計で測る（共有フォルダの時計のずれ）', async () => {
    const path = join(dir, lockFileName);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    try {
      // Written just now by the folder's clock, while this PC's clock runs an hour ahead: still in use.
      await writeFile(path, '{"format":"kasane-lo');
      vi.setSystemTime(Date.now() + 3_600_000);
      await expect(claimDataFolder(dir, 'cli', { create: false })).rejects.toMatchObject({
        code: 'DATA_FOLDER_IN_USE',
      });
      // Left 5 s ago by the folder's clock, while this PC's clock runs two hours behind: a broken remnant.
      const old = await fiveSecondsAgoOnDisk();
      await utimes(path, old, old);
      vi.setSystemTime(Date.now() - 7_200_000);
      const lock = await claimDataFolder(dir, 'cli', { create: false });
      await lock.release();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ないフォルダは作らずに「初期設定されていない」とする（初期設定だけが作る）', async () => {
    await expect(claimDataFolder(join(dir, 'typo'), 'cli', { create: false })).rejects.toMatchObject({
      code: 'NOT_INITIALIZED',
    });
  });

  it('手放すと鍵ファイルは消え、他人の鍵ファイルは消さない', async () => {
    const lock = await claimDataFolder(dir, 'cli', { create: false });
    const path = join(dir, lockFileName);
    const mine = await readFile(path, 'utf8');
    await writeFile(path, mine.replace(/"token":"[0-9a-f]+"/, '"token":"someone-else"'));
    await lock.release();
    expect(await readFile(path, 'utf8')).toContain('someone-else');
  });
});
