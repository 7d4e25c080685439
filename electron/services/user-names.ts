import { createHmac } from 'node:crypto';

/**
 * How a typed 利用者名 is compared: NFKC (full-width letters and spaces fold), case-folded, all
 * white space removed — 「相談　花子」, 「相談 花子」 and 「相談花子」 are one name.
 */
export function normalizeUserName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * A passphrase slot's name tag: HMAC-SHA256 of the normalised name, keyed with the file's random
 * salt. It lets unlock try only the named user's slot without a name in the file. The salt sits
 * beside it, so the tag hides a name from a reader of the file but confirms a guessed one.
 */
export function nameTagFor(nameSalt: string, name: string): string {
  return createHmac('sha256', Buffer.from(nameSalt, 'base64'))
    .update(normalizeUserName(name), 'utf8')
    .digest('hex');
}
