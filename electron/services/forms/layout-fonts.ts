import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PageNumberEstimator } from 'docx';
import type { FontFile } from 'docx/layout';
import { fontNames } from './fonts.js';

/**
 * The BIZ UD font files, for laying pages out as Word does (docx's layout engine measures text with
 * the fonts' own metrics). Windows has them in its Fonts folder; Debian in fonts-morisawa-bizud-*.
 * When they cannot be found, nothing claims a page count: Word counts the pages when it opens the file.
 */
export interface LayoutFonts {
  files: FontFile[];
}

interface Face {
  /** Where the face's table directory starts in the file (0 for a single font). */
  offset: number;
  /** Family name in English (name id 1), as in 「BIZ UDMincho Medium」. */
  family: string;
  bold: boolean;
}

const collectionTag = 0x74746366; // 'ttcf'

function tableOffsets(view: DataView, offset: number): Map<string, number> {
  const count = view.getUint16(offset + 4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = offset + 12 + i * 16;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(record + k)));
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

function englishFamily(view: DataView, tables: Map<string, number>): string | null {
  const table = tables.get('name');
  if (table === undefined) return null;
  const count = view.getUint16(table + 2);
  const strings = table + view.getUint16(table + 4);
  for (let i = 0; i < count; i++) {
    const record = table + 6 + i * 12;
    const [platform, , language, nameId, length, at] = [0, 2, 4, 6, 8, 10].map((k) =>
      view.getUint16(record + k),
    ) as [number, number, number, number, number, number];
    if (platform !== 3 || language !== 0x409 || nameId !== 1) continue;
    const chars = Array.from({ length: length / 2 }, (_, k) => view.getUint16(strings + at + k * 2));
    return String.fromCharCode(...chars);
  }
  return null;
}

function facesOf(bytes: Uint8Array): Face[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets =
    view.getUint32(0) === collectionTag
      ? Array.from({ length: view.getUint32(8) }, (_, i) => view.getUint32(12 + i * 4))
      : [0];
  return offsets.flatMap((offset) => {
    const tables = tableOffsets(view, offset);
    const head = tables.get('head');
    const family = englishFamily(view, tables);
    if (head === undefined || family === null) return [];
    return [{ offset, family, bold: (view.getUint16(head + 44) & 1) === 1 }];
  });
}

/** A collection reduced to one of its fonts: the same bytes, its header listing only that face. */
function oneFace(bytes: Uint8Array, face: Face): Uint8Array {
  if (face.offset === 0) return bytes;
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  view.setUint32(8, 1);
  view.setUint32(12, face.offset);
  return copy;
}

/** The document's name for a face of the file, or null for faces the documents do not use (UDP, other weights). */
function documentName(family: string): string | null {
  if (/^BIZ UDMincho( Medium)?$/.test(family)) return fontNames.mincho;
  if (family === 'BIZ UDGothic') return fontNames.gothic;
  return null;
}

function fontDirectories(): string[] {
  if (process.platform === 'win32') {
    return [
      join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
      join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts'),
    ];
  }
  if (process.platform === 'darwin') return ['/Library/Fonts', join(homedir(), 'Library', 'Fonts')];
  return [
    '/usr/share/fonts/truetype/bizud-mincho',
    '/usr/share/fonts/truetype/bizud-gothic',
    join(homedir(), '.local', 'share', 'fonts'),
  ];
}

async function fontFilesIn(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory))
      .filter((name) => /^biz[-_ ]?ud/i.test(name) && /\.(ttf|ttc|otf)$/i.test(name))
      .map((name) => join(directory, name));
  } catch {
    return [];
  }
}

/** Reads the BIZ UD faces the documents use from `directories`; null unless all three are there. */
export async function loadLayoutFonts(
  directories: string[] = fontDirectories(),
): Promise<LayoutFonts | null> {
  const files: FontFile[] = [];
  const found = new Set<string>();
  for (const path of (await Promise.all(directories.map(fontFilesIn))).flat()) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      continue;
    }
    for (const face of facesOf(bytes)) {
      const name = documentName(face.family);
      const key = `${name}|${face.bold}`;
      if (!name || found.has(key)) continue;
      found.add(key);
      files.push({ data: oneFace(bytes, face), name });
    }
  }
  const needed = [`${fontNames.mincho}|false`, `${fontNames.gothic}|false`, `${fontNames.gothic}|true`];
  return needed.every((key) => found.has(key)) ? { files } : null;
}

let cached: Promise<LayoutFonts | null> | null = null;

/** The fonts of this machine, looked for once per process. */
export function systemLayoutFonts(): Promise<LayoutFonts | null> {
  cached ??= loadLayoutFonts();
  return cached;
}

/** A page-number estimator for one document, and what it counted once the document was written. */
export interface PageCounter {
  estimator: PageNumberEstimator;
  counted(): { total: number; perSection: number[] } | null;
}

type Estimate = ReturnType<PageNumberEstimator>;
const estimators = new WeakMap<LayoutFonts, PageNumberEstimator>();

/** Parsing the font files is the slow part, so each set of fonts gets one estimator. */
async function estimatorFor(layout: LayoutFonts): Promise<PageNumberEstimator> {
  const known = estimators.get(layout);
  if (known) return known;
  const { estimatePageNumbersWith } = await import('docx/layout');
  const estimator = estimatePageNumbersWith({ fonts: layout.files });
  estimators.set(layout, estimator);
  return estimator;
}

export async function pageCounter(layout: LayoutFonts): Promise<PageCounter> {
  const base = await estimatorFor(layout);
  let last: Estimate | null = null;
  const estimator = Object.assign(
    (body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => {
      last = base(body, context);
      return last;
    },
    { listNumbers: base.listNumbers },
  ) as PageNumberEstimator;
  return {
    estimator,
    counted() {
      const estimate = last as Estimate | null;
      const total = estimate?.pageCount;
      const perSection = estimate?.sectionPageCounts ?? [];
      if (total === undefined || perSection.some((n) => n === undefined)) return null;
      return { total, perSection: perSection as number[] };
    },
  };
}
