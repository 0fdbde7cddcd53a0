/**
 * Authorisation checks for pages and the API. Each takes whoever the request
 * is signed in as (or null) and returns that user narrowed, or throws:
 * UnauthenticatedError (401; pages send people to sign in) or ForbiddenError
 * (403). Routes call them before reading or changing anything.
 */
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { SessionUser } from './users';
import type { UserRole } from './vocabulary';

export function requireUser(user: SessionUser | null | undefined): SessionUser {
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function requireRole(user: SessionUser | null | undefined, ...roles: readonly UserRole[]): SessionUser {
  const signedIn = requireUser(user);
  if (!roles.includes(signedIn.role)) throw new ForbiddenError(`role ${signedIn.role} may not do this`);
  return signedIn;
}

const OFFICER_ROLES: readonly UserRole[] = ['officer', 'admin'];

/** A trade officer of the provincial department, or an admin: who moderates, manages events and uses the console. */
export function requireOfficer(user: SessionUser | null | undefined): SessionUser {
  return requireRole(user, ...OFFICER_ROLES);
}

/** Whether requireOfficer would let this user through, for answers that only say more to officers. */
export function isOfficer(user: SessionUser | null | undefined): boolean {
  return user != null && OFFICER_ROLES.includes(user.role);
}

/** A member of exactly this cooperative: what acting on a cooperative's drafts, inquiries or registrations needs. */
export function requireCooperativeMember(
  user: SessionUser | null | undefined,
  cooperativeId: string,
): SessionUser & { cooperativeId: string } {
  const member = requireRole(user, 'member');
  if (member.cooperativeId !== cooperativeId) throw new ForbiddenError('not a member of this cooperative');
  return { ...member, cooperativeId };
}

/**
 * Who may invite people into a cooperative: its manager, or a trade officer
 * or admin (who also name a cooperative's first manager).
 */
export function requireCooperativeManager(user: SessionUser | null | undefined, cooperativeId: string): SessionUser {
  const signedIn = requireUser(user);
  if (signedIn.role === 'officer' || signedIn.role === 'admin') return signedIn;
  const member = requireCooperativeMember(signedIn, cooperativeId);
  if (!member.isManager) throw new ForbiddenError('only the manager invites members');
  return member;
}
