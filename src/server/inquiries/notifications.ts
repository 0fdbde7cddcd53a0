/**
 * Nothing lost: the mail an inquiry causes is a row in inquiry_notifications,
 * written in the same batch as the inquiry (or reply) itself, before any
 * attempt to send. Sending happens after the response (waitUntil) and again
 * from the cron for whatever is still pending:
 *
 * - a row is claimed by one conditional UPDATE (status pending, due, not held
 *   by another sender), so the request's background task and a cron run
 *   racing for it never both send it;
 * - success marks it sent; a failure records the error, releases the claim
 *   and schedules the next attempt with a growing delay; after MAX_ATTEMPTS it
 *   is 'failed', listed for the trade department (listNotificationProblems);
 * - the inquiry itself is never touched by any of this.
 *
 * A claim that outlives its sender (the isolate died mid-send) expires after
 * CLAIM_MS and the row is tried again: at-least-once at worst, never lost.
 */
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, inquiries, inquiryNotifications, users } from '../db/schema';
import type { Mailer, MailMessage } from '../mail/mailer';
import type { InquiryNotificationKind, InquiryNotificationStatus } from './vocabulary';

const MINUTE_MS = 60_000;
export const MAX_ATTEMPTS = 8;
export const CLAIM_MS = 5 * MINUTE_MS;
/** Delays after the 1st, 2nd, … failure; the last repeats. */
const RETRY_DELAYS_MS = [5, 15, 60, 180, 360, 720, 1440].map((m) => m * MINUTE_MS);

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0] ?? MINUTE_MS;
}

