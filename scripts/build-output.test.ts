import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Electron-only pitfalls that no Node test would notice, checked on what `electron-vite build` wrote.
 * The CI test command builds first; locally run `npm run build` before this file.
 */
const out = join(import.meta.dirname, '..', 'out');
const read = (...path: string[]) => readFileSync(join(out, ...path), 'utf8');

beforeAll(() => {
  for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!existsSync(join(out, file))) {
      throw new Error(
        `out/${file} is missing: run \`npm run build\` (electron-vite build) before this test.`,
      );
    }
  }
});

describe('preload バンドル（sandbox の中で動く）', () => {
  it('require するのは electron だけ（npm パッケージは sandbox で読めない）', () => {
    const bundle = read('preload', 'index.cjs');
    const requires = [...bundle.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]?.trim());
    expect(requires.length).toBeGreaterThan(0);
    expect(requires.filter((r) => r !== '"electron"' && r !== "'electron'")).toEqual([]);
  });

  it('CommonJS で書かれている', () => {
    const bundle = read('preload', 'index.cjs');
    expect(bundle).not.toMatch(/^\s*(import|export)\b/m);
    expect(bundle).not.toMatch(/\bimport\s*\(/);
  });

  it('zod（検証）を含まない。検証は main で行う', () => {
    expect(read('preload', 'index.cjs')).not.toMatch(/zod/i);
  });
});

describe('main バンドル', () => {
  // The main entry, the job worker and their shared chunks: the store may be imported from any of them.
  const mainFiles = () =>
    readdirSync(join(out, 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => ({ file, text: read('main', file) }));

  it('暗号化ストアのネイティブモジュールは node_modules から読む（バンドルしない）', () => {
    const files = mainFiles();
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['index.js', 'job-worker.js']));
    const importing = files.filter((f) =>
      /\bfrom\s*["']better-sqlite3-multiple-ciphers["']|require\(\s*["']better-sqlite3-multiple-ciphers["']\s*\)/.test(
        f.text,
      ),
    );
    expect(importing.length).toBeGreaterThan(0);
    for (const { file, text } of files) {
      expect(text, file).not.toMatch(/better_sqlite3\.node|require\(\s*["']bindings["']\s*\)/);
    }
  });
});

describe('ジョブのワーカー（out/main/job-worker.js）', () => {
  /** The files Node loads when the worker starts: the entry and every chunk it imports statically. */
  const loadedAtStart = () => {
    const seen = new Map<string, string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      const text = read('main', file);
      seen.set(file, text);
      for (const m of text.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)";?$/gm))
        if (m[1]) visit(join(file, '..', m[1]));
      for (const m of text.matchAll(/^import\s*"(\.[^"]+)";?$/gm)) if (m[1]) visit(join(file, '..', m[1]));
    };
    visit('job-worker.js');
    return seen;
  };

  it('起動時に読むのはデータの点検に要るものだけ（kysely・zod・移行は仕事のときに読む）', () => {
    const files = loadedAtStart();
    expect(files.size).toBeGreaterThan(1);
    const text = [...files.values()].join('\n');
    const packages = new Set(
      [...text.matchAll(/^import\s[^;]*?from\s*"([^".][^"]*)";?$/gm)]
        .map((m) => m[1] ?? '')
        .filter((p) => !p.startsWith('node:')),
    );
    expect([...packages]).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(text).not.toMatch(/^\/\/ db\/migrations\//m);
    // The other tasks' chunk is still built and reached through a dynamic import.
    const lazy = [...read('main', 'job-worker.js').matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => m[1] ?? '');
    expect(lazy).toHaveLength(1);
    expect(existsSync(join(out, 'main', lazy[0] ?? ''))).toBe(true);
    expect(read('main', lazy[0] ?? '')).toMatch(/runWorkerTask/);
  });
});

describe('renderer の index.html（CSP: script-src/style-src は self のみ）', () => {
  const html = () => read('renderer', 'index.html');

  it('インラインのスクリプトがない', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=/i);
      expect(body?.trim()).toBe('');
    }
    expect(html()).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('インラインのスタイルがない', () => {
    expect(html()).not.toMatch(/\sstyle\s*=/i);
    expect(html()).not.toMatch(/<style\b/i);
  });
});
