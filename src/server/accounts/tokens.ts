/**
 * Random tokens and their stored hashes, shared by sessions, password reset
 * links and invitations. Tokens are lower-case base32 without padding (as in
 * the Lucia guide): safe in cookies and URLs, and case-insensitive readers
 * cannot mangle them. Only SHA-256 of a secret is stored, so a copy of the
 * database does not hold working tokens.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 20 bytes: 160 bits, 32 characters. Used for session ids. */
export const ID_BYTES = 20;
/** 32 bytes: 256 bits, 52 characters. Used for secrets and one-time links. */
export const SECRET_BYTES = 32;

export function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The characters `randomToken` produces, and their count for a given number of bytes. */
export function tokenPattern(bytes: number): string {
  return `[a-z2-7]{${Math.ceil((bytes * 8) / 5)}}`;
}

const encoder = new TextEncoder();

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(encoder.encode(token)));
}

/**
 * Whether a presented secret hashes to the stored hash, compared in constant
 * time so the time taken says nothing about how many bytes matched.
 */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(storedHash)) return false;
  return constantTimeEqual(sha256(encoder.encode(token)), decodeHex(storedHash));
}
