/** Words of the notifications the portal mails to signed-in people (members, officers), as the schema stores them. */

/**
 * What a notification is about:
 * - `claim_expiry`: a verified OCOP rating or certificate of the person's
 *   cooperative runs out in 90, 30 or 7 days, or on the day
 *   (src/server/claims/claim-reminders.ts);
 * - `claim_decision`: an officer verified, rejected, sent back or revoked one
 *   of the cooperative's claims (src/server/claims/claim-decisions.ts);
 * - `product_decision`: an officer approved (published) or rejected one of the
 *   cooperative's submitted products, with the reason
 *   (src/server/moderation/moderation.ts);
 * - `registration_decision`: an officer confirmed, waitlisted or declined the
 *   cooperative's booth registration for an event
 *   (src/server/events/registrations/officer-decisions.ts).
 */
export const NOTIFICATION_KINDS = [
  'claim_expiry',
  'claim_decision',
  'product_decision',
  'registration_decision',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** pending: not yet sent (maybe failed before, retried later); failed: gave up after the last attempt. */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Days before a claim's last valid day at which its cooperative is reminded;
 * 0 is the last day itself. Largest first: a claim is reminded at the
 * smallest threshold it has reached, so one verified 20 days before it lapses
 * gets the 30-day reminder, not the 90-day one as well.
 */
export const REMINDER_THRESHOLDS = [90, 30, 7, 0] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];
