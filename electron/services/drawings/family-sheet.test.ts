import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { PictureRun } from './family-sheet.js';

// biome-ignore lint/complexity/useLiteralKeys: docx's own compiler, as the reference
const docxCompiler = Packer['compiler'] as {
  compile(
    file: Document,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, unknown>;
};

const svg = (label: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text>${label}</text></svg>`);

/** Bytes that start as a PNG does: docx reads no further. */
const png = (shade: number) => Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, shade]);

function compiled(run: (i: number) => ImageRun | PictureRun): Map<string, unknown> {
  const paragraphs = [0, 1].map((i) => {
    const paragraph = new Paragraph({});
    paragraph.addChildElement(run(i));
    return paragraph;
  });
  return docxCompiler.compile(new Document({ sections: [{ children: paragraphs }] }), undefined, [
    // docx stamps the time into the properties
    { path: 'docProps/core.xml', data: '<core/>' },
  ]);
}

describe('PictureRun', () => {
  it('writes the pictures as docx ImageRun does: the same parts, the same media', () => {
    const pngs = [png(0), png(200)];
    const alt = (i: number) => ({
      id: String(i + 1),
      name: `図${i + 1}`,
      title: `題${i}`,
      description: `説明${i}`,
    });
    const theirs = compiled(
      (i) =>
        new ImageRun({
          type: 'svg',
          data: svg(`図${i}`),
          fallback: { type: 'png', data: pngs[i] ?? Buffer.alloc(0) },
          transformation: { width: 151 + i, height: 76 },
          altText: alt(i),
        }),
    );
    const ours = compiled(
      (i) => new PictureRun(svg(`図${i}`), pngs[i] ?? Buffer.alloc(0), 151 + i, 76, alt(i)),
    );
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect(theirs.has('word/media/image2.png')).toBe(true);
    for (const [path, data] of theirs) expect(ours.get(path), path).toEqual(data);
  });
});
