import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 8 groups of 4 characters: `7KQ2-…`. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** Accepts what a person types: lower case, full-width, spaces, missing hyphens, O for 0, I/L for 1. */
export function normalizeRecoveryCode(input: string): string {
  const plain = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}
