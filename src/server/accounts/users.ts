/** Users as the rest of the server sees them, and the queries that read them. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, users } from '../db/schema';
import type { UserRole } from './vocabulary';

/** Who is signed in: what guards and pages need, never the password hash. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  cooperativeId: string | null;
  isManager: boolean;
}

export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  cooperativeId: users.cooperativeId,
  isManager: users.isManager,
};

/** Emails are compared trimmed and lower-cased: that is how they are stored. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Deliberately loose (the mail server has the last word): one @, something either side, a dot in the domain. */
export function looksLikeEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export async function findUserForSignIn(db: Database, email: string) {
  const [row] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row ?? null;
}

export interface AccountOverview {
  user: SessionUser;
  /** A suspended cooperative's members see why (the trade department's reason), so they can put it right. */
  cooperative: { id: string; name: string; slug: string; suspendedBecause: string | null } | null;
  createdAt: Date;
}

/** What the account page shows: the user, their cooperative, since when. */
export async function loadAccountOverview(db: Database, userId: string): Promise<AccountOverview | null> {
  const [row] = await db
    .select({
      ...sessionUserColumns,
      createdAt: users.createdAt,
      cooperativeName: cooperatives.name,
      cooperativeSlug: cooperatives.slug,
      cooperativeStatus: cooperatives.status,
      cooperativeStatusReason: cooperatives.statusReason,
    })
    .from(users)
    .leftJoin(cooperatives, eq(cooperatives.id, users.cooperativeId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { createdAt, cooperativeName, cooperativeSlug, cooperativeStatus, cooperativeStatusReason, ...user } = row;
  return {
    user,
    cooperative:
      user.cooperativeId && cooperativeName && cooperativeSlug
        ? {
            id: user.cooperativeId,
            name: cooperativeName,
            slug: cooperativeSlug,
            suspendedBecause: cooperativeStatus === 'suspended' ? (cooperativeStatusReason ?? '') : null,
          }
        : null,
    createdAt,
  };
}
