import { Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { compileParts } from './compile.js';
import { type DocumentSection, type DocumentSpec, wordDocument } from './document.js';
import { pageCounter, systemLayoutFonts } from './layout-fonts.js';

// biome-ignore lint/complexity/useLiteralKeys: docx's own compiler, untouched, as the reference
const docxCompiler = Packer['compiler'] as {
  compile(
    file: object,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, unknown>;
};

function section(label: string, copy: DocumentSection['copy'], warning: string, lines = 3): DocumentSection {
  return {
    orientation: 'portrait',
    headerLabel: label,
    copy,
    warning,
    children: Array.from({ length: lines }, (_, i) => new Paragraph(`本文 ${label} ${i + 1}`)),
  };
}

function spec(title: string, sections: DocumentSection[]): DocumentSpec {
  return {
    title,
    author: '〇〇市福祉課',
    createdAt: new Date('2026-11-30T00:00:00Z'),
    numbering: 'document',
    sections,
  };
}

const core = (title: string) => [{ path: 'docProps/core.xml', data: `<core>${title}</core>` }];

const documents = [
  spec('一', [section('（重層会議様式2）', { number: 1, total: 3 }, '取扱注意の一')]),
  spec('二', [
    section('（重層会議様式2）', { number: 2, total: 3 }, '取扱注意の二'),
    section('（重層会議様式3）', { number: 2, total: 3 }, '取扱注意の二'),
  ]),
  spec('三', [{ ...section('（別添資料）', null, '取扱注意の一'), orientation: 'landscape' }]),
  spec('一', [section('（重層会議様式2）', { number: 1, total: 3 }, '取扱注意の一')]),
];

describe('compileParts', () => {
  it('gives every part docx itself writes, document after document, furniture taken from earlier ones', () => {
    for (const [i, document] of documents.entries()) {
      const reference = docxCompiler.compile(
        wordDocument(document, null, true).file,
        undefined,
        core(document.title),
      );
      const { file, keyed } = wordDocument(document, null, true);
      const { parts } = compileParts(file, core(document.title), keyed);
      expect([...parts.keys()], `document ${i + 1}`).toEqual([...reference.keys()]);
      for (const [path, data] of reference)
        expect(parts.get(path), `document ${i + 1}: ${path}`).toEqual(data);
    }
  });

  it('keeps the text of the furniture and the fixed parts, never the body or the properties', () => {
    const [first] = documents;
    if (!first) throw new Error('no document');
    const { file, keyed } = wordDocument(first, null, true);
    const { known } = compileParts(file, core(first.title), keyed);
    expect(known).toContain('word/header1.xml');
    expect(known).toContain('word/footer1.xml');
    expect(known).toContain('word/theme/theme1.xml');
    for (const path of ['word/document.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels'])
      expect(known.has(path), path).toBe(false);
  });

  it('writes each footer afresh when the page counter prints the counts in it', async () => {
    const layout = await systemLayoutFonts();
    if (!layout)
      throw new Error(
        'BIZ UD fonts not found: install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic',
      );
    // The same furniture on one page and on three: the footers differ only in the count.
    for (const lines of [2, 120, 2]) {
      const document = spec('頁', [section('（重層会議様式4）', null, '取扱注意の頁', lines)]);
      const reference = docxCompiler.compile(
        wordDocument(document, await pageCounter(layout), true).file,
        undefined,
        core(document.title),
      );
      const { file, keyed } = wordDocument(document, await pageCounter(layout), true);
      const { parts } = compileParts(file, core(document.title), keyed);
      for (const [path, data] of reference) expect(parts.get(path), `${lines} lines: ${path}`).toEqual(data);
    }
  });
});
