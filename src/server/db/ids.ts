/**
 * Opaque random ids for rows created at run time (the demo seed derives its
 * ids from a fixed stream instead, see ./seed/codes.ts). 16 random bytes in
 * lower-case base32: 26 characters, 128 bits, nothing to guess or count.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function newId(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));
}
