import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { thisProcess } from './data-folder-lock.js';
import { sweepTemporaryDocuments, temporaryDocumentFolder } from './temporary-documents.js';
import { tempDataDir } from './testing/temp-data-dir.js';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
});
afterEach(async () => cleanup());

/** The id of a process that has ended (a real one, so the check is the real one). */
const endedPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('「Wordで開く」の一時ファイルは、クラッシュしても次の起動で消える', () => {
  it('終わった実行のフォルダは消し、動いている実行（この実行）のものは残す', async () => {
    const ours = await temporaryDocumentFolder(root);
    await writeFile(join(ours, '様式1.docx'), 'PK');
    const crashed = join(root, `${endedPid()}-${Date.now() - 60_000}`);
    await mkdir(join(crashed, 'open-abc'), { recursive: true });
    await writeFile(join(crashed, 'open-abc', '様式5.docx'), 'PK');
    // Our own process id with another start time: an earlier run whose id this run reuses.
    const reused = join(root, `${thisProcess.pid}-${thisProcess.startedAt - 3_600_000}`);
    await mkdir(reused);
    await writeFile(join(root, 'stray.docx'), 'PK');

    const removed = await sweepTemporaryDocuments(root);
    expect(removed.sort()).toEqual(
      [crashed, reused, join(root, 'stray.docx')].map((p) => p.slice(root.length + 1)).sort(),
    );
    expect(await readdir(root)).toEqual([`${thisProcess.pid}-${thisProcess.startedAt}`]);
    expect(await readdir(ours)).toEqual(['様式1.docx']);
  });

  it('一時フォルダがまだなければ何もしない', async () => {
    expect(await sweepTemporaryDocuments(join(root, 'none'))).toEqual([]);
  });
});
