/**
 * Password hashing and the password rules.
 *
 * Hashing: PBKDF2-HMAC-SHA256 through WebCrypto (no native module runs on
 * Workers), 16-byte random salt, 32-byte key, in a versioned string
 *   pbkdf2-sha256$v1$<iterations>$<salt, base64>$<key, base64>
 * so the cost can be raised later: old hashes keep verifying with the count
 * they name, and `verifyPassword` says when one should be rehashed.
 *
 * Production Workers refuse PBKDF2 with more than 100,000 iterations (local
 * workerd accepts any count, so a higher value would pass every local test and
 * fail every sign-in in production): PBKDF2_ITERATIONS must stay at or under
 * WORKERS_PBKDF2_MAX_ITERATIONS, which a unit test holds.
 *
 * Rules (OWASP ASVS 5.0 section 6.2): at least 8 characters, up to 128 (ASVS
 * asks that at least 64 be allowed; the cap bounds the hashing work of one
 * request), any characters, no composition rules, and not among the most
 * common passwords (./data/common-passwords.json, see its README).
 */
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import type { FieldIssue } from '../errors';
import commonPasswordList from './data/common-passwords.json';

export const WORKERS_PBKDF2_MAX_ITERATIONS = 100_000;
export const PBKDF2_ITERATIONS = 100_000;
export const PASSWORD_HASH_SCHEME = 'pbkdf2-sha256';
export const PASSWORD_HASH_VERSION = 'v1';
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Vietnamese keyboards may send a letter with its marks composed (ế) or as a
 * base letter plus combining marks; NFC makes both the same password.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(normalisePassword(password)),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await derive(password, salt, iterations);
  return [PASSWORD_HASH_SCHEME, PASSWORD_HASH_VERSION, iterations, encodeBase64(salt), encodeBase64(key)].join('$');
}

export interface ParsedPasswordHash {
  iterations: number;
  salt: Uint8Array;
  key: Uint8Array;
}

export function parsePasswordHash(stored: string): ParsedPasswordHash | null {
  const parts = stored.split('$');
  if (parts.length !== 5 || parts[0] !== PASSWORD_HASH_SCHEME || parts[1] !== PASSWORD_HASH_VERSION) return null;
  const iterations = Number(parts[2]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > WORKERS_PBKDF2_MAX_ITERATIONS) return null;
  try {
    const salt = decodeBase64(parts[3] ?? '');
    const key = decodeBase64(parts[4] ?? '');
    if (salt.length === 0 || key.length !== KEY_BYTES) return null;
    return { iterations, salt, key };
  } catch {
    return null;
  }
}

export interface PasswordCheck {
  valid: boolean;
  /** The hash is valid but weaker than today's setting: store a new one now that the password is known. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { valid: false, needsRehash: false };
  const key = await derive(password, parsed.salt, parsed.iterations);
  const valid = constantTimeEqual(key, parsed.key);
  return { valid, needsRehash: valid && parsed.iterations < PBKDF2_ITERATIONS };
}

/**
 * A hash of a password nobody knows, verified when an email matches no
 * account, so that answer takes as long as a wrong password for a real one.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(password, await decoyHash);
}

const commonPasswords: ReadonlySet<string> = new Set(commonPasswordList);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(normalisePassword(password).toLowerCase());
}

/** Length in characters as people count them (code points), not UTF-16 units. */
function characterCount(text: string): number {
  return [...normalisePassword(text)].length;
}

/** The first rule a new password breaks, as a field issue, or null when it is acceptable. */
export function passwordIssue(password: string): FieldIssue | null {
  const length = characterCount(password);
  if (length === 0) return { code: 'required' };
  if (length < PASSWORD_MIN_LENGTH) return { code: 'too_short', params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'too_long', params: { max: PASSWORD_MAX_LENGTH } };
  if (isCommonPassword(password)) return { code: 'password_common' };
  return null;
}