/** Who hears of a new inquiry: the cooperative's public email and its members' accounts. */
export async function cooperativeRecipients(db: Database, cooperativeId: string): Promise<string[]> {
  const [cooperative] = await db
    .select({ email: cooperatives.email })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
    .limit(1);
  const members = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.cooperativeId, cooperativeId), eq(users.role, 'member'), isNull(users.disabledAt)));
  const all = [cooperative?.email ?? '', ...members.map((m) => m.email)]
    .map((e) => e.trim().toLowerCase())
    .filter((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  return [...new Set(all)];
}

/**
 * Statements that queue one mail per recipient, only if the inquiry row
 * exists when they run: in the same batch as an INSERT … ON CONFLICT DO
 * NOTHING, a lost idempotency race queues nothing.
 */
export function queueStatements(
  db: Database,
  items: { inquiryId: string; kind: InquiryNotificationKind; message: MailMessage; replyId?: string | null }[],
  now: Date,
) {
  // insert … select with the values in the table's column order (drizzle lists every column), so the
  // statement is a query builder that both D1's and libSQL's batch accept.
  return items.map(({ inquiryId, kind, message, replyId }) =>
    db.insert(inquiryNotifications).select(sql`
      SELECT ${newId()}, ${inquiries.id}, ${kind}, ${replyId ?? null}, ${message.to}, ${message.subject}, ${message.text},
        'pending', 0, ${now.getTime()}, NULL, NULL, NULL, ${now.getTime()}, ${message.html ?? null}, ${message.replyTo ?? null}
      FROM ${inquiries} WHERE ${inquiries.id} = ${inquiryId}
    `),
  );
}

interface ClaimedNotification {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  replyTo: string | null;
  attempts: number;
}

async function claim(db: Database, id: string, now: Date): Promise<ClaimedNotification | null> {
  const at = now.getTime();
  const [row] = await db
    .update(inquiryNotifications)
    .set({ claimedUntil: new Date(at + CLAIM_MS), attempts: sql`${inquiryNotifications.attempts} + 1` })
    .where(
      and(
        eq(inquiryNotifications.id, id),
        eq(inquiryNotifications.status, 'pending'),
        lte(inquiryNotifications.nextAttemptAt, now),
        or(isNull(inquiryNotifications.claimedUntil), lte(inquiryNotifications.claimedUntil, now)),
      ),
    )
    .returning({
      id: inquiryNotifications.id,
      recipient: inquiryNotifications.recipient,
      subject: inquiryNotifications.subject,
      textBody: inquiryNotifications.textBody,
      htmlBody: inquiryNotifications.htmlBody,
      replyTo: inquiryNotifications.replyTo,
      attempts: inquiryNotifications.attempts,
    });
  return row ?? null;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** Sends the given pending notifications that are due and not held by another sender. */
async function deliverIds(db: Database, mailer: Mailer, ids: string[], now: () => Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const id of ids) {
    const claimed = await claim(db, id, now());
    if (!claimed) continue;
    try {
      await mailer.send({
        to: claimed.recipient,
        subject: claimed.subject,
        text: claimed.textBody,
        ...(claimed.htmlBody ? { html: claimed.htmlBody } : {}),
        ...(claimed.replyTo ? { replyTo: claimed.replyTo } : {}),
      });
      await db
        .update(inquiryNotifications)
        .set({ status: 'sent', sentAt: now(), claimedUntil: null, lastError: null })
        .where(eq(inquiryNotifications.id, id));
      report.sent += 1;
    } catch (error) {
      const at = now();
      const gaveUp = claimed.attempts >= MAX_ATTEMPTS;
      await db
        .update(inquiryNotifications)
        .set({
          status: gaveUp ? 'failed' : 'pending',
          claimedUntil: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: new Date(at.getTime() + retryDelayMs(claimed.attempts)),
        })
        .where(eq(inquiryNotifications.id, id));
      report.failed += 1;
    }
  }
  return report;
}

/** After a response: the notifications of one inquiry (all of them, or those of one reply). */
export async function deliverForInquiry(
  db: Database,
  mailer: Mailer,
  inquiryId: string,
  now: () => Date = () => new Date(),
): Promise<DeliveryReport> {
  const rows = await db
    .select({ id: inquiryNotifications.id })
    .from(inquiryNotifications)
    .where(and(eq(inquiryNotifications.inquiryId, inquiryId), eq(inquiryNotifications.status, 'pending')));
  return deliverIds(
    db,
    mailer,
    rows.map((r) => r.id),
    now,
  );
}

/** The cron's retry: every pending notification that is due, oldest first, a bounded number per run. */
export async function deliverDueNotifications(
  db: Database,
  mailer: Mailer,
  now: () => Date = () => new Date(),
  limit = 200,
): Promise<DeliveryReport> {
  const rows = await db
    .select({ id: inquiryNotifications.id })
    .from(inquiryNotifications)
    .where(and(eq(inquiryNotifications.status, 'pending'), lte(inquiryNotifications.nextAttemptAt, now())))
    .orderBy(asc(inquiryNotifications.nextAttemptAt))
    .limit(limit);
  return deliverIds(
    db,
    mailer,
    rows.map((r) => r.id),
    now,
  );
}

export interface NotificationProblem {
  id: string;
  reference: string;
  cooperativeName: string;
  kind: InquiryNotificationKind;
  status: InquiryNotificationStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

/** A notification still pending this long after it was queued has missed its first chance. */
export const STUCK_AFTER_MS = 10 * MINUTE_MS;

/**
 * For the trade department: mail given up on, and mail that failed at least
 * once or is overdue; failed first. No recipient and no content: officers see
 * that mail is stuck, not what it says.
 */
export async function listNotificationProblems(db: Database, now: Date, limit = 100): Promise<NotificationProblem[]> {
  return (
    db
      .select({
        id: inquiryNotifications.id,
        reference: inquiries.reference,
        cooperativeName: cooperatives.name,
        kind: inquiryNotifications.kind,
        status: inquiryNotifications.status,
        attempts: inquiryNotifications.attempts,
        nextAttemptAt: inquiryNotifications.nextAttemptAt,
        lastError: inquiryNotifications.lastError,
        createdAt: inquiryNotifications.createdAt,
      })
      .from(inquiryNotifications)
      .innerJoin(inquiries, eq(inquiries.id, inquiryNotifications.inquiryId))
      .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
      .where(
        or(
          eq(inquiryNotifications.status, 'failed'),
          and(
            eq(inquiryNotifications.status, 'pending'),
            or(
              sql`${inquiryNotifications.attempts} > 0`,
              lte(inquiryNotifications.createdAt, new Date(now.getTime() - STUCK_AFTER_MS)),
            ),
          ),
        ),
      )
      // 'failed' sorts before 'pending'.
      .orderBy(asc(inquiryNotifications.status), asc(inquiryNotifications.createdAt))
      .limit(limit)
  );
}
