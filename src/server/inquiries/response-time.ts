/**
 * How quickly a cooperative answers, as buyers see it before they write: the
 * median time from an inquiry's arrival to the cooperative's first reply, over
 * the last year's inquiries (spam left out), and how many of them it answered.
 * The median, as for the officers' figures (statistics.ts): a few inquiries
 * answered months later would swamp a mean. Too few inquiries say nothing
 * about a cooperative, so below MIN_ANSWERED the page says so instead.
 */
import { and, eq, gte, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { inquiries } from '../db/schema';
import { median, STATISTICS_DAYS } from './statistics';

export const MIN_ANSWERED = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ResponseTime {
  /** Median hours to the first reply, or null when fewer than MIN_ANSWERED inquiries were answered. */
  medianHours: number | null;
  answered: number;
  received: number;
}

export async function responseTimeOf(db: Database, cooperativeId: string, now: Date): Promise<ResponseTime> {
  const since = new Date(now.getTime() - STATISTICS_DAYS * DAY_MS);
  // inquiries_cooperative_status_idx leads with the cooperative: a walk over its own inquiries only.
  const rows = await db
    .select({ createdAt: inquiries.createdAt, firstRepliedAt: inquiries.firstRepliedAt })
    .from(inquiries)
    .where(
      and(eq(inquiries.cooperativeId, cooperativeId), ne(inquiries.status, 'spam'), gte(inquiries.createdAt, since)),
    );
  const waits = rows.flatMap((row) =>
    row.firstRepliedAt ? [row.firstRepliedAt.getTime() - row.createdAt.getTime()] : [],
  );
  const middle = waits.length >= MIN_ANSWERED ? median(waits) : null;
  return {
    medianHours: middle === null ? null : middle / 3_600_000,
    answered: waits.length,
    received: rows.length,
  };
}
