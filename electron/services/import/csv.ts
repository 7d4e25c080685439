import iconv from 'iconv-lite';

/** Thrown when a quoted field never closes; `record` is the 1-based record it started in. */
export class CsvSyntaxError extends Error {
  constructor(readonly record: number) {
    super(`unterminated quote in record ${record}`);
  }
}

/**
 * CSV bytes as Excel saves them: UTF-8 with or without BOM, otherwise Shift_JIS (CP932, Excel's
 * default on Japanese Windows). Valid UTF-8 is almost never valid CP932 text by accident.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
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

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === '"' && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      quotedField = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      quotedField = false;
    } else field += ch;
  }
  if (inQuotes) throw new CsvSyntaxError(records.length + 1);
  if (field !== '' || quotedField || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
