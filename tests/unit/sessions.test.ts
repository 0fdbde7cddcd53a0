import { describe, expect, it, vi } from 'vitest';

// Spy on the constant-time comparison to show the session secret is checked with it.
vi.mock('@oslojs/crypto/subtle', async (original) => {
  const actual = await original<typeof import('@oslojs/crypto/subtle')>();
  return { ...actual, constantTimeEqual: vi.fn(actual.constantTimeEqual) };
});

const { constantTimeEqual } = await import('@oslojs/crypto/subtle');
const { hashToken, ID_BYTES, randomToken, SECRET_BYTES, tokenMatchesHash } =
  await import('../../src/server/accounts/tokens');
const { parseSessionToken, SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, sessionExpiresAt } =
  await import('../../src/server/accounts/sessions');

describe('tokens', () => {
  it('are lower-case base32 without padding, with at least 128 random bits', () => {
    const id = randomToken(ID_BYTES);
    const secret = randomToken(SECRET_BYTES);
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(secret).toMatch(/^[a-z2-7]{52}$/);
    expect(ID_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(SECRET_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(new Set(Array.from({ length: 200 }, () => randomToken(ID_BYTES))).size).toBe(200);
  });

  it('are stored as SHA-256 only and compared in constant time', () => {
    const secret = randomToken(SECRET_BYTES);
    const stored = hashToken(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    vi.mocked(constantTimeEqual).mockClear();
    expect(tokenMatchesHash(secret, stored)).toBe(true);
    expect(tokenMatchesHash(`${secret.slice(0, -1)}a`, stored)).toBe(secret.endsWith('a'));
    expect(vi.mocked(constantTimeEqual)).toHaveBeenCalledTimes(2);
    expect(tokenMatchesHash(secret, 'not-a-hash')).toBe(false);
  });
});

describe('session tokens', () => {
  it('are "id.secret" and anything else is refused before the database is asked', () => {
    const token = `${randomToken(ID_BYTES)}.${randomToken(SECRET_BYTES)}`;
    expect(parseSessionToken(token)).toEqual({ id: token.split('.')[0], secret: token.split('.')[1] });
    for (const bad of [
      '',
      token.toUpperCase(),
      `${token}.x`,
      token.replace('.', ''),
      `${token.slice(0, -1)}1`,
      `a.${token}`,
    ]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
  });
});

describe('session expiry', () => {
  const created = new Date('2026-11-01T00:00:00Z');

  it('ends an unused session after the idle timeout', () => {
    expect(sessionExpiresAt({ createdAt: created, lastVerifiedAt: created }).getTime()).toBe(
      created.getTime() + SESSION_IDLE_TIMEOUT_MS,
    );
  });

  it('use moves the idle deadline, but never past the absolute lifetime', () => {
    const lastVerifiedAt = new Date(created.getTime() + 5 * 86_400_000);
    expect(sessionExpiresAt({ createdAt: created, lastVerifiedAt }).getTime()).toBe(
      lastVerifiedAt.getTime() + SESSION_IDLE_TIMEOUT_MS,
    );
    const late = new Date(created.getTime() + SESSION_ABSOLUTE_LIFETIME_MS - 3_600_000);
    expect(sessionExpiresAt({ createdAt: created, lastVerifiedAt: late }).getTime()).toBe(
      created.getTime() + SESSION_ABSOLUTE_LIFETIME_MS,
    );
  });
});
