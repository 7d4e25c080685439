import { crc32, deflateRawSync } from 'node:zlib';

/** A package's parts by their paths, in the order they are zipped. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

/** MS-DOS date and time, as zip headers carry them (local time, two-second steps). */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const alreadyCompressed = /\.(png|jpe?g|gif)$/i;

/** A part as it goes into the zip: its bytes there (DEFLATE or stored), and the size and CRC of its data. */
interface Stored {
  method: 0 | 8;
  bytes: Uint8Array;
  size: number;
  crc: number;
}

/**
 * Parts with the same text in every document (the styles, the theme, the relationships…) are
 * compressed once: the cache holds only the parts `reusable` names, which carry no one's data.
 */
const kept = new Map<string, Stored>();
const keptLimit = 64;

function stored(path: string, data: string | Uint8Array, reusable: (path: string) => boolean): Stored {
  const reuse = typeof data === 'string' && reusable(path);
  const known = reuse ? kept.get(data) : undefined;
  if (known) return known;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Pictures are compressed already (a drawing's PNG): deflating them again costs time and saves nothing.
  const part: Stored = alreadyCompressed.test(path)
    ? { method: 0, bytes, size: bytes.length, crc: crc32(bytes) }
    : { method: 8, bytes: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
  if (reuse) {
    if (kept.size >= keptLimit) kept.delete(kept.keys().next().value ?? '');
    kept.set(data, part);
  }
  return part;
}

/**
 * The parts as a zip file, each compressed with DEFLATE by Node's zlib (pictures stored as they are). docx zips with a DEFLATE
 * written in JavaScript, which took a quarter of the time to write a 様式; zlib's is native code and
 * compresses smaller. The layout is the plain one docx writes too: sizes and CRC in each local header
 * (no data descriptors), no zip64 (a document is far below 4 GB), every part dated `modified`.
 */
export function zipParts(
  parts: PackageParts,
  modified: Date,
  reusable: (path: string) => boolean = () => false,
): Buffer {
  const { time, day } = dosDateTime(modified);
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of parts) {
    const name = Buffer.from(path, 'utf8');
    const { method, bytes, size, crc } = stored(path, data, reusable);
    // Bit 11: the name is UTF-8 (every docx part name is ASCII, for which it changes nothing).
    const flags = name.length === path.length ? 0 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method === 0 ? 10 : 20, 4); // version needed: stored 1.0, DEFLATE 2.0
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8); // stored or DEFLATE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, spec 2.0
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    // extra, comment, disk, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
