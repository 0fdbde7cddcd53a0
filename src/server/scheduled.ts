/**
 * Work of the worker's Cron Triggers (wrangler.toml [triggers]):
 * - every day at 00:05 in Viet Nam ("5 17 * * *" UTC): the day has turned,
 *   so validity that depends on the date is recomputed, dead sessions and
 *   rate-limit windows are deleted, and the month's statistics snapshot is
 *   taken if it is missing, verified claims about to expire are reminded to
 *   their cooperative (src/server/claims/claim-reminders.ts), and buyers'
 *   data in inquiries past their retention period is anonymised
 *   (src/server/privacy/retention.ts), and files uploaded for an import but
 *   left undecided for a week are deleted with their run
 *   (src/server/imports/import-runs.ts); officers get the digest of their
 *   queues (src/server/notifications/officer-queues.ts), then everyone with
 *   notifications held for a digest gets it (src/server/notifications/digest.ts);
 * - every five minutes ("*\/5 * * * *"): figures too costly to compute while a
 *   visitor waits are refreshed, and the lists' facet cubes recomputed when
 *   the catalogue or the day has moved (src/server/search/facet-cube.ts; a
 *   list that finds its cube stale also asks for a refresh itself);
 * - on every trigger: mail that failed, or whose request ended before
 *   sending it, is tried again (inquiry mail, then the notifications to
 *   signed-in people, after the daily jobs queued theirs, then invitations'
 *   mail from imports of cooperatives).
 */
import { deleteExpiredResetLinks } from './accounts/password-reset';
import { deleteEndedWindows } from './accounts/rate-limit';
import { deleteExpiredSessions } from './accounts/sessions';
import { refreshOcopStars } from './products/ocop-stars';
import type { Database } from './db/client';
import { refreshNationalStatistics } from './stats/catalogue-statistics';
import { takeMonthlySnapshot } from './stats/snapshots';
import { deliverDueNotifications } from './inquiries/notifications';
import type { Mailer } from './mail/mailer';
import { vietnamDate } from './time/vietnam';
import { queueClaimReminders } from './claims/claim-reminders';
import { sendDueNotifications } from './notifications/outbox';
import { sendDueInvitationMail } from './accounts/invitation-mail';
import { queueDigests } from './notifications/digest';
import { queueOfficerDigests } from './notifications/officer-queues';
import { anonymiseExpiredInquiries } from './privacy/retention';
import { deleteAbandonedImports } from './imports/import-runs';
import { DEFAULT_INQUIRY_RETENTION_MONTHS } from './privacy/notice';
import { refreshCube } from './search/facet-cube';
import { PRODUCT_CUBE } from './products/product-facet-cube';
import { COOPERATIVE_CUBE } from './cooperatives/directory-facet-cube';

/** What the deployment sets for the daily jobs (wrangler.toml [vars]), read once by the worker. */
export interface DailySettings {
  inquiryRetentionMonths: number;
  /**
   * The origin of links in mail (PUBLIC_ORIGIN); without it the reminders
   * wait, since a reminder without a working link would be sent once and
   * never again.
   */
  mailOrigin: string | null;
}

const DEFAULT_SETTINGS: DailySettings = { inquiryRetentionMonths: DEFAULT_INQUIRY_RETENTION_MONTHS, mailOrigin: null };

export async function runDailyJobs(db: Database, now: Date, settings: Partial<DailySettings> = {}): Promise<void> {
  const { inquiryRetentionMonths, mailOrigin } = { ...DEFAULT_SETTINGS, ...settings };
  await refreshOcopStars(db, vietnamDate(now));
  if (mailOrigin) {
    await queueClaimReminders(db, vietnamDate(now), now, mailOrigin);
    await queueOfficerDigests(db, now, mailOrigin);
  } else console.warn('PUBLIC_ORIGIN is not set: claim expiry reminders and officer digests are not queued');
  // Housekeeping: rows that can never be used again.
  await deleteExpiredSessions(db, now);
  await deleteEndedWindows(db, now);
  await deleteExpiredResetLinks(db, now);
  // Once a month (the first daily run of the month; a no-op probe on the others).
  await takeMonthlySnapshot(db, now);
  // After the snapshot, so a month's figures are taken before any of its inquiries lose their details.
  await anonymiseExpiredInquiries(db, now, inquiryRetentionMonths);
  // Last: the day's reminders and officer digests are held by now, so they are in today's digest.
  await queueDigests(db, now);
}

/** The lists' facet cubes, each recomputed unless current or claimed by a reader's refresh a moment ago. */
export async function refreshFacetCubes(db: Database, now: Date): Promise<void> {
  await refreshCube(db, PRODUCT_CUBE, vietnamDate(now), now.getTime());
  await refreshCube(db, COOPERATIVE_CUBE, vietnamDate(now), now.getTime());
}

export const DAILY_CRON = '5 17 * * *';
export const FREQUENT_CRON = '*/5 * * * *';
/** The trigger that retries mail; the frequent one, named for what the mail code needs of it. */
export const RETRY_CRON = FREQUENT_CRON;

/** What one Cron Trigger firing does; an unknown schedule only retries mail rather than guess. */
export async function runScheduledJobs(
  db: Database,
  mailer: Mailer,
  cron: string,
  now: Date,
  settings: Partial<DailySettings> = {},
  /** The MEDIA bucket, for the daily deletion of imports' files left undecided. */
  bucket?: R2Bucket,
): Promise<void> {
  await deliverDueNotifications(db, mailer, () => now);
  if (cron === DAILY_CRON) {
    await runDailyJobs(db, now, settings);
    if (bucket) await deleteAbandonedImports(db, bucket, now);
  } else if (cron === FREQUENT_CRON) {
    await refreshNationalStatistics(db, now);
    await refreshFacetCubes(db, now);
  } else console.warn(`no jobs but mail retries for the cron schedule ${JSON.stringify(cron)}`);
  await sendDueNotifications(db, mailer, () => now, settings.mailOrigin ?? null);
  await sendDueInvitationMail(db, mailer, () => now);
}
