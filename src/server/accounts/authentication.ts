/**
 * Signing in and out and changing a password: the verbs pages and the API
 * call. Attempts are limited per account and per client address
 * (rate-limit.ts); the limits are counted whether or not the account exists,
 * so they say nothing about which emails have accounts.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { type FieldIssues, InvalidCredentialsError, RateLimitedError, ValidationError } from '../errors';
import { hashPassword, passwordIssue, verifyAgainstDecoy, verifyPassword } from './passwords';
import { clearAttempts, findLock, type RateLimitPolicy, recordAttempt } from './rate-limit';
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
}

export interface SignedIn extends NewSession {
  user: SessionUser;
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
  const checks = [
    { key: signInAccountKey(input.email), policy: SIGN_IN_ACCOUNT_POLICY },
    { key: signInAddressKey(input.clientAddress), policy: SIGN_IN_ADDRESS_POLICY },
  ];
  const lock = await findLock(db, checks, now);
  if (lock) throw new RateLimitedError(lock.retryAfterSeconds);

  const found = await findUserForSignIn(db, input.email);
  let valid = false;
  let needsRehash = false;
  if (found && !found.disabledAt) {
    ({ valid, needsRehash } = await verifyPassword(input.password, found.passwordHash));
  } else {
    await verifyAgainstDecoy(input.password);
  }

  if (!found || !valid || found.disabledAt) {
    let longestLock = 0;
    for (const { key, policy } of checks) {
      const state = await recordAttempt(db, key, policy, now);
      if (state.locked) longestLock = Math.max(longestLock, state.retryAfterSeconds);
    }
    if (longestLock > 0) throw new RateLimitedError(longestLock);
    throw new InvalidCredentialsError();
  }

  const { passwordHash: _hash, disabledAt: _disabled, ...user } = found;
  await clearAttempts(db, signInAccountKey(input.email));
  if (needsRehash) {
    await db.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, user.id));
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
export async function changePassword(db: Database, user: SessionUser, change: PasswordChange, now: Date): Promise<NewSession> {
  const checks = [
    { key: signInAccountKey(user.email), policy: SIGN_IN_ACCOUNT_POLICY },
    { key: signInAddressKey(change.clientAddress), policy: SIGN_IN_ADDRESS_POLICY },
  ];
  const lock = await findLock(db, checks, now);
  if (lock) throw new RateLimitedError(lock.retryAfterSeconds);
  const found = await findUserForSignIn(db, user.email);
  const { valid } = found ? await verifyPassword(change.currentPassword, found.passwordHash) : { valid: false };
  if (!valid) {
    for (const { key, policy } of checks) {
      const state = await recordAttempt(db, key, policy, now);
      if (state.locked) throw new RateLimitedError(state.retryAfterSeconds);
    }
    throw new ValidationError({ currentPassword: { code: 'password_wrong' } });
  }
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
