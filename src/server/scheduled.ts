/**
 * Work the worker's Cron Trigger runs every day at 00:05 in Viet Nam
 * (wrangler.toml: "5 17 * * *" UTC): the day has turned, so validity that
 * depends on the date is recomputed, and dead sessions and rate-limit
 * windows are deleted.
 */
import { deleteExpiredResetLinks } from './accounts/password-reset';
import { deleteEndedWindows } from './accounts/rate-limit';
import { deleteExpiredSessions } from './accounts/sessions';
import { refreshOcopStars } from './catalogue/ocop-stars';
import type { Database } from './db/client';
import { vietnamDate } from './time/vietnam';

export async function runDailyJobs(db: Database, now: Date): Promise<void> {
  await refreshOcopStars(db, vietnamDate(now));
  // Housekeeping: rows that can never be used again.
  await deleteExpiredSessions(db, now);
  await deleteEndedWindows(db, now);
  await deleteExpiredResetLinks(db, now);
}
