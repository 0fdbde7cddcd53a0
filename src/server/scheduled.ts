/**
 * Work the worker's Cron Trigger runs every day at 00:05 in Viet Nam
 * (wrangler.toml: "5 17 * * *" UTC): the day has turned, so validity that
 * depends on the date is recomputed.
 */
import { refreshOcopStars } from './catalogue/ocop-stars';
import type { Database } from './db/client';
import { vietnamDate } from './time/vietnam';

export async function runDailyJobs(db: Database, now: Date): Promise<void> {
  await refreshOcopStars(db, vietnamDate(now));
}
