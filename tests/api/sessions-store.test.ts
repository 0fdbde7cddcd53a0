/** Sessions and rate-limit counters on a real SQLite: expiry and refresh at their boundaries, atomic counting. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admitAttempt, clearAttempts, recordAttempt, refundAttempt } from '../../src/server/accounts/rate-limit';
import { RateLimitedError } from '../../src/server/errors';
import {
  createSession,
  deleteExpiredSessions,
  listUserSessions,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_REFRESH_INTERVAL_MS,
  validateSessionToken,
} from '../../src/server/accounts/sessions';
import { createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';

const T0 = new Date('2026-11-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('session validation', async () => {
  const { db } = await migratedMemoryDatabase();

  it('accepts the token, refuses a wrong secret, and a made-up id', async () => {
    const user = await createTestUser(db);
    const { token } = await createSession(db, user.id, T0);
    expect((await validateSessionToken(db, token, T0))?.user.id).toBe(user.id);
    const [id, secret] = token.split('.') as [string, string];
    const otherSecret = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(await validateSessionToken(db, `${id}.${otherSecret}`, T0)).toBeNull();
    expect(await validateSessionToken(db, `${'a'.repeat(32)}.${secret}`, T0)).toBeNull();
    // A wrong secret does not end the real session.
    expect(await validateSessionToken(db, token, T0)).not.toBeNull();
  });

  it('writes lastVerifiedAt only once an hour has passed', async () => {
    const user = await createTestUser(db);
    const { token } = await createSession(db, user.id, T0);
    const early = await validateSessionToken(db, token, at(SESSION_REFRESH_INTERVAL_MS - 1));
    expect(early?.refreshed).toBe(false);
    expect(early?.session.lastVerifiedAt).toEqual(T0);
    const onTime = await validateSessionToken(db, token, at(SESSION_REFRESH_INTERVAL_MS));
    expect(onTime?.refreshed).toBe(true);
    expect((await listUserSessions(db, user.id))[0]?.lastVerifiedAt).toEqual(at(SESSION_REFRESH_INTERVAL_MS));
  });

  it('ends at the idle timeout to the millisecond, and deletes the row', async () => {
    const user = await createTestUser(db);
    const { token } = await createSession(db, user.id, T0);
    expect(await validateSessionToken(db, token, at(SESSION_IDLE_TIMEOUT_MS - 1))).not.toBeNull();
    const user2 = await createTestUser(db);
    const second = await createSession(db, user2.id, T0);
    expect(await validateSessionToken(db, second.token, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
    expect(await listUserSessions(db, user2.id)).toEqual([]);
  });

  it('use keeps a session alive, but not past its absolute lifetime', async () => {
    const user = await createTestUser(db);
    const { token } = await createSession(db, user.id, T0);
    const step = SESSION_IDLE_TIMEOUT_MS - 60_000;
    let now = 0;
    while (now + step < SESSION_ABSOLUTE_LIFETIME_MS) {
      now += step;
      expect(await validateSessionToken(db, token, at(now))).not.toBeNull();
    }
    expect(await validateSessionToken(db, token, at(SESSION_ABSOLUTE_LIFETIME_MS - 1))).not.toBeNull();
    expect(await validateSessionToken(db, token, at(SESSION_ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('daily upkeep deletes only sessions past a deadline', async () => {
    const user = await createTestUser(db);
    await createSession(db, user.id, T0);
    await createSession(db, user.id, at(SESSION_IDLE_TIMEOUT_MS));
    await deleteExpiredSessions(db, at(SESSION_IDLE_TIMEOUT_MS + 1));
    expect((await listUserSessions(db, user.id)).map((s) => s.createdAt)).toEqual([at(SESSION_IDLE_TIMEOUT_MS)]);
  });
});

describe('rate-limit counters', async () => {
  const { db } = await migratedMemoryDatabase();
  const policy = { limit: 3, windowMs: 60_000, lockMs: 300_000 };

  it('count in one statement even when attempts race', async () => {
    const states = await Promise.all(
      Array.from({ length: 20 }, () => recordAttempt(db, 'race', { ...policy, limit: 100 }, T0)),
    );
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('lock at the limit for lockMs, refuse what comes after without prolonging the lock, then start afresh', async () => {
    const limits = [{ key: 'k', policy }];
    expect((await admitAttempt(db, limits, T0))[0]?.locked).toBe(false);
    expect((await admitAttempt(db, limits, at(1000)))[0]?.locked).toBe(false);
    const [third] = await admitAttempt(db, limits, at(2000));
    expect(third).toMatchObject({ locked: true, refused: false, retryAfterSeconds: 300 });
    await expect(admitAttempt(db, limits, at(2000 + 299_000))).rejects.toMatchObject({ retryAfterSeconds: 1 });
    await expect(admitAttempt(db, limits, at(2000 + 299_500))).rejects.toThrow(RateLimitedError);
    expect((await admitAttempt(db, limits, at(2000 + 300_000)))[0]).toMatchObject({ count: 1, locked: false });
  });

  it('forget attempts once their window has passed', async () => {
    await recordAttempt(db, 'w', policy, T0);
    expect((await recordAttempt(db, 'w', policy, at(59_999))).count).toBe(2);
    expect((await recordAttempt(db, 'w', policy, at(60_000))).count).toBe(1);
  });

  it('stop at the first limit that refuses: the keys after it are not counted', async () => {
    const own = { key: 'own', policy: { ...policy, limit: 1 } };
    const shared = { key: 'shared', policy };
    await admitAttempt(db, [own, shared], T0);
    await expect(admitAttempt(db, [own, shared], at(1000))).rejects.toThrow(RateLimitedError);
    expect((await recordAttempt(db, 'shared', policy, at(2000))).count).toBe(2);
  });

  it('give an admitted attempt back, within its window only', async () => {
    const limits = [{ key: 'r', policy }];
    await admitAttempt(db, limits, T0);
    await admitAttempt(db, limits, at(1000));
    await refundAttempt(db, limits, at(2000));
    expect((await recordAttempt(db, 'r', policy, at(3000))).count).toBe(2);
    await refundAttempt(db, limits, at(60_000));
    expect((await recordAttempt(db, 'r', policy, at(60_000))).count).toBe(1);
  });

  it('store every key as its SHA-256: a megabyte of email makes a 64-character key, and no address is kept in the clear', async () => {
    const huge = `${'a'.repeat(1_000_000)}@example.test`;
    await recordAttempt(db, `sign-in:account:${huge}`, policy, T0);
    await recordAttempt(db, 'sign-in:address:203.0.113.9', policy, T0);
    const keys = await db.all<{ key: string }>(sql`SELECT key FROM rate_limits`);
    expect(keys.length).toBeGreaterThan(1);
    for (const { key } of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    await clearAttempts(db, `sign-in:account:${huge}`);
    expect((await recordAttempt(db, `sign-in:account:${huge}`, policy, at(1000))).count).toBe(1);
  });
});
