/**
 * Work of the worker's Cron Triggers (wrangler.toml [triggers]):
 * - every day at 00:05 in Viet Nam ("5 17 * * *" UTC): the day has turned,
 *   so validity that depends on the date is recomputed, and dead sessions and
 *   rate-limit windows are deleted;
 * - every five minutes: figures too costly to compute while a visitor waits.
 */
import { deleteExpiredResetLinks } from './accounts/password-reset';
import { deleteEndedWindows } from './accounts/rate-limit';
import { deleteExpiredSessions } from './accounts/sessions';
import { refreshOcopStars } from './catalogue/ocop-stars';
import type { Database } from './db/client';
import { refreshNationalStatistics } from './stats/catalogue-statistics';
import { vietnamDate } from './time/vietnam';

export async function runDailyJobs(db: Database, now: Date): Promise<void> {
  await refreshOcopStars(db, vietnamDate(now));
  // Housekeeping: rows that can never be used again.
  await deleteExpiredSessions(db, now);
  await deleteEndedWindows(db, now);
  await deleteExpiredResetLinks(db, now);
}

export const CRONS = { daily: '5 17 * * *', frequent: '*/5 * * * *' } as const;

export async function runFrequentJobs(db: Database, now: Date): Promise<void> {
  await refreshNationalStatistics(db, now);
}

/** The jobs of the trigger that fired; an unknown schedule runs nothing rather than guess. */
export async function runScheduled(db: Database, cron: string, now: Date): Promise<void> {
  if (cron === CRONS.daily) await runDailyJobs(db, now);
  else if (cron === CRONS.frequent) await runFrequentJobs(db, now);
  else console.warn(`no jobs for the cron schedule ${JSON.stringify(cron)}`);
}
