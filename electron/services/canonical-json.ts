import canonicalize from 'canonicalize';

/**
 * JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code unit at every depth, numbers
 * and strings as ECMAScript prints them. It is byte-identical to the hand-written form the first
 * audit events were hashed with (canonical-json.test.ts proves it on every event the app writes),
 * so events written before the switch still verify.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
