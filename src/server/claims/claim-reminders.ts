/**
 * Claims never lapse unnoticed: once a day the job finds the verified claims
 * whose last valid day is 90, 30 or 7 days away or today, and tells the
 * cooperative's manager and members by mail, each in their language.
 *
 * Each reminder is sent once, whatever the number of runs, also when two
 * runs overlap: per claim, one db.batch inserts the reminder's row in
 * claim_reminders (its key is the claim, its last day and the threshold;
 * ON CONFLICT DO NOTHING) and the mail rows only while the stored reminder
 * carries this run's id. The run that loses the insert queues nothing; the
 * outbox's idempotency keys stop anything the key might let through.
 *
 * A claim is reminded at the smallest threshold it has reached, so a day
 * the job did not run is caught up the next day, and a claim verified 20
 * days before it lapses is reminded once at 30 days, not at 90 as well.
 * A day missed at the very end is caught up for CATCH_UP_DAYS after the
 * last valid day ("ran out after …").
 */
import { and, eq, sql } from 'drizzle-orm';
import { dictionary, format, formatCalendarDate } from '../../i18n';
import { routes } from '../../i18n/routes';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { claimReminders } from '../db/schema';
import { composeMail } from '../mail/layout';
import type { MailMessage } from '../mail/mailer';
import { cooperativeRecipients, queueNotificationIf, type Recipient } from '../notifications/outbox';
import { REMINDER_THRESHOLDS, type ReminderThreshold } from '../notifications/vocabulary';
import { type ExpiringClaim, listExpiringClaims } from './expiring-claims';

/** How many days after its last valid day a missed "on the day" reminder is still sent. */
export const CATCH_UP_DAYS = 7;

/** The threshold a claim with `daysLeft` has reached, or null when it is further away than the largest. */
export function reminderThreshold(daysLeft: number): ReminderThreshold | null {
  let reached: ReminderThreshold | null = null;
  for (const threshold of REMINDER_THRESHOLDS) if (daysLeft <= threshold) reached = threshold;
  return reached;
}

/** The reminder's mail, in the recipient's language, with the link to the cooperative's certificates page. */
export function claimExpiryMail(claim: ExpiringClaim, recipient: Recipient, origin: string): MailMessage {
  const t = dictionary(recipient.locale).claims.expiry.mail;
  const kinds = dictionary(recipient.locale).details.certificates.kinds;
  const what = claim.certificateKind ? kinds[claim.certificateKind] : format(t.ocop, { stars: claim.stars ?? 0 });
  const words = {
    what,
    subject: claim.product?.name ?? claim.cooperative.name,
    number: claim.number,
    date: formatCalendarDate(claim.validUntil, recipient.locale),
    days: claim.daysLeft,
    link: new URL(routes.account[recipient.locale], origin).href,
  };
  const subject = claim.daysLeft > 0 ? t.subjectDays : claim.daysLeft === 0 ? t.subjectToday : t.subjectPast;
  return composeMail(recipient.locale, recipient.email, format(subject, words), format(t.body, words));
}

export interface ReminderRun {
  /** Reminders this run stored (a lost race or an earlier run's reminder is not counted). */
  reminded: number;
}

/**
 * Queues the reminders due on `today` (Viet Nam). Sending is the outbox's
 * (src/server/notifications/outbox.ts), in the same cron run.
 */
export async function queueClaimReminders(
  db: Database,
  today: string,
  now: Date,
  origin: string,
): Promise<ReminderRun> {
  const due = await listExpiringClaims(db, {
    today,
    fromDays: -CATCH_UP_DAYS,
    toDays: REMINDER_THRESHOLDS[0],
    limit: 5000,
  });
  const recipients = new Map<string, Recipient[]>();
  let reminded = 0;
  for (const claim of due) {
    const threshold = reminderThreshold(claim.daysLeft);
    if (threshold === null) continue;
    const key = { claimKind: claim.kind, claimId: claim.id, validUntil: claim.validUntil, thresholdDays: threshold };
    const runId = newId();
    const people = recipients.get(claim.cooperative.id) ?? (await cooperativeRecipients(db, claim.cooperative.id));
    recipients.set(claim.cooperative.id, people);
    const sameReminder = and(
      eq(claimReminders.claimKind, key.claimKind),
      eq(claimReminders.claimId, key.claimId),
      eq(claimReminders.validUntil, key.validUntil),
      eq(claimReminders.thresholdDays, key.thresholdDays),
    );
    const ours = sql`EXISTS (SELECT 1 FROM ${claimReminders} WHERE ${sameReminder} AND ${claimReminders.runId} = ${runId})`;
    const event = `claim_expiry:${claim.kind}:${claim.id}:${claim.validUntil}:${threshold}`;
    const mail = people.map((recipient) =>
      queueNotificationIf(
        db,
        { event, kind: 'claim_expiry', recipient, message: claimExpiryMail(claim, recipient, origin) },
        ours,
        now,
      ),
    );
    await db.batch([
      db
        .insert(claimReminders)
        .values({ ...key, runId, createdAt: now })
        .onConflictDoNothing(),
      ...mail,
    ]);
    const [stored] = await db.select({ runId: claimReminders.runId }).from(claimReminders).where(sameReminder);
    if (stored?.runId === runId) reminded += 1;
  }
  return { reminded };
}
