/**
 * Signing in and out and changing a password: the verbs pages and the API
 * call. Attempts are limited per account and per client address
 * (rate-limit.ts); the limits are counted whether or not the account exists,
 * so they say nothing about which emails have accounts. An attempt is counted
 * before its password is checked, and a right password gives it back: the
 * limits count failures, and parallel guesses cannot outrun them.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { type FieldIssues, InvalidCredentialsError, RateLimitedError, ValidationError } from '../errors';
import { hashPassword, passwordIssue, verifyAgainstDecoy, verifyPassword } from './passwords';
import {
  admitAttempt,
  clearAttempts,
  longestLock,
  type RateLimit,
  type RateLimitPolicy,
  refundAttempt,
} from './rate-limit';
import { createSession, invalidateUserSessionsStatement, type NewSession } from './sessions';
import { findUserForSignIn, normaliseEmail, type SessionUser } from './users';

const MINUTE_MS = 60 * 1000;

/** The tenth wrong password for one account within 15 minutes locks it for 15 minutes. */
export const SIGN_IN_ACCOUNT_POLICY: RateLimitPolicy = { limit: 10, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };
/**
 * One address may be a whole cooperative office behind one NAT, so it gets
 * more room than one account, but not enough to try many accounts.
 */
export const SIGN_IN_ADDRESS_POLICY: RateLimitPolicy = { limit: 30, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };

export function signInAccountKey(email: string): string {
  return `sign-in:account:${normaliseEmail(email)}`;
}
export function signInAddressKey(address: string): string {
  return `sign-in:address:${address}`;
}

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (CF-Connecting-IP), for the per-address limit. */
  clientAddress: string;
  /** The language of the page signed in from: the person's mail is written in it from then on. */
  locale?: Locale;
}

export interface SignedIn extends NewSession {
  user: SessionUser;
}

/** The address first: an address locked out for guessing then cannot spend an account's attempts. */
function signInLimits(email: string, clientAddress: string): RateLimit[] {
  return [
    { key: signInAddressKey(clientAddress), policy: SIGN_IN_ADDRESS_POLICY },
    { key: signInAccountKey(email), policy: SIGN_IN_ACCOUNT_POLICY },
  ];
}

/**
 * Runs a password check as one attempt under the sign-in limits: counted
 * before the check (RateLimitedError, without checking, when over a limit),
 * given back when the password is right. A wrong password that reaches a
 * limit is answered with RateLimitedError at once.
 */
async function checkWithinSignInLimits<T extends { valid: boolean }>(
  db: Database,
  limits: readonly RateLimit[],
  check: () => Promise<T>,
  now: Date,
): Promise<T> {
  const states = await admitAttempt(db, limits, now);
  const result = await check();
  if (result.valid) {
    await refundAttempt(db, limits, now);
    return result;
  }
  const lock = longestLock(states);
  if (lock > 0) throw new RateLimitedError(lock);
  return result;
}

/**
 * Checks the password and opens a new session. Throws RateLimitedError while
 * locked (without looking at the password), and InvalidCredentialsError for
 * a wrong email or password, or RateLimitedError when that failure was the
 * one that reached a limit.
 */
export async function signIn(db: Database, input: SignInInput, now: Date): Promise<SignedIn> {
  const missing: FieldIssues = {};
  if (!input.email.trim()) missing.email = { code: 'required' };
  if (!input.password) missing.password = { code: 'required' };
  if (Object.keys(missing).length > 0) throw new ValidationError(missing);

  const { valid, needsRehash, found } = await checkWithinSignInLimits(
    db,
    signInLimits(input.email, input.clientAddress),
    async () => {
      const found = await findUserForSignIn(db, input.email);
      if (!found || found.disabledAt) {
        await verifyAgainstDecoy(input.password);
        return { valid: false, needsRehash: false, found: null };
      }
      return { ...(await verifyPassword(input.password, found.passwordHash)), found };
    },
    now,
  );
  if (!valid || !found) throw new InvalidCredentialsError();

  const { passwordHash: _hash, disabledAt: _disabled, ...user } = found;
  // The owner is back: whoever was guessing starts again from nothing.
  await clearAttempts(db, signInAccountKey(input.email));
  if (input.locale) {
    await db
      .update(users)
      .set({ locale: input.locale })
      .where(and(eq(users.id, user.id), ne(users.locale, input.locale)));
  }
  if (needsRehash) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  return { user, ...(await createSession(db, user.id, now)) };
}

/** A new password that breaks a rule, as a ValidationError on the given field. */
export function assertAcceptablePassword(password: string, field: string): void {
  const issue = passwordIssue(password);
  if (issue) throw new ValidationError({ [field]: issue });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
}

/**
 * Sets a new password after checking the current one (same limits as
 * sign-in), then ends every session of the user, this one included, and opens
 * a new one for the device that made the change.
 */
export async function changePassword(
  db: Database,
  user: SessionUser,
  change: PasswordChange,
  now: Date,
): Promise<NewSession> {
  const { valid } = await checkWithinSignInLimits(
    db,
    signInLimits(user.email, change.clientAddress),
    async () => {
      const found = await findUserForSignIn(db, user.email);
      return found ? verifyPassword(change.currentPassword, found.passwordHash) : { valid: false };
    },
    now,
  );
  if (!valid) throw new ValidationError({ currentPassword: { code: 'password_wrong' } });
  assertAcceptablePassword(change.newPassword, 'newPassword');
  await setPassword(db, user.id, change.newPassword);
  return createSession(db, user.id, now);
}

/** Stores a new password hash and ends all the user's sessions, in one atomic batch. */
export async function setPassword(db: Database, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    invalidateUserSessionsStatement(db, userId),
  ]);
}
