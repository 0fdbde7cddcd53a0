/**
 * Retention of buyers' personal data (the daily job, src/server/scheduled.ts): an inquiry whose thread has had
 * no message for INQUIRY_RETENTION_MONTHS (24 by default) is anonymised (erasure.ts), each one with its own
 * audit entry. "Last message" is the later of the inquiry itself and its newest reply or answer.
 */
import { and, asc, eq, exists, gte, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import { auditEntryExists, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { inquiries, inquiryReplies } from '../db/schema';
import { inquiryErasureStatements } from './erasure';

/** Inquiries anonymised per batch: five statements each, well under what one D1 batch takes. */
const PAGE = 40;

/** `months` calendar months before `now` (UTC), the day clamped to the month's length (31 March - 1 = 28/29 Feb). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const monthLength = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, monthLength));
  return cutoff;
}

/** Not yet anonymised, and no message in the thread since `cutoff`. */
function expiredSince(db: Database, cutoff: Date) {
  return and(
    isNull(inquiries.anonymisedAt),
    lt(inquiries.createdAt, cutoff),
    notExists(
      db
        .select({ one: sql`1` })
        .from(inquiryReplies)
        .where(and(eq(inquiryReplies.inquiryId, inquiries.id), gte(inquiryReplies.createdAt, cutoff))),
    ),
  );
}

/** Anonymises every inquiry past its retention; returns how many. */
export async function anonymiseExpiredInquiries(db: Database, now: Date, months: number): Promise<number> {
  const cutoff = retentionCutoff(now, months);
  let total = 0;
  for (;;) {
    const due = await db
      .select({ id: inquiries.id })
      .from(inquiries)
      .where(expiredSince(db, cutoff))
      .orderBy(asc(inquiries.createdAt), asc(inquiries.id))
      .limit(PAGE);
    if (due.length === 0) return total;
    const statements = due.flatMap(({ id }) => {
      const auditId = newId();
      // The entry is written only if the inquiry is still expired as the batch runs (a buyer may have just
      // answered); the erasure then runs only where its entry was written.
      const witness = auditInsertIf(
        db,
        {
          id: auditId,
          actorUserId: null,
          action: 'inquiry.anonymise',
          entityType: 'inquiry',
          entityId: id,
          detail: { reason: 'retention', months },
          at: now,
        },
        exists(
          db
            .select({ one: sql`1` })
            .from(inquiries)
            .where(and(eq(inquiries.id, id), expiredSince(db, cutoff))),
        ),
      );
      return [witness, ...inquiryErasureStatements(db, id, auditEntryExists(auditId), now)];
    });
    const [first, ...rest] = statements;
    if (!first) return total;
    await db.batch([first, ...rest]);
    const left = await db
      .select({ id: inquiries.id })
      .from(inquiries)
      .where(
        and(
          inArray(
            inquiries.id,
            due.map((row) => row.id),
          ),
          isNull(inquiries.anonymisedAt),
        ),
      );
    total += due.length - left.length;
    // Every one of the page was answered meanwhile: stop rather than select the same page again.
    if (left.length === due.length) return total;
  }
}
