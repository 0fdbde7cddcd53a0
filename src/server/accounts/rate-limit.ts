/**
 * Fixed-window attempt counters kept in the database (table rate_limits), not
 * in memory: a Worker isolate's memory is neither shared with other isolates
 * nor kept between requests.
 *
 * A counter counts attempts (e.g. wrong passwords) in a window. The attempt
 * that reaches the limit locks the key: the window is pushed to at least
 * `lockMs` from then, and every later attempt is refused until it ends.
 *
 * An attempt is counted before the work it guards, and admitted only if the
 * count the increment returns is within the limit (admitAttempt). Reading the
 * counter first and counting afterwards would let every request that arrives
 * before the first one is counted through: fifty parallel guesses would all
 * be checked against a limit of ten.
 *
 * Keys are stored as their SHA-256: a counter row has the same small size
 * whatever the key names (an email of any length, an address), and the table
 * keeps no email or address in the clear.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { RateLimitedError } from '../errors';
import { hashToken } from './tokens';

export interface RateLimitPolicy {
  /** Attempts admitted in a window; the one that reaches it locks the key. */
  limit: number;
  windowMs: number;
  /** How long a key stays locked after reaching the limit. */
  lockMs: number;
}

/** A policy applied to one key (an account, an address, a cooperative). */
export interface RateLimit {
  key: string;
  policy: RateLimitPolicy;
}

export interface RateLimitState {
  count: number;
  windowEndsAt: Date;
  /** Whether this attempt was over the limit, so must not be let through. */
  refused: boolean;
  /** Whether attempts after this one are refused (the limit is reached and the window open). */
  locked: boolean;
  /** Seconds until attempts are admitted again (0 when not locked), for Retry-After. */
  retryAfterSeconds: number;
}

const storedKey = (key: string) => hashToken(key);

function stateOf(row: { count: number; windowEndsAt: number }, policy: RateLimitPolicy, now: Date): RateLimitState {
  const count = Number(row.count);
  const windowEndsAt = Number(row.windowEndsAt);
  const locked = count >= policy.limit && windowEndsAt > now.getTime();
  return {
    count,
    windowEndsAt: new Date(windowEndsAt),
    refused: count > policy.limit,
    locked,
    retryAfterSeconds: locked ? Math.ceil((windowEndsAt - now.getTime()) / 1000) : 0,
  };
}

/**
 * Counts one attempt against a key and returns the counter after it. One
 * statement (an UPSERT with RETURNING), so concurrent attempts on several
 * isolates each see their own increment and none is lost.
 */
export async function recordAttempt(
  db: Database,
  key: string,
  policy: RateLimitPolicy,
  now: Date,
): Promise<RateLimitState> {
  const at = now.getTime();
  const windowEnd = at + policy.windowMs;
  const lockEnd = at + policy.lockMs;
  const firstEnd = policy.limit <= 1 ? Math.max(windowEnd, lockEnd) : windowEnd;
  // In an UPSERT's SET, bare column names are the row's values before this update. Only the attempt
  // that reaches the limit starts the lock: refused attempts after it do not prolong it.
  const [row] = await db.all<{ count: number; windowEndsAt: number }>(sql`
    INSERT INTO rate_limits (key, count, window_ends_at) VALUES (${storedKey(key)}, 1, ${firstEnd})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_ends_at <= ${at} THEN 1 ELSE count + 1 END,
      window_ends_at = CASE
        WHEN window_ends_at <= ${at} THEN ${firstEnd}
        WHEN count + 1 = ${policy.limit} THEN max(window_ends_at, ${lockEnd})
        ELSE window_ends_at
      END
    RETURNING count, window_ends_at AS windowEndsAt
  `);
  if (!row) throw new Error(`rate limit upsert for ${key} returned no row`);
  return stateOf(row, policy, now);
}

/**
 * Counts this attempt against each limit, in order, and throws
 * RateLimitedError at the first one it is over; the limits after that one
 * are not counted. So list the requester's own key (the client address)
 * before shared ones (an account, a cooperative): a locked-out address then
 * cannot use up the attempts of someone else's account.
 *
 * Returns the counters, so a caller can tell whether this attempt reached a
 * limit (`locked`), e.g. to answer the wrong password that locks an account
 * with 429 at once.
 */
export async function admitAttempt(db: Database, limits: readonly RateLimit[], now: Date): Promise<RateLimitState[]> {
  const states: RateLimitState[] = [];
  for (const { key, policy } of limits) {
    const state = await recordAttempt(db, key, policy, now);
    if (state.refused) throw new RateLimitedError(state.retryAfterSeconds);
    states.push(state);
  }
  return states;
}

/** Seconds until the longest of the locks among the counters ends, 0 when none is locked. */
export function longestLock(states: readonly RateLimitState[]): number {
  return Math.max(0, ...states.map((s) => s.retryAfterSeconds));
}

/**
 * Gives an admitted attempt back, for limits that count failures only (a
 * right password, a look-up that found its inquiry). A window that has ended
 * meanwhile is left alone.
 */
export async function refundAttempt(db: Database, limits: readonly RateLimit[], now: Date): Promise<void> {
  if (limits.length === 0) return;
  const keys = sql.join(
    limits.map(({ key }) => sql`${storedKey(key)}`),
    sql`, `,
  );
  await db.run(
    sql`UPDATE rate_limits SET count = count - 1 WHERE key IN (${keys}) AND count > 0 AND window_ends_at > ${now.getTime()}`,
  );
}

export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.run(sql`DELETE FROM rate_limits WHERE key = ${storedKey(key)}`);
}

/** Daily upkeep: counters whose window has ended count for nothing. */
export async function deleteEndedWindows(db: Database, now: Date): Promise<void> {
  await db.run(sql`DELETE FROM rate_limits WHERE window_ends_at <= ${now.getTime()}`);
}
