/**
 * Password reset by a one-time link. The link carries 256 random bits; the
 * database keeps only their SHA-256 (as the row's key: looking a hash up
 * leaks nothing about the secret, so no constant-time comparison is needed
 * here). A link works once, for 30 minutes, and asking for a new one voids
 * the older ones. Whether the email has an account is never told: the answer
 * to a request is the same either way.
 */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db/client';
import { passwordResetTokens, users } from '../db/schema';
import { InvalidTokenError, ValidationError } from '../errors';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/messages';
import { assertAcceptablePassword, setPassword, signInAccountKey } from './authentication';
import { admitAttempt, clearAttempts, type RateLimitPolicy, refundAttempt } from './rate-limit';
import { hashToken, randomToken, SECRET_BYTES, tokenPattern } from './tokens';
import { findUserForSignIn, looksLikeEmail, normaliseEmail } from './users';

const MINUTE_MS = 60 * 1000;
export const RESET_LINK_LIFETIME_MS = 30 * MINUTE_MS;

/** Three links an hour for one account, ten requests an hour from one address. */
export const RESET_REQUEST_ACCOUNT_POLICY: RateLimitPolicy = {
  limit: 3,
  windowMs: 60 * MINUTE_MS,
  lockMs: 60 * MINUTE_MS,
};
export const RESET_REQUEST_ADDRESS_POLICY: RateLimitPolicy = {
  limit: 10,
  windowMs: 60 * MINUTE_MS,
  lockMs: 60 * MINUTE_MS,
};
/** Wrong or stale links presented from one address. */
export const RESET_USE_ADDRESS_POLICY: RateLimitPolicy = {
  limit: 20,
  windowMs: 15 * MINUTE_MS,
  lockMs: 15 * MINUTE_MS,
};

const RESET_TOKEN_FORMAT = new RegExp(`^${tokenPattern(SECRET_BYTES)}$`);

export interface ResetRequest {
  email: string;
  clientAddress: string;
  locale: Locale;
  /** The absolute URL of the reset page for a token. */
  linkFor: (token: string) => string;
}

/**
 * Mails a reset link when the email has an active account, and does nothing
 * visible otherwise. Requests are counted per email and per address whether
 * or not the account exists; past the limit: RateLimitedError.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  request: ResetRequest,
  now: Date,
): Promise<void> {
  const email = normaliseEmail(request.email);
  if (!email) throw new ValidationError({ email: { code: 'required' } });
  if (!looksLikeEmail(email)) throw new ValidationError({ email: { code: 'email_invalid' } });
  await admitAttempt(
    db,
    [
      { key: `reset:address:${request.clientAddress}`, policy: RESET_REQUEST_ADDRESS_POLICY },
      { key: `reset:account:${email}`, policy: RESET_REQUEST_ACCOUNT_POLICY },
    ],
    now,
  );

  const user = await findUserForSignIn(db, email);
  if (!user || user.disabledAt) return;
  const token = randomToken(SECRET_BYTES);
  await db.batch([
    db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id)),
    db.insert(passwordResetTokens).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS),
      createdAt: now,
    }),
  ]);
  await mailer.send(passwordResetMail(request.locale, user.email, request.linkFor(token)));
}

/** Whether a link can still be used (to show the form, or say it cannot). */
export async function resetLinkIsValid(db: Database, token: string, now: Date): Promise<boolean> {
  if (!RESET_TOKEN_FORMAT.test(token)) return false;
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), gt(passwordResetTokens.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

export interface PasswordReset {
  token: string;
  newPassword: string;
  clientAddress: string;
}

/**
 * Sets the new password and ends every session of the account. The link is
 * used up by one conditional DELETE … RETURNING, so two requests racing with
 * the same link cannot both succeed. A password that breaks a rule is
 * refused before the link is used, so the person can try another.
 */
export async function resetPassword(db: Database, reset: PasswordReset, now: Date): Promise<void> {
  // Counted before the link is looked at, given back when it is good: only wrong or stale links count.
  const limits = [{ key: `reset-use:address:${reset.clientAddress}`, policy: RESET_USE_ADDRESS_POLICY }];
  await admitAttempt(db, limits, now);
  if (!(await resetLinkIsValid(db, reset.token, now))) throw new InvalidTokenError();
  await refundAttempt(db, limits, now);
  assertAcceptablePassword(reset.newPassword, 'newPassword');
  const [used] = await db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(reset.token)), gt(passwordResetTokens.expiresAt, now)))
    .returning({ userId: passwordResetTokens.userId });
  if (!used) throw new InvalidTokenError();
  await setPassword(db, used.userId, reset.newPassword);
  // Whoever locked the account by guessing is shut out by the new password; its owner may sign in now.
  const [owner] = await db.select({ email: users.email }).from(users).where(eq(users.id, used.userId));
  if (owner) await clearAttempts(db, signInAccountKey(owner.email));
}

/** Daily upkeep: links past their lifetime. */
export async function deleteExpiredResetLinks(db: Database, now: Date): Promise<void> {
  await db.delete(passwordResetTokens).where(lte(passwordResetTokens.expiresAt, now));
}
