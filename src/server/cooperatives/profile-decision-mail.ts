/**
 * The mail that tells a cooperative's manager of an officer's decision on a
 * change to its profile: approved (and whether the profile must now be
 * verified again), or rejected with the reason. The manager edits the
 * profile and answers for it, so the members are not told. Queued in the
 * decision's own batch (moderation.ts approveRevision, rejectRevision).
 */
import { eq } from 'drizzle-orm';
import { dictionary, format, type Locale } from '../../i18n';
import type { Database } from '../db/client';
import { cooperatives } from '../db/schema';
import { decisionMail } from '../notifications/decision-mail';
import { cooperativeRecipients, eventNotices, type Recipient } from '../notifications/outbox';

export type ProfileDecision = 'approved' | 'rejected';

/**
 * Who is told and in which words, read before the decision's batch; the
 * returned function makes the notices once the decision is known (whether
 * an approval unverified the profile is known only as its batch is built).
 * Nobody is told without a mail origin (PUBLIC_ORIGIN).
 */
export async function profileDecisionNotices(
  db: Database,
  cooperativeId: string,
  mailOrigin: string | null,
  now: Date,
) {
  const people = mailOrigin ? await cooperativeRecipients(db, cooperativeId, true) : [];
  const [named] =
    people.length > 0
      ? await db.select({ name: cooperatives.name }).from(cooperatives).where(eq(cooperatives.id, cooperativeId))
      : [];
  return (decision: ProfileDecision, reason: Record<Locale, string> | null, unverified = false) =>
    eventNotices(
      db,
      people,
      {
        eventPrefix: `profile_decision:${cooperativeId}`,
        kind: 'profile_decision',
        mail: (recipient: Recipient) => {
          const t = dictionary(recipient.locale).notifications.profileDecision;
          const words = { cooperative: named?.name ?? '' };
          const body = format(t.bodies[decision], words);
          return decisionMail(
            recipient,
            {
              subject: format(t.subjects[decision], words),
              body: unverified ? `${body}\n\n${t.unverified}` : body,
              reason: reason?.[recipient.locale] ?? null,
              page: 'cooperativeProfile',
            },
            mailOrigin ?? '',
          );
        },
      },
      now,
    );
}
