/**
 * Invitations written in a batch with what causes them (the trade
 * department's import of cooperatives), with their mail in the durable
 * outbox `invitation_mail`: the invitation and its mail are stored together
 * or not at all, then the mail is sent after the response and, until it goes
 * out, by the cron. A row is claimed by a conditional UPDATE before sending,
 * so the request's own send and the cron never both send it; the retry
 * schedule is the inquiry outbox's.
 */
import { and, asc, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { invitationMail, invitations } from '../db/schema';
import { CLAIM_MS, MAX_ATTEMPTS, retryDelayMs } from '../inquiries/notifications';
import type { Mailer } from '../mail/mailer';
import { invitationMail as invitationMessage } from '../mail/messages';
import { INVITATION_LIFETIME_MS } from './invitations';
import { hashToken, randomToken, SECRET_BYTES } from './tokens';

export interface QueuedInvitation {
  cooperativeId: string;
  cooperativeName: string;
  /** Normalised already (normaliseEmail). */
  email: string;
  asManager: boolean;
  inviter: { id: string; displayName: string };
  locale: Locale;
  linkFor: (token: string) => string;
}

/**
 * The invitation and its mail, for a db.batch: both stored only if
 * `condition` holds as they run (the cooperative they belong to was written
 * by the same batch). The link's token is in the mail only; the invitation
 * keeps its hash.
 */
export function queueInvitationIf(db: Database, invitation: QueuedInvitation, condition: SQL, now: Date) {
  const token = randomToken(SECRET_BYTES);
  const invitationId = newId();
  const at = now.getTime();
  const mail = invitationMessage(
    invitation.locale,
    invitation.email,
    {
      inviter: invitation.inviter.displayName,
      cooperative: invitation.cooperativeName,
      link: invitation.linkFor(token),
    },
    invitation.asManager,
  );
  // INSERT … SELECT in the tables' column order, as query builders so that D1's batch binds the values.
  return [
    db.insert(invitations).select(
      sql`SELECT ${invitationId}, ${hashToken(token)}, ${invitation.cooperativeId}, ${invitation.email},
        ${invitation.asManager ? 1 : 0}, ${invitation.inviter.id}, ${at + INVITATION_LIFETIME_MS}, NULL, NULL, ${at}
        WHERE ${condition}`,
    ),
    db.insert(invitationMail).select(
      sql`SELECT ${newId()}, ${invitationId}, ${mail.to}, ${mail.subject}, ${mail.text}, 'pending', 0, ${at}, NULL,
        NULL, NULL, ${at}, ${mail.html ?? null}
        WHERE EXISTS (SELECT 1 FROM ${invitations} WHERE ${invitations.id} = ${invitationId})`,
    ),
  ];
}

async function claim(db: Database, id: string, now: Date) {
  const [row] = await db
    .update(invitationMail)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${invitationMail.attempts} + 1` })
    .where(
      and(
        eq(invitationMail.id, id),
        eq(invitationMail.status, 'pending'),
        lte(invitationMail.nextAttemptAt, now),
        or(isNull(invitationMail.claimedUntil), lte(invitationMail.claimedUntil, now)),
      ),
    )
    .returning({
      to: invitationMail.recipient,
      subject: invitationMail.subject,
      text: invitationMail.textBody,
      html: invitationMail.htmlBody,
      attempts: invitationMail.attempts,
    });
  return row ?? null;
}

/** Sends every pending invitation mail that is due and no other sender holds, oldest first, up to `limit`; how many went out. */
export async function sendDueInvitationMail(
  db: Database,
  mailer: Mailer,
  now: () => Date = () => new Date(),
  limit = 200,
): Promise<number> {
  const due = await db
    .select({ id: invitationMail.id })
    .from(invitationMail)
    .where(and(eq(invitationMail.status, 'pending'), lte(invitationMail.nextAttemptAt, now())))
    .orderBy(asc(invitationMail.nextAttemptAt))
    .limit(limit);
  let sent = 0;
  for (const { id } of due) {
    const claimed = await claim(db, id, now());
    if (!claimed) continue;
    const { attempts, html, ...message } = claimed;
    try {
      await mailer.send({ ...message, ...(html ? { html } : {}) });
      await db
        .update(invitationMail)
        .set({ status: 'sent', sentAt: now(), claimedUntil: null, lastError: null })
        .where(eq(invitationMail.id, id));
      sent += 1;
    } catch (error) {
      await db
        .update(invitationMail)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          claimedUntil: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(invitationMail.id, id));
    }
  }
  return sent;
}
