import { stringify } from 'csv-stringify/sync';

/** A cell starting with one of these is run as a formula (or a DDE command) by Excel or Calc. */
const formulaStart = /^[=+\-@\t\r]/;

/** Text a spreadsheet shows as text: a leading ' before anything it would run as a formula. */
export const formulaSafe = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

/**
 * Every CSV the app writes: UTF-8 with BOM (Excel on Japanese Windows reads it without garbling),
 * CRLF, any value with a line break quoted, and every text cell formula-safe. Numbers, negative
 * ones included, are written as numbers.
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  const text = stringify(
    rows.map((row) => [...row]),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { string: formulaSafe } },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
