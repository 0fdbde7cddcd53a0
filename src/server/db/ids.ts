/**
 * Opaque public ids for rows written at run time: 16 characters of Crockford's
 * base32 alphabet (lower case, no i, l, o, u), 80 random bits, the same shape
 * as the seed's deterministic ids. Random, not sequential, so an id tells
 * nothing about how many records exist or when they were made.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}
