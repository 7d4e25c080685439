import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('動的 import したモジュールは入口とは別のファイル（チャンク）になる', async () => {
    const entry = await bundle();
    const chunks = await readdir(join(entry, '..'));
    expect(chunks.filter((name) => name !== 'entry.mjs').length).toBeGreaterThan(0);
  });
});
