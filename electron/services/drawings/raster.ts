import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { KasaneError } from '../errors.js';
import { drawingPng } from './png.js';
import { drawingFace, forgetGlyphs, outlineText } from './text-outlines.js';

/**
 * The PNG of a drawing, for readers that do not show SVG (the fallback Word 2016+ and LibreOffice
 * both understand). resvg draws text only with the fonts it is given and never looks anywhere else,
 * so the drawing fonts are found here: BIZ UD Gothic (Windows 10/11 install it; Debian has
 * fonts-morisawa-bizud-gothic), otherwise Noto Sans CJK, Yu Gothic or Meiryo.
 */

export interface DrawingFonts {
  files: string[];
  /** The family resvg uses where the SVG's own list finds nothing. */
  family: string;
}

const preferences: { family: string; file: RegExp }[] = [
  // Windows: BIZ-UDGothicR.ttc, BIZ-UDGothicB.ttc; Debian: BIZUDGothic-Regular.ttf, BIZUDGothic-Bold.ttf.
  { family: 'BIZ UDGothic', file: /^biz[-_ ]?udgothic.*\.(ttf|ttc|otf)$/i },
  { family: 'Noto Sans CJK JP', file: /^notosanscjk(jp)?-(regular|bold)\.(ttc|otf)$/i },
  { family: 'Yu Gothic', file: /^yugoth[rb]\.ttc$/i },
  { family: 'Meiryo', file: /^meiryo\.ttc$/i },
];

function fontDirectories(): string[] {
  if (process.platform === 'win32')
    return [
      join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
      join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts'),
    ];
  if (process.platform === 'darwin') return ['/Library/Fonts', join(homedir(), 'Library', 'Fonts')];
  return [
    '/usr/share/fonts/truetype/bizud-gothic',
    '/usr/share/fonts/opentype/noto',
    '/usr/share/fonts/truetype/noto',
    join(homedir(), '.local', 'share', 'fonts'),
  ];
}

function filesIn(directory: string): string[] {
  try {
    return readdirSync(directory)
      .sort()
      .map((name) => join(directory, name));
  } catch {
    return [];
  }
}

/**
 * The first family of the preference list found in `directories`, with the others found after it:
 * resvg falls back to them for characters the first lacks (BIZ UD Gothic has no 𠮷; Noto Sans CJK
 * has). Null when none is installed.
 */
export function findDrawingFonts(directories: string[] = fontDirectories()): DrawingFonts | null {
  const files = directories.flatMap(filesIn);
  const found = preferences
    .map((preference) => ({
      family: preference.family,
      files: files.filter((path) => preference.file.test(path.split(/[\\/]/).at(-1) ?? '')),
    }))
    .filter((f) => f.files.length > 0);
  const [first] = found;
  return first ? { files: found.flatMap((f) => f.files), family: first.family } : null;
}

let cached: DrawingFonts | null | undefined;

/** This machine's drawing fonts, looked for once per process. */
export function systemDrawingFonts(): DrawingFonts {
  if (cached === undefined) cached = findDrawingFonts();
  if (!cached) throw new KasaneError('DRAWING_FONTS_MISSING');
  return cached;
}

/** Pixels for `millimetres` of paper at `dpi`. */
export function pixelsFor(millimetres: number, dpi: number): number {
  return Math.round((millimetres / 25.4) * dpi);
}

/**
 * PNGs already made, by the hash of what they were made from: the same drawing issued again (another
 * copy, another purpose, the CLI after the screen) is not drawn again. In memory only, never on disk,
 * a few drawings at most, and emptied on lock: the PNG shows names the way the SVG does.
 */
const cacheEntries = 16;
const cacheBytes = 32 * 1024 * 1024;
const made = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();

function remember(key: string, png: Promise<Buffer>): void {
  made.set(key, png);
  png.then(
    (bytes) => {
      if (made.get(key) !== png) return;
      sizes.set(key, bytes.length);
      let total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
      for (const oldest of made.keys()) {
        if (made.size <= cacheEntries && total <= cacheBytes) break;
        total -= sizes.get(oldest) ?? 0;
        made.delete(oldest);
        sizes.delete(oldest);
      }
    },
    () => {
      if (made.get(key) === png) made.delete(key);
    },
  );
}

/** The keys kept ahead of time for each household (keepRasters), so that a change drops the old ones. */
const ahead = new Map<string, string[]>();

/** Drops every PNG kept, made or still being made (on lock). */
export function forgetRasters(): void {
  made.clear();
  sizes.clear();
  ahead.clear();
  forgetGlyphs();
}

/** The key a PNG is kept under: what it is made from. */
export function rasterKey(svg: string, widthPx: number, fonts: DrawingFonts): string {
  return createHash('sha256')
    .update(JSON.stringify([widthPx, fonts.family, fonts.files]))
    .update('\0')
    .update(svg)
    .digest('hex');
}

/** Whether the PNG of `key` is kept, or being made. */
export function isKept(key: string): boolean {
  return made.has(key);
}

/**
 * The PNGs `group` (a household) needs now, by the keys rasterise looks them up by: `pngs` are
 * being made elsewhere (the job worker), and whoever asks meanwhile waits for them. The group's
 * earlier PNGs that are not among `keys` are dropped: they show the household as it was.
 */
export function keepRasters(
  group: string,
  keys: readonly string[],
  pngs: ReadonlyMap<string, Promise<Buffer>>,
): void {
  for (const key of ahead.get(group) ?? []) {
    if (keys.includes(key)) continue;
    made.delete(key);
    sizes.delete(key);
  }
  ahead.set(group, [...keys]);
  for (const [key, png] of pngs) if (!made.has(key)) remember(key, png);
}

/** Settles when every PNG being made has been (for tests). */
export async function rastersSettled(): Promise<void> {
  await Promise.allSettled([...made.values()]);
}

let drawn = 0;

/** How many PNGs this thread has drawn itself since it started (for tests). */
export function rastersDrawn(): number {
  return drawn;
}

/** How many PNGs are kept (for tests). */
export function keptRasters(): number {
  return made.size;
}

async function draw(svg: string, widthPx: number, fonts: DrawingFonts): Promise<Buffer> {
  drawn += 1;
  const face = drawingFace(fonts);
  const outlined = face ? outlineText(svg, face) : svg;
  // Font files only for a line left as text (a character the face lacks): resvg reads each file it is given.
  const fontFiles = outlined.includes('<text') ? fonts.files : [];
  const image = await renderAsync(outlined, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: fonts.family },
  });
  return drawingPng(image);
}

/**
 * The SVG drawn `widthPx` wide, as PNG bytes. Its text is drawn from glyph outlines (text-outlines.ts):
 * resvg would read the font file again for each line. Parsing, drawing and deflating run on libuv's
 * thread pool, off the main process's event loop. Each drawing is made once and kept (see `made`).
 */
export async function rasterise(
  svg: string,
  widthPx: number,
  fonts: DrawingFonts = systemDrawingFonts(),
): Promise<Buffer> {
  const key = rasterKey(svg, widthPx, fonts);
  const kept = made.get(key);
  if (kept) {
    made.delete(key);
    made.set(key, kept);
    // A copy: whoever holds it cannot change what the next caller gets.
    try {
      return Buffer.from(await kept);
    } catch {
      // Made elsewhere, and that failed (the job worker stopped): made here instead.
    }
  }
  const png = draw(svg, widthPx, fonts);
  remember(key, png);
  return Buffer.from(await png);
}
