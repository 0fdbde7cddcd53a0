/**
 * Work the worker's Cron Triggers run (wrangler.toml):
 * - every day at 00:05 in Viet Nam ("5 17 * * *" UTC): the day has turned, so
 *   validity that depends on the date is recomputed, and dead sessions and
 *   rate-limit windows are deleted;
 * - every ten minutes ("*\/10 * * * *"): inquiry mail that failed, or whose
 *   request ended before sending it, is tried again (the daily run does it too).
 */
import { deleteExpiredResetLinks } from './accounts/password-reset';
import { deleteEndedWindows } from './accounts/rate-limit';
import { deleteExpiredSessions } from './accounts/sessions';
import { refreshOcopStars } from './catalogue/ocop-stars';
import type { Database } from './db/client';
import { deliverDueNotifications } from './inquiries/notifications';
import type { Mailer } from './mail/mailer';
import { vietnamDate } from './time/vietnam';

export async function runDailyJobs(db: Database, now: Date): Promise<void> {
  await refreshOcopStars(db, vietnamDate(now));
  // Housekeeping: rows that can never be used again.
  await deleteExpiredSessions(db, now);
  await deleteEndedWindows(db, now);
  await deleteExpiredResetLinks(db, now);
}

export const DAILY_CRON = '5 17 * * *';
export const RETRY_CRON = '*/10 * * * *';

/** What one Cron Trigger firing does: always retry due inquiry mail; the daily trigger also does the daily upkeep. */
export async function runScheduledJobs(db: Database, mailer: Mailer, cron: string, now: Date): Promise<void> {
  await deliverDueNotifications(db, mailer, () => now);
  if (cron === DAILY_CRON) await runDailyJobs(db, now);
}
