/**
 * The durable outbox of mail to signed-in people (table notifications): a
 * row is written in the same db.batch as the event it tells of, before any
 * attempt to send, then sent after the response and again by the cron until
 * it goes out. It follows the inquiry outbox's rules
 * (src/server/inquiries/notifications.ts) and shares its retry schedule:
 *
 * - a row's idempotency key names the event and the person, and a second
 *   insert with the same key is ignored: each event is mailed once per
 *   person, whatever the number of runs or retries;
 * - a row is claimed by one conditional UPDATE before sending, so two
 *   senders racing for it never both send it; a failure releases it with
 *   the next attempt scheduled, and after MAX_ATTEMPTS it is 'failed';
 * - at send time the person's preference for the row's kind decides
 *   (./preferences.ts): 'off' marks the row skipped (never sent nor
 *   retried), 'digest' holds it for their daily digest (./digest.ts), and
 *   'now' sends it with a one-click unsubscribe link (./unsubscribe.ts).
 *
 * A row keeps what the notification says (subject and text); the mail is
 * composed from them when it is sent (composeNotification), once, with the
 * footer and headers whose links need the person's unsubscribe key and the
 * deployment's origin.
 */
import { and, asc, eq, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { notifications, users } from '../db/schema';
import { CLAIM_MS, MAX_ATTEMPTS, retryDelayMs } from '../inquiries/notifications';
import type { Mailer, MailMessage } from '../mail/mailer';
import { composeMail } from '../mail/layout';
import { dictionary, format, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import { deliveryModeOf } from './preferences';
import { listUnsubscribeHeaders, unsubscribeLink } from './unsubscribe';
import { DIGEST_KIND, type NotificationKind, type OutboxKind } from './vocabulary';

/** Someone a notification goes to, with the language their mail is written in. */
export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
}

/**
 * A cooperative's people with an account that is not disabled: its manager
 * and members, or with `managersOnly` its manager alone (who answers for
 * what the cooperative publishes about itself).
 */
export async function cooperativeRecipients(
  db: Database,
  cooperativeId: string,
  managersOnly = false,
): Promise<Recipient[]> {
  return db
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.cooperativeId, cooperativeId),
        eq(users.role, 'member'),
        isNull(users.disabledAt),
        managersOnly ? eq(users.isManager, true) : undefined,
      ),
    )
    .orderBy(asc(users.id));
}

/** What a notification says, as its row keeps it: the sender composes the mail from it (composeNotification). */
export type NotificationWords = Pick<MailMessage, 'to' | 'subject' | 'text'>;

export interface QueuedNotification {
  /** The event, e.g. "claim_expiry:certificate:<id>:2027-01-31:30"; the person's id is appended. */
  event: string;
  kind: NotificationKind;
  recipient: Recipient;
  message: NotificationWords;
}

/**
 * The mail that tells a cooperative's people of a decision, for a batch that
 * writes the decision's audit entry: `statements(witnessed, auditId)` queues
 * one notification per person, stored only if `witnessed` holds (the entry
 * was written), under an event named by `eventPrefix` and the entry, so a
 * decision made twice (a double submit, two officers at once) tells once.
 * `event()` is that event once the statements were made, to send it after
 * the response; null when nobody is told (no people, or `send` is false).
 */
export async function decisionNotices(
  db: Database,
  cooperativeId: string,
  item: {
    eventPrefix: string;
    kind: NotificationKind;
    mail: (recipient: Recipient) => NotificationWords;
    /** Tell the cooperative's manager only (see cooperativeRecipients). */
    managersOnly?: boolean;
  },
  send: boolean,
  now: Date,
) {
  const people = send ? await cooperativeRecipients(db, cooperativeId, item.managersOnly) : [];
  return eventNotices(db, people, item, now);
}

/**
 * As decisionNotices, for people already chosen: `statements(witnessed,
 * auditId)` queues one notification each under the event
 * "<eventPrefix>:<auditId>", and `event()` names it once queued.
 */
export function eventNotices(
  db: Database,
  people: readonly Recipient[],
  item: { eventPrefix: string; kind: NotificationKind; mail: (recipient: Recipient) => NotificationWords },
  now: Date,
) {
  let event: string | null = null;
  return {
    statements: (witnessed: SQL, auditId: string) => {
      if (people.length === 0) return [];
      const key = `${item.eventPrefix}:${auditId}`;
      event = key;
      return people.map((recipient) =>
        queueNotificationIf(
          db,
          { event: key, kind: item.kind, recipient, message: item.mail(recipient) },
          witnessed,
          now,
        ),
      );
    },
    event: () => event,
  };
}

/**
 * An INSERT … SELECT of one notification, stored only if `condition` holds
 * when the statement runs (in the same batch as the change it tells of) and
 * no row has its idempotency key yet. A query builder, not raw SQL, so that
 * D1's batch binds its parameters.
 */
