/**
 * Sign-up is by invitation only: a cooperative's manager invites its members,
 * and a trade officer or admin invites a cooperative's manager. Nobody can
 * create an account that is not attached to a cooperative they were invited
 * into (officers and admins are created by an admin, outside this flow).
 * The link carries 256 random bits; only its SHA-256 is stored. It works
 * once, for 7 days, and only for the email it was sent to.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { dictionary, format, type Locale } from '../../i18n';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog, cooperatives, invitations, users } from '../db/schema';
import { ForbiddenError, InvalidTokenError, NotFoundError, ValidationError } from '../errors';
import type { Mailer } from '../mail/mailer';
import { invitationMail } from '../mail/messages';
import { type NotificationWords, queueNotificationIf, type Recipient } from '../notifications/outbox';
import { assertAcceptablePassword } from './authentication';
import { isOfficer, requireCooperativeManager } from './guards';
import { hashPassword } from './passwords';
import { admitAttempt, type RateLimitPolicy } from './rate-limit';
import { createSession, type NewSession } from './sessions';
import { hashToken, randomToken, SECRET_BYTES, tokenPattern } from './tokens';
import { looksLikeEmail, normaliseEmail, type SessionUser } from './users';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INVITATION_LIFETIME_MS = 7 * DAY_MS;
/** Invitations one person may send in a day: enough for a cooperative, too few for spam. */
export const INVITATIONS_PER_DAY: RateLimitPolicy = { limit: 30, windowMs: DAY_MS, lockMs: DAY_MS };
export const DISPLAY_NAME_MAX_LENGTH = 100;

const INVITATION_TOKEN_FORMAT = new RegExp(`^${tokenPattern(SECRET_BYTES)}$`);

export interface InvitationRequest {
  cooperativeId: string;
  email: string;
  /** Only officers and admins may invite a manager. */
  asManager?: boolean;
  /** The email of the manager this invitation replaces, when an officer chose so (for the audit log). */
  replacesManager?: string | null;
  locale: Locale;
  linkFor: (token: string) => string;
}

async function emailHasAccount(db: Database, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row !== undefined;
}

export async function inviteToCooperative(
  db: Database,
  mailer: Mailer,
  inviter: SessionUser | null | undefined,
  request: InvitationRequest,
  now: Date,
): Promise<{ invitationId: string; email: string }> {
  const signedIn = requireCooperativeManager(inviter, request.cooperativeId);
  if (request.asManager && signedIn.role === 'member') throw new ForbiddenError('members cannot invite managers');
  const email = normaliseEmail(request.email);
  if (!email) throw new ValidationError({ email: { code: 'required' } });
  if (!looksLikeEmail(email)) throw new ValidationError({ email: { code: 'email_invalid' } });
  // Counted before any lookup, so the limit also bounds how many addresses anyone can probe.
  await admitAttempt(db, [{ key: `invite:user:${signedIn.id}`, policy: INVITATIONS_PER_DAY }], now);
  // A cooperative's manager gets the same answer whether or not the email has an account (the
  // invitation is stored and mailed alike; its owner is told on accepting it, see acceptInvitation).
  // Officers and admins see every account in the console anyway, so they are told at once.
  if (isOfficer(signedIn) && (await emailHasAccount(db, email)))
    throw new ValidationError({ email: { code: 'email_taken' } });
  const [cooperative] = await db
    .select({ name: cooperatives.name })
    .from(cooperatives)
    .where(eq(cooperatives.id, request.cooperativeId))
    .limit(1);
  if (!cooperative) throw new NotFoundError('cooperative');

  const token = randomToken(SECRET_BYTES);
  const invitationId = newId();
  const asManager = request.asManager ?? false;
  await db.batch([
    db.insert(invitations).values({
      id: invitationId,
      tokenHash: hashToken(token),
      cooperativeId: request.cooperativeId,
      email,
      asManager,
      invitedByUserId: signedIn.id,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      createdAt: now,
    }),
    db.insert(auditLog).values({
      id: newId(),
      actorUserId: signedIn.id,
      action: 'invitation.sent',
      entityType: 'cooperative',
      entityId: request.cooperativeId,
      detail: { invitationId, email, asManager, replacesManager: request.replacesManager ?? null },
      createdAt: now,
    }),
  ]);
  await mailer.send(
    invitationMail(
      request.locale,
      email,
      { inviter: signedIn.displayName, cooperative: cooperative.name, link: request.linkFor(token) },
      asManager,
    ),
  );
  return { invitationId, email };
}

export interface OpenInvitation {
  id: string;
  email: string;
  asManager: boolean;
  cooperativeId: string;
  cooperativeName: string;
  invitedByUserId: string | null;
}

/** An invitation that can still be accepted, or null. */
export async function findOpenInvitation(db: Database, token: string, now: Date): Promise<OpenInvitation | null> {
  if (!INVITATION_TOKEN_FORMAT.test(token)) return null;
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      asManager: invitations.asManager,
      cooperativeId: invitations.cooperativeId,
      cooperativeName: cooperatives.name,
      invitedByUserId: invitations.invitedByUserId,
    })
    .from(invitations)
    .innerJoin(cooperatives, eq(cooperatives.id, invitations.cooperativeId))
    .where(
      and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
    )
    .limit(1);
  return row ?? null;
}

