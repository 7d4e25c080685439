import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { threeGenerations } from '../testing/genogram-fixtures.js';
import { drawGenogram } from './genogram.js';
import { findDrawingFonts, pixelsFor, rasterise, systemDrawingFonts } from './raster.js';

const textOnly =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="24" font-family="\'BIZ UDGothic\'">本人</text></svg>';

function darkPixels(svg: string, files: string[], family: string): number {
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family },
  }).render();
  let dark = 0;
  for (let i = 0; i < image.pixels.length; i += 4) if ((image.pixels[i + 3] ?? 0) > 128) dark++;
  return dark;
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
    expect((await rasterise(drawGenogram(threeGenerations), width)).equals(png)).toBe(true);
  });
});
