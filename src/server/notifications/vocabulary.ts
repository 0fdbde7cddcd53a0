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
 *   (src/server/events/registrations/officer-decisions.ts);
 * - `profile_decision`: an officer approved or rejected (with the reason) a
 *   change to the cooperative's profile; told to its manager, who answers
 *   for the profile (src/server/cooperatives/profile-decision-mail.ts);
 * - `event_change`: an event the cooperative registered for moved (its dates
 *   or place changed) or was cancelled (src/server/events/event-admin/event-change-mail.ts);
 * - `invitation_accepted`: someone the person invited (a member, or a
 *   cooperative's manager an officer invited) created their account
 *   (src/server/accounts/invitations.ts);
 * - `officer_queues`: a trade officer's daily summary of what waits in their
 *   province's queues (src/server/notifications/officer-queues.ts).
 *
 * Each kind is one a person can choose to receive at once, in their daily
 * digest, or not at all (src/server/notifications/preferences.ts): a kind
 * added here gets a preference, a line on the preferences page and an
 * unsubscribe link without more code (its words go in
 * src/i18n/sections/notification-settings.*.ts, which the type checker asks for).
 */
export const NOTIFICATION_KINDS = [
  'claim_expiry',
  'claim_decision',
  'product_decision',
  'registration_decision',
  'profile_decision',
  'event_change',
  'invitation_accepted',
  'officer_queues',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about an officer's own work; the others concern a cooperative's people, but for those both receive. */
const OFFICER_KINDS: readonly NotificationKind[] = ['officer_queues'];
/** Members (a manager) and officers alike invite people. */
const SHARED_KINDS: readonly NotificationKind[] = ['invitation_accepted'];

/** The kinds a person of this role can receive, which their settings page offers. */
export function notificationKindsFor(role: 'member' | 'officer' | 'admin'): NotificationKind[] {
  const officer = role !== 'member';
  return NOTIFICATION_KINDS.filter((kind) => SHARED_KINDS.includes(kind) || OFFICER_KINDS.includes(kind) === officer);
}

/**
 * What the outbox holds: the kinds above, and the daily digest that gathers
 * a person's held notifications into one mail (not a kind anyone chooses:
 * it exists because they chose "digest" for others).
 */
export const DIGEST_KIND = 'digest' as const;
export const OUTBOX_KINDS = [...NOTIFICATION_KINDS, DIGEST_KIND] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** How a person wants one kind: each at once (the default), gathered in a daily digest, or not at all. */
export const DELIVERY_MODES = ['now', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DEFAULT_DELIVERY_MODE: DeliveryMode = 'now';

/**
 * pending: not yet sent (maybe failed before, retried later); failed: gave
 * up after the last attempt; skipped: the person turned its kind off, so it
 * is never sent nor retried; held: waits for the person's daily digest;
 * digested: went out in a digest (the digest's own row says when).
 */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'skipped', 'held', 'digested'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Days before a claim's last valid day at which its cooperative is reminded;
 * 0 is the last day itself. Largest first: a claim is reminded at the
 * smallest threshold it has reached, so one verified 20 days before it lapses
 * gets the 30-day reminder, not the 90-day one as well.
 */
export const REMINDER_THRESHOLDS = [90, 30, 7, 0] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];
