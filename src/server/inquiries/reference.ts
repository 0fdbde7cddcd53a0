/**
 * Public reference codes of inquiries, e.g. "HTX-7K3M-Q9PD": 8 random
 * characters of Crockford's base32 (no I, L, O or U, so nothing reads as
 * another letter or a word), 40 bits. A reference alone shows nothing: the
 * status page also needs the buyer's email or phone.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = [...bytes].map((byte) => ALPHABET[byte % 32]).join('');
  return `HTX-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * A reference as typed back by a person: any case, spaces or missing dashes,
 * and the letters people confuse (O for 0, I and L for 1), as Crockford's
 * decoding reads them. Null when it cannot be one of ours.
 */
export function normaliseReference(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^HTX/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return null;
  return `HTX-${compact.slice(0, 4)}-${compact.slice(4)}`;
}
