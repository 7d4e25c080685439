import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { structuralPart } from './document.js';
import { zipParts } from './zip-parts.js';

const parts = new Map<string, string | Uint8Array>([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
  ['word/document.xml', `<w:document>${'重層的支援会議の開催について（通知）'.repeat(200)}</w:document>`],
  ['word/media/empty.bin', new Uint8Array()],
  ['word/media/bytes.bin', Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256)],
  ['word/media/drawing.png', Uint8Array.from({ length: 1000 }, (_, i) => (i * 13) % 256)],
]);

/** The compression method in the local header of `path` (0 stored, 8 DEFLATE). */
function methodOf(zip: Buffer, path: string): number {
  const at = zip.indexOf(Buffer.from(path, 'utf8')) - 30;
  expect(zip.readUInt32LE(at)).toBe(0x04034b50);
  return zip.readUInt16LE(at + 8);
}
const modified = new Date(2026, 10, 26, 16, 30, 42);

describe('zipParts', () => {
  it('JSZip reads every part back with its CRC checked, in order, dated as given', async () => {
    const zip = await JSZip.loadAsync(zipParts(parts, modified), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([...parts.keys()]);
    for (const [path, data] of parts) {
      const file = zip.file(path);
      if (typeof data === 'string') expect(await file?.async('string')).toBe(data);
      else expect(await file?.async('uint8array')).toEqual(data);
      // DOS time counts seconds in steps of two.
      expect(file?.date.getTime()).toBe(new Date(2026, 10, 26, 16, 30, 42).getTime());
    }
  });

  it('stores pictures as they are (compressed already) and deflates the rest', () => {
    const zip = zipParts(parts, modified);
    expect(methodOf(zip, 'word/media/drawing.png')).toBe(0);
    expect(methodOf(zip, 'word/media/bytes.bin')).toBe(8);
    expect(methodOf(zip, 'word/document.xml')).toBe(8);
  });

  it('Info-ZIP finds no error in it, and the same parts give the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kasane-zip-'));
    try {
      const path = join(dir, 'parts.docx');
      await writeFile(path, zipParts(parts, modified));
      const { stdout } = await promisify(execFile)('unzip', ['-t', path]).catch((error: Error) => {
        throw new Error(`unzip -t failed (Debian package unzip): ${error.message}`);
      });
      expect(stdout).toContain('No errors detected');
      expect(zipParts(parts, modified).equals(zipParts(parts, modified))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parts compressed once and kept give the same file as parts compressed afresh', async () => {
    const fresh = zipParts(parts, modified);
    expect(zipParts(parts, modified, () => true).equals(fresh)).toBe(true);
    const again = zipParts(parts, modified, () => true);
    expect(again.equals(fresh)).toBe(true);
    const zip = await JSZip.loadAsync(again, { checkCRC32: true });
    expect(await zip.file('word/document.xml')?.async('string')).toBe(parts.get('word/document.xml'));
    // Another document's parts under the same paths are its own, not the kept ones.
    const other = new Map(
      [...parts].map(([path, data]) => [path, typeof data === 'string' ? `${data} ` : data]),
    );
    const read = await JSZip.loadAsync(
      zipParts(other, modified, () => true),
      { checkCRC32: true },
    );
    for (const [path, data] of other)
      if (typeof data === 'string') expect(await read.file(path)?.async('string')).toBe(data);
  });
});

describe('structuralPart', () => {
  it('keeps the parts docx writes the same way for every document, never the body, headers, footers or notes', () => {
    for (const path of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/_rels/header1.xml.rels',
      'word/styles.xml',
      'word/theme/theme1.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/fontTable.xml',
      'docProps/app.xml',
    ])
      expect(structuralPart.test(path), path).toBe(true);
    for (const path of [
      'word/document.xml',
      'word/header1.xml',
      'word/footer12.xml',
      'word/footnotes.xml',
      'word/comments.xml',
      'docProps/core.xml',
      'word/media/image1.png',
      'xword/styles.xml',
    ])
      expect(structuralPart.test(path), path).toBe(false);
  });
});
