/**
 * Sessions after the Lucia guide's current design (lucia-auth.com, "Sessions";
 * code/auth_session.ts in lucia-auth/lucia):
 * - the token is `<id>.<secret>`, both random lower-case base32 (160 and 256 bits);
 * - the database keeps the id and SHA-256 of the secret, never the secret, and
 *   compares hashes in constant time;
 * - every sign-in makes a new session (a token set before sign-in is never
 *   promoted, so fixation has nothing to fix);
 * - a session ends after SESSION_IDLE_TIMEOUT_MS without use, and in any case
 *   SESSION_ABSOLUTE_LIFETIME_MS after sign-in; use extends the idle deadline,
 *   written at most once per SESSION_REFRESH_INTERVAL_MS to spare the database;
 * - signing out deletes the session; a password change or reset deletes all
 *   of the user's sessions.
 */
import { and, eq, lte, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';
import { hashToken, ID_BYTES, randomToken, SECRET_BYTES, tokenMatchesHash, tokenPattern } from './tokens';
import { type SessionUser, sessionUserColumns } from './users';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const SESSION_IDLE_TIMEOUT_MS = 10 * DAY_MS;
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_REFRESH_INTERVAL_MS = HOUR_MS;

export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  lastVerifiedAt: Date;
}

/** When a session ends if not used again: the earlier of its idle and absolute deadlines. */
export function sessionExpiresAt(session: Pick<Session, 'createdAt' | 'lastVerifiedAt'>): Date {
  return new Date(
    Math.min(
      session.lastVerifiedAt.getTime() + SESSION_IDLE_TIMEOUT_MS,
      session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS,
    ),
  );
}

const TOKEN_FORMAT = new RegExp(`^(${tokenPattern(ID_BYTES)})\\.(${tokenPattern(SECRET_BYTES)})$`);

/** Splits a token into id and secret, or null when it cannot be one of ours. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_FORMAT.exec(token);
  return match ? { id: match[1] as string, secret: match[2] as string } : null;
}

export interface NewSession {
  session: Session;
  /** Goes to the client (cookie) once; the server cannot produce it again. */
  token: string;
}

export async function createSession(db: Database, userId: string, now: Date): Promise<NewSession> {
  const id = randomToken(ID_BYTES);
  const secret = randomToken(SECRET_BYTES);
  const session: Session = { id, userId, createdAt: now, lastVerifiedAt: now };
  await db.insert(sessions).values({ ...session, secretHash: hashToken(secret) });
  return { session, token: `${id}.${secret}` };
}

export interface ValidatedSession {
  session: Session;
  user: SessionUser;
  /** The idle deadline moved: the client's cookie should be set again with the new expiry. */
  refreshed: boolean;
}

export async function validateSessionToken(db: Database, token: string, now: Date): Promise<ValidatedSession | null> {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const [row] = await db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        createdAt: sessions.createdAt,
        lastVerifiedAt: sessions.lastVerifiedAt,
        secretHash: sessions.secretHash,
      },
      user: { ...sessionUserColumns, disabledAt: users.disabledAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parts.id))
    .limit(1);
  if (!row) return null;
  const { secretHash, ...session } = row.session;
  if (!tokenMatchesHash(parts.secret, secretHash)) return null;
  if (now.getTime() >= sessionExpiresAt(session).getTime() || row.user.disabledAt) {
    await invalidateSession(db, session.id);
    return null;
  }
  const { disabledAt: _disabled, ...user } = row.user;
  let refreshed = false;
  if (now.getTime() - session.lastVerifiedAt.getTime() >= SESSION_REFRESH_INTERVAL_MS) {
    session.lastVerifiedAt = now;
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, session.id));
    refreshed = true;
  }
  return { session, user, refreshed };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export function invalidateUserSessionsStatement(db: Database, userId: string) {
  return db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await invalidateUserSessionsStatement(db, userId);
}

/** Daily upkeep: sessions past either deadline can never be used again. */
export async function deleteExpiredSessions(db: Database, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lte(sessions.lastVerifiedAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
        lte(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_LIFETIME_MS)),
      ),
    );
}

/** Sessions of a user, newest first (for tests and, later, a "your devices" list). */
export async function listUserSessions(db: Database, userId: string): Promise<Session[]> {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId)));
}
