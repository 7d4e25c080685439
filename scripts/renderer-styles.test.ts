import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The renderer's CSS is scoped per component (CSS Modules): a stylesheet styles only its own
 * component's classes, so no feature can restyle another feature's or ui/'s. These checks keep it so.
 */

const src = resolve(import.meta.dirname, '../renderer/src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).map((f) => f.replaceAll('\\', '/'));

/** The only stylesheets that are not modules, and why. */
const notModules = {
  // Design tokens, element defaults and four text utilities, for every screen.
  'ui/base.css': true,
  // Adopted by the 様式 preview's shadow root only (DocxPreview), never by the page.
  'documents/docx-frame.css': true,
};
const globalUtilities = ['muted', 'small', 'nowrap', 'visually-hidden'];

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const classesOf = (css: string) =>
  new Set([...withoutComments(css).matchAll(/\.(-?[a-zA-Z_][\w-]*)/g)].map((m) => camel(m[1] ?? '')));

const modules = files.filter((f) => f.endsWith('.module.css'));
const sources = files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
const read = (f: string) => readFileSync(join(src, f), 'utf8');

/** Every `import x from '….module.css'` and the classes read from it (`x.name`). */
const imports = sources.flatMap((file) => {
  const code = read(file);
  return [...code.matchAll(/^import (\w+) from '([^']+\.module\.css)';$/gm)].map((m) => {
    const name = m[1] ?? '';
    const module = relative(src, resolve(src, dirname(file), m[2] ?? '')).replaceAll('\\', '/');
    const used = [...code.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))].map((u) => u[1] ?? '');
    return { file, module, used };
  });
});

describe('CSS scoped per component', () => {
  test('every stylesheet is a CSS Module, except the base and the preview’s shadow sheet', () => {
    const others = files.filter((f) => f.endsWith('.css') && !f.endsWith('.module.css'));
    expect(others.sort()).toEqual(Object.keys(notModules).sort());
  });

  test('only main.tsx imports a plain stylesheet (the base)', () => {
    const plain = sources.flatMap((file) =>
      [...read(file).matchAll(/^import '([^']+\.css)';$/gm)].map((m) => `${file}: ${m[1]}`),
    );
    expect(plain).toEqual(['main.tsx: ./ui/base.css']);
  });

  test('no module reaches outside itself with :global', () => {
    const leaking = modules.filter((f) => read(f).includes(':global'));
    expect(leaking).toEqual([]);
  });

  test('the base stylesheet styles elements and four utilities, no component', () => {
    const classes = [...classesOf(read('ui/base.css'))].map((c) =>
      c.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`),
    );
    expect(classes.sort()).toEqual([...globalUtilities].sort());
  });

  test('a module is used only by its own feature (ui/ modules by anyone)', () => {
    const feature = (f: string) => f.split('/')[0];
    const crossing = imports
      .filter((i) => !i.module.startsWith('ui/') && feature(i.module) !== feature(i.file))
      .map((i) => `${i.file} → ${i.module}`);
    expect(crossing).toEqual([]);
  });

  test('every class a component reads exists in its module', () => {
    const missing = imports.flatMap((i) => {
      const defined = classesOf(read(i.module));
      return i.used.filter((c) => !defined.has(c)).map((c) => `${i.file}: ${i.module} has no .${c}`);
    });
    expect(missing).toEqual([]);
  });

  test('a class written as text is one of the four global utilities', () => {
    const written = sources.flatMap((file) => {
      const code = read(file);
      const attributes = [...code.matchAll(/[cC]lassName="([^"]*)"/g)].map((m) => m[1] ?? '');
      const inCx = [...code.matchAll(/\bcx\(([^()]*)\)/g)].flatMap((m) =>
        (m[1] ?? '').split(',').map((arg) => /^\s*'([^']*)'\s*$/.exec(arg)?.[1] ?? ''),
      );
      const inConditions = [...code.matchAll(/[cC]lassName=\{[^}]*?[?:]\s*'([^']*)'/g)].map(
        (m) => m[1] ?? '',
      );
      return [...attributes, ...inCx, ...inConditions]
        .flatMap((text) => text.split(/\s+/).filter(Boolean))
        .filter((name) => !globalUtilities.includes(name))
        .map((name) => `${file}: ${name}`);
    });
    expect(written).toEqual([]);
  });

  test('every class a module defines is used by a component (no dead CSS)', () => {
    const dead = modules.flatMap((module) => {
      const used = new Set(imports.filter((i) => i.module === module).flatMap((i) => i.used));
      return [...classesOf(read(module))].filter((c) => !used.has(c)).map((c) => `${module}: .${c}`);
    });
    expect(dead).toEqual([]);
  });
});
