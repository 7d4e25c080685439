import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { threeGenerations } from '../testing/genogram-fixtures.js';
import { drawGenogram } from './genogram.js';
import { drawingPng } from './png.js';

const render = (svg: string) =>
  new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: false },
  }).render();

/** The PNG as resvg decodes it (an <image> drawn at its own size), pixel by pixel. */
function decoded(png: Buffer, width: number, height: number): Buffer {
  return new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" href="data:image/png;base64,${png.toString('base64')}"/></svg>`,
  ).render().pixels;
}

const colourType = (png: Buffer) => png[25];

describe('the PNG of a drawing', () => {
  it('is 8-bit greyscale for a grey drawing, and decodes to exactly the pixels resvg drew', async () => {
    const image = render(drawGenogram(threeGenerations));
    const png = await drawingPng(image);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], colourType(png)]).toEqual([
      image.width,
      image.height,
      8,
      0,
    ]);
    expect(decoded(png, image.width, image.height).equals(image.pixels)).toBe(true);
    expect(png.length).toBeLessThan(image.asPng().length);
    expect((await drawingPng(render(drawGenogram(threeGenerations)))).equals(png)).toBe(true);
  });

  it('keeps colour: a drawing with any coloured pixel is written as resvg writes it (RGBA)', async () => {
    const image = render(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#ffffff"/><rect x="10" y="10" width="1" height="1" fill="#ff0000"/></svg>',
    );
    const png = await drawingPng(image);
    expect(colourType(png)).toBe(6);
    expect(decoded(png, image.width, image.height).equals(image.pixels)).toBe(true);
  });
});
