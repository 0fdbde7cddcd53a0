/**
 * A signed-in person's own data: what the portal holds about them as a download, and their request to erase their
 * account, which a trade officer completes with the other privacy requests (requests.ts, erasure.ts). The
 * cooperative's records (its profile, products, inquiries, the replies it sent) are its own and stay; what goes is
 * what names the person.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { requireRole, requireUser } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog, cooperatives, inquiries, inquiryReplies, privacyRequests, sessions, users } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { pendingRequestInsert } from './requests';

/** What the portal holds about one signed-in person, as they download it. */
export interface MemberDataExport {
  exportedAt: string;
  account: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    cooperative: string | null;
    isManager: boolean;
    locale: string;
    createdAt: string;
  };
  /** Sign-in sessions still stored: when each began and was last used (never the token). */
  sessions: { createdAt: string; lastUsedAt: string }[];
  /** What the audit log records the person doing. */
  actions: { action: string; entityType: string; entityId: string; detail: unknown; at: string }[];
  /** Messages the person wrote to buyers, in their cooperative's name. */
  messages: { inquiry: string; body: string; createdAt: string }[];
  erasureRequestedAt: string | null;
}

async function pendingAccountRequest(db: Database, userId: string) {
  const [row] = await db
    .select({ id: privacyRequests.id, createdAt: privacyRequests.createdAt })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.userId, userId), eq(privacyRequests.status, 'pending')))
    .limit(1);
  return row ?? null;
}

/** When the signed-in person asked for their account's erasure, while that request waits; else null. */
export async function accountErasureRequestedAt(db: Database, user: SessionUser | null | undefined) {
  return (await pendingAccountRequest(db, requireUser(user).id))?.createdAt ?? null;
}

/** Everything stored about the signed-in person, and nothing about anyone else (each part is keyed on their id). */
export async function exportMemberData(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
): Promise<MemberDataExport> {
  const { id } = requireUser(user);
  const [[account], sessionRows, actions, messages, pending] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        cooperative: cooperatives.name,
        isManager: users.isManager,
        locale: users.locale,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(cooperatives, eq(cooperatives.id, users.cooperativeId))
      .where(eq(users.id, id))
      .limit(1),
    db
      .select({ createdAt: sessions.createdAt, lastUsedAt: sessions.lastVerifiedAt })
      .from(sessions)
      .where(eq(sessions.userId, id))
      .orderBy(asc(sessions.createdAt)),
    db
      .select({
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        detail: auditLog.detail,
        at: auditLog.createdAt,
      })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, id))
      .orderBy(asc(auditLog.createdAt)),
    db
      .select({ inquiry: inquiries.reference, body: inquiryReplies.body, createdAt: inquiryReplies.createdAt })
      .from(inquiryReplies)
      .innerJoin(inquiries, eq(inquiries.id, inquiryReplies.inquiryId))
      .where(eq(inquiryReplies.authorUserId, id))
      .orderBy(asc(inquiryReplies.createdAt)),
    pendingAccountRequest(db, id),
  ]);
  if (!account) throw new NotFoundError('user');
  return {
    exportedAt: now.toISOString(),
    account: { ...account, createdAt: account.createdAt.toISOString() },
    sessions: sessionRows.map((row) => ({
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
    })),
    actions: actions.map((row) => ({ ...row, at: row.at.toISOString() })),
    messages: messages.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    erasureRequestedAt: pending?.createdAt.toISOString() ?? null,
  };
}

/**
 * Records a member's request to erase their account. Only members ask here: officers' and admins' accounts are
 * closed by an admin when they leave, and an officer must not complete their own request. Asking again while one
 * waits is the same request (no second row, no second entry: the audit entry is the witness of the insert).
 */
export async function requestAccountErasure(
  db: Database,
  user: SessionUser | null | undefined,
  confirmed: boolean,
  now: Date,
) {
  const member = requireRole(user, 'member');
  if (!confirmed) throw new ValidationError({ confirm: { code: 'required' } });
  const requestId = newId();
  const auditId = newId();
  const noneWaiting = sql`NOT EXISTS (SELECT 1 FROM ${privacyRequests} WHERE ${privacyRequests.userId} = ${member.id} AND ${privacyRequests.status} = 'pending')`;
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: member.id,
        action: 'privacy_request.create',
        entityType: 'user',
        entityId: member.id,
        detail: { requestId, subject: 'account' },
        at: now,
      },
      noneWaiting,
    ),
    pendingRequestInsert(db, requestId, { userId: member.id }, now, auditId),
  ]);
}