export interface InvitationAcceptance {
  token: string;
  displayName: string;
  password: string;
  /** The language of the sign-up page: the member's mail is written in it. */
  locale?: Locale;
}

/**
 * Creates the member's account from an invitation and signs them in. The
 * invitation is marked used in the same batch as the new user, so a link used
 * twice at once makes one account; accepting as manager hands the
 * cooperative's managing role over in that batch too, and whoever sent the
 * invitation is told (`notificationEvent`, to send after the response).
 */
export async function acceptInvitation(
  db: Database,
  acceptance: InvitationAcceptance,
  now: Date,
): Promise<NewSession & { user: SessionUser; notificationEvent: string | null }> {
  const invitation = await findOpenInvitation(db, acceptance.token, now);
  if (!invitation) throw new InvalidTokenError();
  const displayName = acceptance.displayName.normalize('NFC').trim();
  const issues: ConstructorParameters<typeof ValidationError>[0] = {};
  if (!displayName) issues.displayName = { code: 'required' };
  else if (displayName.length > DISPLAY_NAME_MAX_LENGTH)
    issues.displayName = { code: 'too_long', params: { max: DISPLAY_NAME_MAX_LENGTH } };
  try {
    assertAcceptablePassword(acceptance.password, 'password');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(issues, error.fields);
  }
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  if (await emailHasAccount(db, invitation.email)) throw new ValidationError({ email: { code: 'email_taken' } });

  const user: SessionUser = {
    id: newId(),
    email: invitation.email,
    displayName,
    role: 'member',
    cooperativeId: invitation.cooperativeId,
    isManager: invitation.asManager,
  };
  const passwordHash = await hashPassword(acceptance.password);
  // One atomic batch. The invitation is bound to one email and emails are unique, so of two
  // accepts racing with the same link the second batch fails on the email as a whole.
  const claim = db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)));
  const insertUser = db
    .insert(users)
    .values({ ...user, passwordHash, createdAt: now, ...(acceptance.locale ? { locale: acceptance.locale } : {}) });
  const recordUser = db.update(invitations).set({ acceptedUserId: user.id }).where(eq(invitations.id, invitation.id));
  const recordAcceptance = db.insert(auditLog).values({
    id: newId(),
    actorUserId: user.id,
    action: 'invitation.accepted',
    entityType: 'cooperative',
    entityId: invitation.cooperativeId,
    detail: { invitationId: invitation.id, asManager: invitation.asManager },
    createdAt: now,
  });
  const inviter = invitation.invitedByUserId ? await activeUser(db, invitation.invitedByUserId) : null;
  const event = `invitation_accepted:${invitation.id}`;
  // Stored only with this acceptance (the invitation records this new user), so a link used twice tells once.
  const tellInviter = inviter
    ? [
        queueNotificationIf(
          db,
          { event, kind: 'invitation_accepted', recipient: inviter, message: acceptedMail(inviter, invitation, user) },
          sql`EXISTS (SELECT 1 FROM ${invitations} WHERE ${invitations.id} = ${invitation.id}
            AND ${invitations.acceptedUserId} = ${user.id})`,
          now,
        ),
      ]
    : [];
  const previousManager = db
    .update(users)
    .set({ isManager: false })
    .where(and(eq(users.cooperativeId, invitation.cooperativeId), eq(users.isManager, true)));
  try {
    if (invitation.asManager)
      await db.batch([claim, previousManager, insertUser, recordUser, recordAcceptance, ...tellInviter]);
    else await db.batch([claim, insertUser, recordUser, recordAcceptance, ...tellInviter]);
  } catch (error) {
    if (!(await findOpenInvitation(db, acceptance.token, now)) || (await emailHasAccount(db, invitation.email))) {
      throw new InvalidTokenError();
    }
    throw error;
  }
  return { user, ...(await createSession(db, user.id, now)), notificationEvent: inviter ? event : null };
}

/** The person to tell, if their account is still in use. */
async function activeUser(db: Database, userId: string): Promise<Recipient | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

function acceptedMail(inviter: Recipient, invitation: OpenInvitation, joined: SessionUser): NotificationWords {
  const t = dictionary(inviter.locale).notifications.invitationAccepted;
  const words = {
    name: joined.displayName,
    email: joined.email,
    cooperative: invitation.cooperativeName,
    role: t.roles[invitation.asManager ? 'manager' : 'member'],
  };
  return { to: inviter.email, subject: format(t.subject, words), text: format(t.body, words) };
}

export interface CooperativeTeam {
  members: { displayName: string; email: string; isManager: boolean }[];
  pending: { email: string; expiresAt: Date }[];
}

/** Who is in a cooperative and who is invited: for its manager's invitation page. */
export async function loadCooperativeTeam(db: Database, cooperativeId: string, now: Date): Promise<CooperativeTeam> {
  const members = await db
    .select({ displayName: users.displayName, email: users.email, isManager: users.isManager })
    .from(users)
    .where(eq(users.cooperativeId, cooperativeId))
    .orderBy(asc(users.displayName));
  const pending = await db
    .select({ email: invitations.email, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(eq(invitations.cooperativeId, cooperativeId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
    )
    .orderBy(asc(invitations.createdAt));
  return { members, pending };
}
