import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import type { DrawingFonts } from './raster.js';

/**
 * The drawings' text as glyph outlines, for the PNG only (the SVG on screen and in Word keeps its
 * text). resvg-js takes fonts only as file paths and reads the whole file again for each line of
 * text; here the font is read once into memory and each <text> becomes the paths of its glyphs,
 * placed as resvg places them, so resvg draws the same pixels without opening a font at all.
 */

const faces = new Map<string, Font | null>();

function facesIn(file: string): Font[] {
  try {
    const font = create(readFileSync(file));
    return 'fonts' in font ? font.fonts : [font];
  } catch {
    return [];
  }
}

/**
 * The face resvg draws the drawings' text with: `fonts.family` upright, the weight nearest 400 (the
 * drawings set no weight). Read once per process; null when no file holds the family.
 */
export function drawingFace(fonts: DrawingFonts): Font | null {
  const key = JSON.stringify([fonts.family, fonts.files]);
  if (faces.has(key)) return faces.get(key) ?? null;
  let best: Font | null = null;
  const distance = (face: Font) => Math.abs((face['OS/2']?.usWeightClass ?? 400) - 400);
  for (const file of fonts.files) {
    for (const face of facesIn(file))
      if (
        face.familyName === fonts.family &&
        face.italicAngle === 0 &&
        (!best || distance(face) < distance(best))
      )
        best = face;
    if (best && distance(best) === 0) break;
  }
  faces.set(key, best);
  return best;
}

/** What `text()` in svg.ts writes: attributes, then the escaped line. */
const textElement = /<text((?:\s[\w:-]+="[^"]*")*)>([^<]*)<\/text>/g;
const attribute = /\s([\w:-]+)="([^"]*)"/g;
/** Attributes an outline can carry over; a <text> with any other stays text for resvg to draw. */
const understood = new Set(['class', 'x', 'y', 'text-anchor', 'font-size', 'fill']);
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string | null {
  if (/&(?!(#x[\da-f]+|#\d+|\w+);)/i.test(text)) return null;
  let broken = false;
  const out = text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (_, ref: string) => {
    const code =
      ref.startsWith('#x') || ref.startsWith('#X') ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    const c = ref.startsWith('#') ? (code <= 0x10ffff ? String.fromCodePoint(code) : undefined) : named[ref];
    if (c === undefined) broken = true;
    return c ?? '';
  });
  return broken ? null : out;
}

/** 0.0001 px is far finer than 300 dpi; `-0` prints as `0`. */
function fine(value: number): string {
  const rounded = Math.round(value * 10000) / 10000;
  return String(rounded === 0 ? 0 : rounded);
}

const glyphPaths = new WeakMap<Font, Map<number, string>>();

function glyphPath(face: Font, glyph: { id: number; path: { toSVG(): string } }): string {
  let paths = glyphPaths.get(face);
  if (!paths) {
    paths = new Map();
    glyphPaths.set(face, paths);
  }
  let d = paths.get(glyph.id);
  if (d === undefined) {
    d = glyph.path.toSVG();
    paths.set(glyph.id, d);
  }
  return d;
}

/** One <text> as a <g> of glyph paths, or null when it must stay text (see `understood`). */
function outlined(attributes: string, body: string, face: Font): string | null {
  const attrs: Record<string, string> = {};
  for (const [, name = '', value = ''] of attributes.matchAll(attribute)) {
    if (!understood.has(name)) return null;
    attrs[name] = value;
  }
  const content = unescapeXml(body);
  const [x, y, size] = [attrs.x ?? '0', attrs.y ?? '0', attrs['font-size']].map(Number);
  if (content === null || size === undefined || !(size > 0) || !Number.isFinite(x) || !Number.isFinite(y))
    return null;
  for (const c of content) if (!face.hasGlyphForCodePoint(c.codePointAt(0) ?? 0)) return null;
  const scale = size / face.unitsPerEm;
  const run = face.layout(content);
  const advance = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  const anchor = attrs['text-anchor'] ?? 'start';
  if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') return null;
  let pen = (x ?? 0) - (anchor === 'middle' ? advance / 2 : anchor === 'end' ? advance : 0);
  let paths = '';
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    if (!position) return;
    const d = glyphPath(face, glyph);
    if (d)
      paths += `<path transform="matrix(${scale} 0 0 ${-scale} ${fine(pen + position.xOffset * scale)} ${fine((y ?? 0) - position.yOffset * scale)})" d="${d}"/>`;
    pen += position.xAdvance * scale;
  });
  return attrs.fill === undefined ? `<g>${paths}</g>` : `<g fill="${attrs.fill}">${paths}</g>`;
}

/**
 * The SVG with each <text> written by svg.ts's `text()` replaced by its glyph outlines in `face`.
 * A line with a character the face lacks (resvg would fall back to another font) stays text.
 */
export function outlineText(svg: string, face: Font): string {
  return svg.replace(
    textElement,
    (whole, attributes: string, body: string) => outlined(attributes, body, face) ?? whole,
  );
}

/**
 * Forgets the faces read and the glyph outlines kept (on lock): which glyphs were drawn says which
 * characters were, and fontkit keeps the glyphs it made inside the face. Read again on the next PNG.
 */
export function forgetGlyphs(): void {
  for (const face of faces.values()) if (face) glyphPaths.delete(face);
  faces.clear();
}
