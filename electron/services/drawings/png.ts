import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import type { RenderedImage } from '@resvg/resvg-js';

const deflated = promisify(deflate);

/**
 * Level 3 keeps a 300 dpi drawing near 60 KB; above it zlib works several times longer for a few KB,
 * and the .docx deflates the PNG once more anyway.
 */
const level = 3;
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The scanlines of an opaque grey image (filter byte 0, one byte a pixel); null if any pixel has colour. */
function greyScanlines(pixels: Uint8Array, width: number, height: number): Buffer | null {
  const out = Buffer.allocUnsafe((width + 1) * height);
  let i = 0;
  let o = 0;
  for (let y = 0; y < height; y++) {
    out[o++] = 0;
    for (let x = 0; x < width; x++, i += 4) {
      const r = pixels[i];
      if (pixels[i + 1] !== r || pixels[i + 2] !== r || pixels[i + 3] !== 255) return null;
      out[o++] = r as number;
    }
  }
  return out;
}

/**
 * The PNG of a drawing resvg has drawn. The drawings are grey on white, so it is written as 8-bit
 * greyscale and deflated on libuv's thread pool: a quarter of the data resvg's own encoder (RGBA, on
 * the main thread) compresses. Anything with colour goes through resvg's encoder.
 */
export async function drawingPng(image: RenderedImage): Promise<Buffer> {
  const { width, height } = image;
  const scanlines = greyScanlines(image.pixels, width, height);
  if (!scanlines) return image.asPng();
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', await deflated(scanlines, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
