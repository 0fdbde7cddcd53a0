/**
 * The daily digest: once a day (the daily job, src/server/scheduled.ts), each
 * person whose preferences gather some kinds in a digest receives one mail
 * listing the notifications held for it, then those notifications count as
 * delivered ('digested').
 *
 * Once per person and day whatever the number of runs: the digest is a row of
 * the outbox whose idempotency key names the person and the Vietnamese day,
 * and the held rows are marked in the same batch only if that row is the one
 * this run stored. A concurrent or repeated run's insert is ignored, so its
 * marking does nothing; what was held after the day's digest waits for the
 * next one.
 */
import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { dictionary, format } from '../../i18n';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { notificationPreferences, notifications, users } from '../db/schema';
import { vietnamDate } from '../time/vietnam';
import type { Recipient } from './outbox';
import { DIGEST_KIND } from './vocabulary';

/** At most this many notifications in one digest (D1 binds at most 100 parameters); the rest wait a day. */
export const DIGEST_LIMIT = 40;

/**
 * Applies preferences to every pending notification at once, as the sender
 * does one by one: kinds turned off are skipped, kinds gathered in the digest
 * are held. Run before the digest so the day's own notifications make it in.
 */
export async function settlePendingByPreference(db: Database, now: Date): Promise<void> {
  const chosen = (mode: 'off' | 'digest') =>
    sql`EXISTS (SELECT 1 FROM ${notificationPreferences} WHERE ${notificationPreferences.userId} = ${notifications.userId}
      AND ${notificationPreferences.kind} = ${notifications.kind} AND ${notificationPreferences.mode} = ${mode})`;
  const settleable = and(
    eq(notifications.status, 'pending'),
    ne(notifications.kind, DIGEST_KIND),
    or(isNull(notifications.claimedUntil), lte(notifications.claimedUntil, now)),
  );
  await db.batch([
    db
      .update(notifications)
      .set({ status: 'skipped' })
      .where(and(settleable, chosen('off'))),
    db
      .update(notifications)
      .set({ status: 'held' })
      .where(and(settleable, chosen('digest'))),
  ]);
}

interface HeldNotification {
  id: string;
  subject: string;
  text: string;
  createdAt: Date;
}

function digestMail(person: Recipient, held: readonly HeldNotification[]) {
  const t = dictionary(person.locale).notificationSettings.mail;
  const entries = held.map((n) => `== ${vietnamDate(n.createdAt)} · ${n.subject} ==\n\n${n.text}`);
  return {
    to: person.email,
    subject: format(t.digestSubject, { count: held.length }),
    text: [t.digestIntro, ...entries].join('\n\n'),
  };
}

/** Queues today's digest of everyone with held notifications; how many digests this run stored. */
export async function queueDigests(db: Database, now: Date): Promise<number> {
  await settlePendingByPreference(db, now);
  const day = vietnamDate(now);
  const people: Recipient[] = await db
    .selectDistinct({ userId: users.id, email: users.email, locale: users.locale })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.status, 'held'), isNull(users.disabledAt)));
  let queued = 0;
  for (const person of people) {
    const held = await db
      .select({
        id: notifications.id,
        subject: notifications.subject,
        text: notifications.textBody,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, person.userId), eq(notifications.status, 'held')))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(DIGEST_LIMIT);
    if (held.length === 0) continue;
    const digestId = newId();
    const message = digestMail(person, held);
    const [stored] = await db.batch([
      db
        .insert(notifications)
        .values({
          id: digestId,
          idempotencyKey: `${DIGEST_KIND}:${day}:${person.userId}`,
          userId: person.userId,
          kind: DIGEST_KIND,
          recipient: message.to,
          subject: message.subject,
          textBody: message.text,
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: notifications.id }),
      db
        .update(notifications)
        .set({ status: 'digested' })
        .where(
          and(
            inArray(
              notifications.id,
              held.map((n) => n.id),
            ),
            eq(notifications.status, 'held'),
            sql`EXISTS (SELECT 1 FROM notifications AS digest WHERE digest.id = ${digestId})`,
          ),
        ),
    ]);
    if (stored.length > 0) queued += 1;
  }
  return queued;
}
