import { describe, expect, it } from 'vitest';
import commonPasswords from '../../src/server/accounts/data/common-passwords.json';
import {
  hashPassword,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PBKDF2_ITERATIONS,
  parsePasswordHash,
  passwordIssue,
  verifyPassword,
  WORKERS_PBKDF2_MAX_ITERATIONS,
} from '../../src/server/accounts/passwords';

describe('PBKDF2 cost', () => {
  it('stays at or under 100,000 iterations, the most production Workers accept', () => {
    // Local workerd accepts more, so only this test stops a raise that would break every production sign-in.
    expect(WORKERS_PBKDF2_MAX_ITERATIONS).toBe(100_000);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(50_000);
  });
});

describe('password hashes', () => {
  it('are versioned strings with the cost, a random salt and the key', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).toMatch(/^pbkdf2-sha256\$v1\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.iterations).toBe(100_000);
  });

  it('verify the right password only', async () => {
    const stored = await hashPassword('mật khẩu dài của tôi');
    expect(await verifyPassword('mật khẩu dài của tôi', stored)).toEqual({ valid: true, needsRehash: false });
    expect((await verifyPassword('mật khẩu dài của toi', stored)).valid).toBe(false);
    expect((await verifyPassword('', stored)).valid).toBe(false);
  });

  it('treat composed and decomposed Vietnamese letters as the same password', async () => {
    const composed = 'Hợp tác xã Ế'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect((await verifyPassword(decomposed, await hashPassword(composed))).valid).toBe(true);
  });

  it('keep verifying hashes of a lower cost, and ask for a rehash', async () => {
    const old = await hashPassword('an older passphrase', 10_000);
    expect(await verifyPassword('an older passphrase', old)).toEqual({ valid: true, needsRehash: true });
    expect(await verifyPassword('wrong', old)).toEqual({ valid: false, needsRehash: false });
  });

  it('refuse malformed hashes and costs Workers would refuse', async () => {
    for (const stored of [
      '',
      'plain',
      'pbkdf2-sha256$v2$1000$AAAA$AAAA',
      'bcrypt$v1$10$a$b',
      'pbkdf2-sha256$v1$abc$AAAA$AAAA',
    ]) {
      expect(parsePasswordHash(stored)).toBeNull();
      expect((await verifyPassword('x', stored)).valid).toBe(false);
    }
    const tooCostly = (await hashPassword('p', 1000)).replace('$1000$', '$200000$');
    expect(parsePasswordHash(tooCostly)).toBeNull();
  });
});

describe('password rules (ASVS 5.0, 6.2)', () => {
  it('need at least 8 characters, counted as characters, not UTF-16 units', () => {
    expect(passwordIssue('')).toEqual({ code: 'required' });
    expect(passwordIssue('seven77')).toEqual({ code: 'too_short', params: { min: 8 } });
    expect(passwordIssue('🌾🌾🌾🌾🌾🌾🌾')).toEqual({ code: 'too_short', params: { min: 8 } });
    expect(passwordIssue('eight888 is fine')).toBeNull();
  });

  it('allow at least 64 and at most 128 characters', () => {
    expect(passwordIssue('x'.repeat(63) + 'y')).toBeNull();
    expect(passwordIssue('lúa'.repeat(42) + 'ab')).toBeNull();
    expect(passwordIssue('z'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual({ code: 'too_long', params: { max: 128 } });
  });

  it('have no composition rules: any letters, spaces and marks will do', () => {
    expect(passwordIssue('chỉ có chữ thường')).toBeNull();
    expect(passwordIssue('        ok        ')).toBeNull();
    expect(passwordIssue('31415926535897932384')).toBeNull();
  });

  it('refuse the most common passwords, whatever their case', () => {
    expect(commonPasswords.length).toBeGreaterThanOrEqual(3000);
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('PassWord1')).toBe(true);
    expect(isCommonPassword('iloveyou2')).toBe(true);
    expect(passwordIssue('QWERTYUIOP')).toEqual({ code: 'password_common' });
    expect(passwordIssue('qwertyuiop là mật khẩu')).toBeNull();
    for (const entry of commonPasswords) {
      expect(entry.length).toBeGreaterThanOrEqual(8);
      expect(entry).toBe(entry.toLowerCase());
    }
  });
});
