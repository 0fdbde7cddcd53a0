/**
 * Erasing a buyer's personal data from an inquiry, the same way whether the retention period ran out
 * (retention.ts) or the buyer asked (requests.ts). What goes: the buyer's name, organisation, email and phone,
 * the inquiry's message and every message of its thread (the cooperative's replies too: they greet and quote
 * the buyer), the private links to the thread and the mail queued or sent about it (each holds an address and
 * the words). What stays, identifying nobody: the reference, cooperative, product, country, quantity, dates and
 * status, which the statistics count.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { inquiries, inquiryNotifications, inquiryReplies, inquiryThreadTokens } from '../db/schema';

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
