import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** A CSV that cannot be read; `record` is the 1-based record the problem started in. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly reason: string,
  ) {
    super(`${reason} (record ${record})`);
  }
}

/** A UTF-8 BOM followed by bytes that are not UTF-8. */
export class CsvEncodingError extends Error {
  constructor() {
    super('BOM followed by invalid UTF-8');
  }
}

/**
 * CSV bytes as Excel saves them: UTF-8 with or without BOM, otherwise Shift_JIS (CP932, Excel's
 * default on Japanese Windows). Valid UTF-8 is almost never valid CP932 text by accident.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A BOM says UTF-8: bytes that are not (Shift_JIS saved behind a BOM) would import garbled.
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    } catch {
      throw new CsvEncodingError();
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  }
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * RFC 4180 as Excel writes it: quoted fields, doubled quotes, CRLF, LF or CR (even mixed), line
 * breaks inside quotes kept. Rows may differ in length; a stray quote inside a bare value is kept.
 * With `maxRecords`, parsing stops one record past it.
 */
export function parseCsv(text: string, maxRecords?: number): string[][] {
  try {
    return parse(text, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      // One record past the bound is enough to refuse: the rest is never parsed.
      ...(maxRecords !== undefined ? { to: maxRecords + 1 } : {}),
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const record = Number(err.records ?? 0) + 1;
    throw new CsvSyntaxError(
      record,
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? '「"」で始まった値が閉じられていません'
        : 'CSV として読めません。Excel で開いて保存し直してください',
    );
  }
}
