import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { threeGenerations, twelvePeople } from '../testing/genogram-fixtures.js';
import { byClass, numberAttr, readSvg, type SvgNode } from '../testing/svg-reader.js';
import { drawGenogram } from './genogram.js';
import {
  findDrawingFonts,
  forgetRasters,
  keptRasters,
  pixelsFor,
  rasterise,
  systemDrawingFonts,
} from './raster.js';

const textOnly =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="24" font-family="\'BIZ UDGothic\'">本人</text></svg>';

function darkPixels(svg: string, files: string[], family: string): number {
  // `pixels` copies the whole image on each read: read it once.
  const { pixels } = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family },
  }).render();
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 3] ?? 0) > 128) dark++;
  return dark;
}

type Point = { x: number; y: number };

/** Points along the outline of a symbol (rect, circle or polygon), in the SVG's units. */
function outlinePoints(shape: SvgNode, perEdge = 8): Point[] {
  const along = (corners: Point[]) =>
    corners.flatMap((a, i) => {
      const b = corners[(i + 1) % corners.length] as Point;
      return Array.from({ length: perEdge }, (_, k) => ({
        x: a.x + ((b.x - a.x) * k) / perEdge,
        y: a.y + ((b.y - a.y) * k) / perEdge,
      }));
    });
  if (shape.name === 'circle') {
    const [cx, cy, r] = [numberAttr(shape, 'cx'), numberAttr(shape, 'cy'), numberAttr(shape, 'r')];
    return Array.from({ length: 4 * perEdge }, (_, k) => {
      const angle = (k * Math.PI) / (2 * perEdge);
      return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
    });
  }
  if (shape.name === 'rect') {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => numberAttr(shape, a)) as number[];
    return along([
      { x: x ?? 0, y: y ?? 0 },
      { x: (x ?? 0) + (w ?? 0), y: y ?? 0 },
      { x: (x ?? 0) + (w ?? 0), y: (y ?? 0) + (h ?? 0) },
      { x: x ?? 0, y: (y ?? 0) + (h ?? 0) },
    ]);
  }
  return along(
    (shape.attrs.points ?? '').split(' ').map((p) => {
      const [x = 0, y = 0] = p.split(',').map(Number);
      return { x, y };
    }),
  );
}

/**
 * Each member's outlines (the symbol, and 本人's second outline) as the PNG shows them: the share of
 * points along each outline with ink within a pixel. No fonts are needed: outlines are not text,
 * and the white under each caption is a rect, drawn whether fonts are there or not.
 */
function inkOnOutlines(svg: string, scale: number): Map<string, number> {
  const root = readSvg(svg);
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  }).render();
  const { pixels, width, height } = image;
  const inked = (p: Point) => {
    const [cx, cy] = [Math.round(p.x * scale), Math.round(p.y * scale)];
    for (let y = cy - 1; y <= cy + 1; y++)
      for (let x = cx - 1; x <= cx + 1; x++)
        if (x >= 0 && y >= 0 && x < width && y < height && (pixels[(y * width + x) * 4] ?? 255) < 128)
          return true;
    return false;
  };
  const out = new Map<string, number>();
  for (const person of byClass(root, 'person'))
    for (const outline of [...byClass(person, 'symbol'), ...byClass(person, 'principal-outline')]) {
      const points = outlinePoints(outline);
      const share = points.filter(inked).length / points.length;
      out.set(`${person.attrs['data-member']} ${outline.attrs.class}`, share);
    }
  return out;
}

describe('the drawings as PNG (resvg)', () => {
  it('finds BIZ UD Gothic on this machine (fonts-morisawa-bizud-gothic)', () => {
    const fonts = systemDrawingFonts();
    expect(fonts.family).toBe('BIZ UDGothic');
    expect(fonts.files.some((f) => /BIZUDGothic-Regular\.ttf$/.test(f))).toBe(true);
  });

  it('draws text only with the fonts it is given: none given, no text', () => {
    const fonts = systemDrawingFonts();
    expect(darkPixels(textOnly, fonts.files, fonts.family)).toBeGreaterThan(50);
    expect(darkPixels(textOnly, [], '')).toBe(0);
  });

  it('finds nothing, and refuses, where no Japanese font is installed', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kasane-fonts-'));
    try {
      writeFileSync(join(empty, 'DejaVuSans.ttf'), 'not a CJK font');
      expect(findDrawingFonts([empty])).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rasterises a 160 mm wide drawing at 300 dpi', async () => {
    const width = pixelsFor(160, 300);
    expect(width).toBe(1890);
    const png = await rasterise(drawGenogram(threeGenerations), width);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(width);
    forgetRasters();
    expect((await rasterise(drawGenogram(threeGenerations), width)).equals(png)).toBe(true);
  });

  it('keeps each PNG it made, in memory, and makes it again after forgetting (on lock)', async () => {
    forgetRasters();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect x="5" y="5" width="30" height="30"/></svg>';
    const first = await rasterise(svg, 200);
    expect(keptRasters()).toBe(1);
    first.fill(0);
    const again = await rasterise(svg, 200);
    expect(keptRasters()).toBe(1);
    expect(again.subarray(1, 4).toString('latin1')).toBe('PNG');
    await rasterise(svg, 201);
    expect(keptRasters()).toBe(2);
    forgetRasters();
    expect(keptRasters()).toBe(0);
    expect((await rasterise(svg, 200)).equals(again)).toBe(true);
    forgetRasters();
  });

  it("inks every member's outline in the PNG: nothing drawn over a symbol hides it", () => {
    for (const input of [threeGenerations, twelvePeople]) {
      const ink = inkOnOutlines(drawGenogram(input), 2);
      expect(ink.size).toBe(input.people.length + 1);
      for (const [outline, share] of ink) expect(share, outline).toBeGreaterThan(0.9);
    }
  });
});
