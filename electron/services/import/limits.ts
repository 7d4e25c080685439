import { inflateRawSync } from 'node:zlib';

/**
 * Bounds no office's ledger reaches, checked before anything is parsed, so a huge or hostile file
 * is refused in a moment with its name instead of filling memory. The xlsx reader holds the whole
 * workbook in memory, so an .xlsx is bounded by its cells as well as its rows.
 */
export const importLimits = {
  fileBytes: 20 * 1024 * 1024,
  rowsPerSheet: 50_000,
  xlsxCells: 200_000,
  xlsxEntries: 1_000,
  xlsxUncompressedBytes: 100 * 1024 * 1024,
} as const;

/**
 * The V8 heap of the thread an import runs in. A long import allocates briskly and keeps much of
 * it, so V8 grows its young generation to the largest default (about 100 MB, plus pages it keeps
 * pooled). The largest ledger the limits accept (every sheet near 50,000 rows) peaked at 589 MB as
 * a process with V8's defaults and at 371 MB in a thread with this young generation.
 */
export const importThreadLimits = { maxYoungGenerationSizeMb: 12 } as const;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))}MB`;
const count = (n: number) => n.toLocaleString('ja-JP');

export function fileTooLarge(name: string, bytes: number): string | null {
  return bytes > importLimits.fileBytes
    ? `ファイル「${name}」: ファイルが大きすぎます（${mb(bytes)}。取り込めるのは1ファイル${mb(importLimits.fileBytes)}までです）。シートを分けて取り込んでください`
    : null;
}

export const tooManyRows = (name: string, sheet: string | null) =>
  `ファイル「${name}」${sheet ? `のシート「${sheet}」` : ''}: 行が多すぎます（1シート${count(importLimits.rowsPerSheet)}行まで）。ファイルを分けて取り込んでください`;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** The central directory of a zip (PKWARE APPNOTE 4.3.12/4.3.16): names and sizes, nothing inflated. */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const eocdSignature = 0x06054b50;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === eocdSignature) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const total = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry inflated, never past the size its directory states (a lying zip bomb stops there). */
function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length === entry.size ? data : null;
  if (entry.method !== 8) return null;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    return out.length === entry.size ? out : null;
  } catch {
    return null;
  }
}

/** `<row …>` and `<c …>` start tags in sheet XML, counted on the bytes (no string of the whole sheet). */
function countRowsAndCells(xml: Buffer): { rows: number; cells: number } {
  const lt = 0x3c;
  const isEnd = (byte: number | undefined) =>
    byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
  let rows = 0;
  let cells = 0;
  for (let at = xml.indexOf(lt); at >= 0; at = xml.indexOf(lt, at + 1)) {
    if (xml[at + 1] === 0x63 && isEnd(xml[at + 2])) cells += 1;
    else if (xml[at + 1] === 0x72 && xml[at + 2] === 0x6f && xml[at + 3] === 0x77 && isEnd(xml[at + 4]))
      rows += 1;
  }
  return { rows, cells };
}

/**
 * Checks an .xlsx before it is parsed: entry count and stated uncompressed size from the central
 * directory, then each entry inflated up to its stated size, then rows per sheet and cells. Returns
 * the refusal naming the file, or null when the reader may load it.
 */
export function checkWorkbookBounds(name: string, bytes: Buffer): string | null {
  const entries = zipEntries(bytes);
  if (!entries) return null; // Not a zip: the reader names it as unreadable.
  const tooBig = `ファイル「${name}」: 展開すると大きすぎるため読み込みません（中身が${mb(importLimits.xlsxUncompressedBytes)}を超えるか、ファイルの数が${count(importLimits.xlsxEntries)}を超えています）`;
  if (entries.length > importLimits.xlsxEntries) return tooBig;
  const stated = entries.reduce((sum, e) => sum + e.size, 0);
  // 0xFFFFFFFF is a ZIP64 size: more than 4 GB, far past the bound.
  if (stated > importLimits.xlsxUncompressedBytes || entries.some((e) => e.size === 0xffffffff))
    return tooBig;
  let cells = 0;
  for (const entry of entries) {
    const content = inflateEntry(bytes, entry);
    if (!content)
      return `ファイル「${name}」: Excel ブック（.xlsx）の中身が壊れています（${entry.name}）。Excel で開いて保存し直してください`;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const counted = countRowsAndCells(content);
    if (counted.rows > importLimits.rowsPerSheet) return tooManyRows(name, null);
    cells += counted.cells;
  }
  if (cells > importLimits.xlsxCells)
    return `ファイル「${name}」: セルが多すぎます（1ブック${count(importLimits.xlsxCells)}セルまで）。ブックを分けて取り込んでください`;
  return null;
}
