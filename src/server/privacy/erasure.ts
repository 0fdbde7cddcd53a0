/**
 * Erasing a person's data: a member's account (accountErasureStatements, below), or a buyer's personal data from an inquiry, the same way whether the retention period ran out
 * (retention.ts) or the buyer asked (requests.ts). What goes: the buyer's name, organisation, email and phone,
 * the inquiry's message and every message of its thread (the cooperative's replies too: they greet and quote
 * the buyer), the private links to the thread and the mail queued or sent about it (each holds an address and
 * the words). What stays, identifying nobody: the reference, cooperative, product, country, quantity, dates and
 * status, which the statistics count.
 */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  auditLog,
  inquiries,
  inquiryNotifications,
  inquiryReplies,
  inquiryThreadTokens,
  invitations,
  notifications,
  passwordResetTokens,
  sessions,
  users,
} from '../db/schema';

/**
 * What an anonymised inquiry holds in place of the buyer's email. The schema insists an inquiry keeps a way to
 * answer (email or phone); this address is on the reserved .invalid domain, so it reaches and names no one.
 */
export const ERASED_EMAIL = 'anonymised@erased.invalid';
/** What an anonymised inquiry holds in place of the buyer's name (the column is required). */
export const ERASED_NAME = '—';

/**
 * The statements of one inquiry's erasure, for a db.batch. Each runs only while `guard` holds as it runs (the
 * witness audit entry of the batch, see auditInsertIf): D1 cannot branch a batch on an earlier result otherwise.
 */
export function inquiryErasureStatements(db: Database, inquiryId: string, guard: SQL, now: Date) {
  return [
    db
      .update(inquiries)
      .set({
        buyerName: ERASED_NAME,
        buyerOrganisation: null,
        email: ERASED_EMAIL,
        phone: null,
        message: '',
        // A hash of the submitted fields, the name and contact among them.
        requestFingerprint: null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(and(eq(inquiries.id, inquiryId), guard)),
    db
      .update(inquiryReplies)
      .set({ body: '' })
      .where(and(eq(inquiryReplies.inquiryId, inquiryId), guard)),
    db.delete(inquiryThreadTokens).where(and(eq(inquiryThreadTokens.inquiryId, inquiryId), guard)),
    db.delete(inquiryNotifications).where(and(eq(inquiryNotifications.inquiryId, inquiryId), guard)),
  ] as const;
}

/**
 * What an erased account's email becomes: unique (the column is), on the reserved .invalid domain, naming no one.
 */
export function erasedAccountEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

/**
 * The statements of one account's erasure, for a db.batch, each guarded like inquiryErasureStatements. The person
 * goes: the account keeps its id (the audit log and the cooperative's replies point at it) but loses its name,
 * email and password and is disabled; sessions, reset links and queued mail to them are deleted; the invitation that
 * brought them in, and its audit entry, forget their address; their replies to buyers stay (the cooperative's
 * correspondence) without naming their author. What the audit log shows as "who" is then the erased account.
 */
export function accountErasureStatements(db: Database, userId: string, email: string, guard: SQL, now: Date) {
  const erasedEmail = erasedAccountEmail(userId);
  return [
    db
      .update(users)
      .set({
        email: erasedEmail,
        displayName: ERASED_NAME,
        // No PBKDF2 string parses from this, so no password ever matches it.
        passwordHash: '!erased',
        isManager: false,
        disabledAt: now,
      })
      .where(and(eq(users.id, userId), guard)),
    db.delete(sessions).where(and(eq(sessions.userId, userId), guard)),
    db.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, userId), guard)),
    db.delete(notifications).where(and(eq(notifications.userId, userId), guard)),
    db
      .update(invitations)
      .set({ email: erasedEmail })
      .where(and(or(eq(invitations.acceptedUserId, userId), eq(invitations.email, email)), guard)),
    db
      .update(auditLog)
      .set({ detail: sql`json_set(${auditLog.detail}, '$.email', ${erasedEmail})` })
      .where(
        and(eq(auditLog.action, 'invitation.sent'), sql`json_extract(${auditLog.detail}, '$.email') = ${email}`, guard),
      ),
    db
      .update(inquiryReplies)
      .set({ authorUserId: null })
      .where(and(eq(inquiryReplies.authorUserId, userId), guard)),
  ] as const;
}
