/** Sessions and rate-limit counters on a real SQLite: expiry and refresh at their boundaries, atomic counting. */
import { describe, expect, it } from 'vitest';
import { findLock, readAttempts, recordAttempt } from '../../src/server/accounts/rate-limit';
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
    const states = await Promise.all(Array.from({ length: 20 }, () => recordAttempt(db, 'race', { ...policy, limit: 100 }, T0)));
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('lock at the limit for lockMs, then start afresh', async () => {
    expect((await recordAttempt(db, 'k', policy, T0)).locked).toBe(false);
    expect((await recordAttempt(db, 'k', policy, at(1000))).locked).toBe(false);
    const third = await recordAttempt(db, 'k', policy, at(2000));
    expect(third.locked).toBe(true);
    expect(third.retryAfterSeconds).toBe(300);
    expect((await findLock(db, [{ key: 'k', policy }], at(2000 + 299_000)))?.retryAfterSeconds).toBe(1);
    expect(await findLock(db, [{ key: 'k', policy }], at(2000 + 300_000))).toBeNull();
    expect((await recordAttempt(db, 'k', policy, at(2000 + 300_000))).count).toBe(1);
  });

  it('forget attempts once their window has passed', async () => {
    await recordAttempt(db, 'w', policy, T0);
    await recordAttempt(db, 'w', policy, at(1000));
    expect((await readAttempts(db, 'w', policy, at(59_999)))?.count).toBe(2);
    expect(await readAttempts(db, 'w', policy, at(60_000))).toBeNull();
    expect((await recordAttempt(db, 'w', policy, at(60_000))).count).toBe(1);
  });
});
