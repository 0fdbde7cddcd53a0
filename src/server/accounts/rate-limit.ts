/**
 * Fixed-window attempt counters kept in the database (table rate_limits), not
 * in memory: a Worker isolate's memory is neither shared with other isolates
 * nor kept between requests.
 *
 * A counter counts attempts (e.g. wrong passwords) in a window. The attempt
 * that reaches the limit locks the key: the window is pushed to at least
 * `lockMs` from then, and every attempt is refused until it ends.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export interface RateLimitPolicy {
  /** Attempts allowed in a window; the one that reaches it locks the key. */
  limit: number;
  windowMs: number;
  /** How long a key stays locked after reaching the limit. */
  lockMs: number;
}

export interface RateLimitState {
  count: number;
  windowEndsAt: Date;
  /** Whether further attempts are refused now. */
  locked: boolean;
  /** Seconds until attempts are allowed again (0 when not locked), for Retry-After. */
  retryAfterSeconds: number;
}

function stateOf(row: { count: number; windowEndsAt: number }, policy: RateLimitPolicy, now: Date): RateLimitState {
  const windowEndsAt = Number(row.windowEndsAt);
  const locked = Number(row.count) >= policy.limit && windowEndsAt > now.getTime();
  return {
    count: Number(row.count),
    windowEndsAt: new Date(windowEndsAt),
    locked,
    retryAfterSeconds: locked ? Math.ceil((windowEndsAt - now.getTime()) / 1000) : 0,
  };
}

/**
 * Counts one attempt against a key and returns the counter after it. One
 * statement (an UPSERT with RETURNING), so concurrent attempts on several
 * isolates each see their own increment and none is lost.
 */
export async function recordAttempt(db: Database, key: string, policy: RateLimitPolicy, now: Date): Promise<RateLimitState> {
  const at = now.getTime();
  const windowEnd = at + policy.windowMs;
  const lockEnd = at + policy.lockMs;
  const firstEnd = policy.limit <= 1 ? Math.max(windowEnd, lockEnd) : windowEnd;
  // In an UPSERT's SET, bare column names are the row's values before this update.
  const [row] = await db.all<{ count: number; windowEndsAt: number }>(sql`
    INSERT INTO rate_limits (key, count, window_ends_at) VALUES (${key}, 1, ${firstEnd})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_ends_at <= ${at} THEN 1 ELSE count + 1 END,
      window_ends_at = CASE
        WHEN window_ends_at <= ${at} THEN ${firstEnd}
        WHEN count + 1 >= ${policy.limit} THEN max(window_ends_at, ${lockEnd})
        ELSE window_ends_at
      END
    RETURNING count, window_ends_at AS windowEndsAt
  `);
  if (!row) throw new Error(`rate limit upsert for ${key} returned no row`);
  return stateOf(row, policy, now);
}

/** The counter of a key without counting an attempt (null when it has none or its window ended). */
export async function readAttempts(db: Database, key: string, policy: RateLimitPolicy, now: Date): Promise<RateLimitState | null> {
  const [row] = await db.all<{ count: number; windowEndsAt: number }>(
    sql`SELECT count, window_ends_at AS windowEndsAt FROM rate_limits WHERE key = ${key} AND window_ends_at > ${now.getTime()}`,
  );
  return row ? stateOf(row, policy, now) : null;
}

/** The longest lock among keys checked with their policies, or null when none is locked. */
export async function findLock(
  db: Database,
  checks: readonly { key: string; policy: RateLimitPolicy }[],
  now: Date,
): Promise<RateLimitState | null> {
  let longest: RateLimitState | null = null;
  for (const { key, policy } of checks) {
    const state = await readAttempts(db, key, policy, now);
    if (state?.locked && (!longest || state.retryAfterSeconds > longest.retryAfterSeconds)) longest = state;
  }
  return longest;
}

export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.run(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/** Daily upkeep: counters whose window has ended count for nothing. */
export async function deleteEndedWindows(db: Database, now: Date): Promise<void> {
  await db.run(sql`DELETE FROM rate_limits WHERE window_ends_at <= ${now.getTime()}`);
}
