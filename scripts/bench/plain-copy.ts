import { createDecipheriv } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** SQLCipher 4 as db/open.ts configures it (legacy=4): 4096-byte pages, each ending in IV + HMAC-SHA512. */
const pageSize = 4096;
const ivBytes = 16;
const reserveBytes = ivBytes + 64;
const saltBytes = 16;
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A decrypted copy of a checkpointed vault file, page for page: the same pages in the same places,
 * each page's reserved bytes kept (SQLite skips them), only the cipher gone. So encrypted ÷ plain
 * compares the cipher alone. `PRAGMA rekey = ''`, used before, rebuilds the file as VACUUM does
 * (its reserved bytes change to 0): 9% fewer pages, every table packed in order, the rows of one
 * household on fewer pages than in the vault it is compared with.
 */
export function decryptedCopy(encryptedPath: string, plainPath: string, dataKey: Buffer): void {
  const input = openSync(encryptedPath, 'r');
  const output = openSync(plainPath, 'w');
  try {
    const page = Buffer.alloc(pageSize);
    for (let pgno = 1; ; pgno++) {
      const read = readSync(input, page, 0, pageSize, (pgno - 1) * pageSize);
      if (read === 0) break;
      if (read !== pageSize) throw new Error(`${encryptedPath}: page ${pgno} is cut short`);
      const start = pgno === 1 ? saltBytes : 0;
      const end = pageSize - reserveBytes;
      const decipher = createDecipheriv('aes-256-cbc', dataKey, page.subarray(end, end + ivBytes));
      decipher.setAutoPadding(false);
      const plain = Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
      plain.copy(page, start);
      if (pgno === 1) sqliteHeader.copy(page, 0);
      writeSync(output, page, 0, pageSize, (pgno - 1) * pageSize);
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
}