export function queueNotificationIf(db: Database, item: QueuedNotification, condition: SQL, now: Date) {
  const at = now.getTime();
  return db
    .insert(notifications)
    .select(
      sql`SELECT ${newId()}, ${`${item.event}:${item.recipient.userId}`}, ${item.recipient.userId}, ${item.kind},
        ${item.message.to}, ${item.message.subject}, ${item.message.text}, 'pending', 0, ${at}, NULL, NULL, NULL, ${at},
        NULL
        WHERE ${condition}`,
    )
    .onConflictDoNothing();
}

/** Releases a due, unheld pending row to a final or waiting state without sending it (conditional, like claim). */
async function settleUnsent(db: Database, id: string, status: 'skipped' | 'held', now: Date) {
  await db
    .update(notifications)
    .set({ status })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.status, 'pending'),
        or(isNull(notifications.claimedUntil), lte(notifications.claimedUntil, now)),
      ),
    );
}

async function claim(db: Database, id: string, now: Date) {
  const [row] = await db
    .update(notifications)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${notifications.attempts} + 1` })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.status, 'pending'),
        lte(notifications.nextAttemptAt, now),
        or(isNull(notifications.claimedUntil), lte(notifications.claimedUntil, now)),
      ),
    )
    .returning({
      to: notifications.recipient,
      subject: notifications.subject,
      text: notifications.textBody,
      attempts: notifications.attempts,
    });
  return row ?? null;
}

/** A row the sender looks at: whose it is and of which kind, for the preference and the unsubscribe link. */
export interface OutboxRow {
  id: string;
  userId: string;
  kind: OutboxKind;
  locale: Locale;
}

const outboxRowColumns = {
  id: notifications.id,
  userId: notifications.userId,
  kind: notifications.kind,
  locale: users.locale,
};

/**
 * The mail of a notification as it goes out: its words in the recipient's
 * language with the HTML part, and (given an origin for links; PUBLIC_ORIGIN
 * unset gives none) the footer saying how to stop this kind and the
 * List-Unsubscribe headers carrying the same link.
 */
export async function composeNotification(
  db: Database,
  words: NotificationWords,
  row: OutboxRow,
  mailOrigin: string | null,
): Promise<MailMessage> {
  if (!mailOrigin) return composeMail(row.locale, words.to, words.subject, words.text);
  const link = await unsubscribeLink(db, mailOrigin, row, row.kind);
  const footer = format(dictionary(row.locale).notificationSettings.mail.footer, {
    unsubscribe: link,
    settings: `${mailOrigin}${routes.notificationSettings[row.locale]}`,
  });
  return {
    ...composeMail(row.locale, words.to, words.subject, words.text, footer),
    headers: listUnsubscribeHeaders(link),
  };
}

/**
 * Sends each pending, due notification among `rows` that no other sender
 * holds and whose person wants it now; how many went out. `mailOrigin` is
 * where unsubscribe links point (PUBLIC_ORIGIN).
 */
export async function sendNotifications(
  db: Database,
  mailer: Mailer,
  rows: readonly OutboxRow[],
  now: () => Date = () => new Date(),
  mailOrigin: string | null = null,
): Promise<number> {
  let sent = 0;
  for (const row of rows) {
    // The digest is the person's choice already made; each other kind asks for theirs.
    if (row.kind !== DIGEST_KIND) {
      const mode = await deliveryModeOf(db, row.userId, row.kind);
      if (mode !== 'now') {
        await settleUnsent(db, row.id, mode === 'off' ? 'skipped' : 'held', now());
        continue;
      }
    }
    const claimed = await claim(db, row.id, now());
    if (!claimed) continue;
    const { attempts, ...words } = claimed;
    try {
      await mailer.send(await composeNotification(db, words, row, mailOrigin));
      await db
        .update(notifications)
        .set({ status: 'sent', sentAt: now(), claimedUntil: null, lastError: null })
        .where(eq(notifications.id, row.id));
      sent += 1;
    } catch (error) {
      await db
        .update(notifications)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          claimedUntil: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(notifications.id, row.id));
    }
  }
  return sent;
}

/** The cron's pass: every pending notification that is due, oldest first, a bounded number per run. */
export async function sendDueNotifications(
  db: Database,
  mailer: Mailer,
  now: () => Date = () => new Date(),
  mailOrigin: string | null = null,
  limit = 200,
): Promise<number> {
  const rows = await db
    .select(outboxRowColumns)
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now())))
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(limit);
  return sendNotifications(db, mailer, rows, now, mailOrigin);
}

/** After a response: the pending notifications of one event (every person it was queued for). */
export async function sendEventNotifications(
  db: Database,
  mailer: Mailer,
  event: string,
  mailOrigin: string | null = null,
): Promise<number> {
  // A range on the unique index, not LIKE: D1 refuses LIKE patterns over 50 bytes.
  const rows = await db
    .select(outboxRowColumns)
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        gte(notifications.idempotencyKey, `${event}:`),
        lt(notifications.idempotencyKey, `${event};`),
        eq(notifications.status, 'pending'),
      ),
    );
  return sendNotifications(db, mailer, rows, undefined, mailOrigin);
}
