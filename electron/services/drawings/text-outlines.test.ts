import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { threeGenerations, twelvePeople } from '../testing/genogram-fixtures.js';
import { descendants, readSvg } from '../testing/svg-reader.js';
import { drawEcoMap } from './eco-map.js';
import { drawGenogram } from './genogram.js';
import {
  type DrawingFonts,
  findDrawingFonts,
  forgetRasters,
  rasterise,
  systemDrawingFonts,
} from './raster.js';
import { drawingFace, outlineText } from './text-outlines.js';

const fonts = systemDrawingFonts();

function pixels(svg: string, fontFiles: string[], family: string): Buffer {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 1.5 },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: family },
  }).render().pixels;
}

/** How far resvg's drawing of the outlines is from its drawing of the text, with the font files. */
function difference(svg: string, outlined: string, with_: DrawingFonts = fonts) {
  const [text, outlines] = [pixels(svg, with_.files, with_.family), pixels(outlined, [], with_.family)];
  let differing = 0;
  let largest = 0;
  let ink = 0;
  for (let i = 0; i < text.length; i++) {
    const d = Math.abs((text[i] ?? 0) - (outlines[i] ?? 0));
    if (d > 0) differing++;
    largest = Math.max(largest, d);
    if ((text[i] ?? 255) < 128) ink++;
  }
  return { differing, largest, ink };
}

const ecoMap = drawEcoMap({
  title: 'A氏世帯のエコマップ',
  household: ['A氏世帯', '同居 4人'],
  agencies: ['高齢', '障がい', '生活困窮', '保健・医療'].map((field, i) => ({
    key: `g${i}`,
    name: `〇〇市${field}の相談窓口（R&D）`,
    field,
    strength: (['strong', 'normal', 'weak', 'stress'] as const)[i] ?? 'normal',
    direction: (['toHousehold', 'both', 'none', 'toAgency'] as const)[i] ?? 'none',
  })),
});

const anchors = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="90" font-family="'BIZ UDGothic'">${[
  ['start', 20],
  ['middle', 45],
  ['end', 70],
]
  .map(
    ([anchor, y]) =>
      `<text x="120" y="${y}" text-anchor="${anchor}" font-size="15" fill="#1a1a1a">A氏 &#38; Wg 8人&#60;</text>`,
  )
  .join('')}</svg>`;

describe("the drawings' text as glyph outlines, for the PNG", () => {
  const face = drawingFace(fonts);

  it('reads the regular face of the drawing family, once per process', () => {
    expect(face?.familyName).toBe('BIZ UDGothic');
    expect(face?.['OS/2'].usWeightClass).toBe(400);
    expect(drawingFace(fonts) === face).toBe(true);
    expect(drawingFace({ family: 'No Such Gothic', files: fonts.files })).toBeNull();
  });

  it('forgets the face it read, with the glyphs fontkit kept in it, on lock', () => {
    const before = drawingFace(fonts);
    forgetRasters();
    const after = drawingFace(fonts);
    expect(after === before).toBe(false);
    expect(after?.familyName).toBe('BIZ UDGothic');
  });

  it('turns every line into outlines that resvg draws as it draws the text from the font file', () => {
    if (!face) throw new Error('no drawing face');
    for (const svg of [anchors, drawGenogram(threeGenerations), drawGenogram(twelvePeople), ecoMap]) {
      const outlined = outlineText(svg, face);
      expect(descendants(readSvg(outlined)).filter((n) => n.name === 'text')).toEqual([]);
      const { differing, largest, ink } = difference(svg, outlined);
      expect(ink).toBeGreaterThan(1000);
      // Float rounding may move an edge pixel's coverage a little; a misplaced glyph moves hundreds.
      expect(largest).toBeLessThan(48);
      expect(differing).toBeLessThan(ink / 1000);
    }
  });

  it('reads a face out of a collection with PostScript outlines too (Noto Sans CJK, where BIZ UD is missing)', () => {
    const noto = findDrawingFonts(['/usr/share/fonts/opentype/noto']);
    if (!noto) throw new Error('Noto Sans CJK is not installed (Debian package fonts-noto-cjk)');
    const notoFace = drawingFace(noto);
    expect(notoFace?.familyName).toBe('Noto Sans CJK JP');
    const svg = anchors.replace("'BIZ UDGothic'", "'Noto Sans CJK JP'");
    const { differing, largest, ink } = difference(
      svg,
      outlineText(svg, notoFace as NonNullable<typeof notoFace>),
      noto,
    );
    expect(ink).toBeGreaterThan(1000);
    expect(largest).toBeLessThan(48);
    expect(differing).toBeLessThan(ink / 1000);
  });

  it('gives the same bytes for the same drawing', () => {
    if (!face) throw new Error('no drawing face');
    expect(outlineText(ecoMap, face)).toBe(outlineText(ecoMap, face));
  });

  it('leaves text for resvg where an outline would differ: a character the face lacks, an unknown attribute', async () => {
    if (!face) throw new Error('no drawing face');
    expect(face.hasGlyphForCodePoint(0x20bb7)).toBe(false);
    const lacking = '<text x="4" y="30" font-size="24" fill="#000000">𠮷田</text>';
    const bold = '<text x="4" y="60" font-size="24" font-weight="bold" fill="#000000">本人</text>';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="70">${lacking}${bold}</svg>`;
    expect(outlineText(svg, face)).toBe(svg);
    // The PNG still shows both: resvg is given the font files (𠮷 from Noto Sans CJK).
    forgetRasters();
    const png = await rasterise(svg, 120);
    const drawn = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="70"><image width="120" height="70" href="data:image/png;base64,${png.toString('base64')}"/></svg>`,
    ).render().pixels;
    let ink = 0;
    for (let i = 0; i < drawn.length; i += 4) if ((drawn[i] ?? 255) < 128) ink++;
    expect(ink).toBeGreaterThan(300);
    forgetRasters();
  });
});
