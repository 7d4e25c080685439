import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { bundledEntry } from './bundle.mjs';

let root: string;
let cleanup: () => Promise<void>;
const cacheDir = () => join(root, 'cache');
const bundle = () => bundledEntry({ root, entry: 'src/main.ts', cacheDir: cacheDir() });
const run = (entry: string) => spawnSync(process.execPath, [entry], { encoding: 'utf8' }).stdout.trim();

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  await mkdir(join(root, 'src'));
  await writeFile(
    join(root, 'src', 'main.ts'),
    `const { word } = await import('./word.js');\nconsole.log(word satisfies string);\n`,
  );
  await writeFile(join(root, 'src', 'word.ts'), `export const word: string = 'いち';\n`);
});
afterAll(async () => cleanup());

describe('管理コマンドの起動（esbuild のバンドル）', () => {
  it('初回はバンドルを作り、ソースが変わらなければ作り直さず、変われば作り直す', async () => {
    const first = await bundle();
    expect(run(first)).toBe('いち');
    expect(await bundle()).toBe(first);

    await writeFile(join(root, 'src', 'word.ts'), `export const word: string = 'に';\n`);
    const second = await bundle();
    expect(second).not.toBe(first);
    expect(run(second)).toBe('に');
    // The earlier build stays: a command started from it may still load its lazy chunks.
    expect(run(first)).toBe('いち');
  });

  it('このプロセスの時計がディスクの時計より遅れていても（仮想マシン・共有フォルダ）、変わらないソースから作り直さない', async () => {
    await writeFile(join(root, 'src', 'word.ts'), `export const word: string = 'さん';\n`);
    // The sources were just stamped by the disk's clock; this process's clock reads an hour earlier.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() - 3_600_000);
    try {
      const built = await bundle();
      expect(run(built)).toBe('さん');
      // Kept as the latest build, so the next command starts from it instead of building again.
      const latest = JSON.parse(await readFile(join(cacheDir(), 'latest.json'), 'utf8'));
      expect(join(cacheDir(), latest.dir, 'entry.mjs')).toBe(built);
      expect(await bundle()).toBe(built);
    } finally {
      vi.useRealTimers();
    }
  });

  it('動的 import したモジュールは入口とは別のファイル（チャンク）になる', async () => {
    const entry = await bundle();
    const chunks = await readdir(join(entry, '..'));
    expect(chunks.filter((name) => name !== 'entry.mjs').length).toBeGreaterThan(0);
  });
});
