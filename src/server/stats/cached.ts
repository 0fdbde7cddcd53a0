import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cachedFigures } from '../db/schema';

/**
 * A figure from the cached_figures table, recomputed by `compute` when missing
 * or older than `ttlMs`. Whoever finds it stale pays once; concurrent
 * recomputations write the same value, so the race is harmless.
 */
export async function cachedFigure<T>(
  db: Database,
  key: string,
  options: { now: Date; ttlMs: number },
  compute: () => Promise<T>,
): Promise<T> {
  const [row] = await db.select().from(cachedFigures).where(eq(cachedFigures.key, key)).limit(1);
  if (row && options.now.getTime() - row.computedAt.getTime() < options.ttlMs) return row.value as T;
  const value = await compute();
  await storeFigure(db, key, value, options.now);
  return value;
}

/** Stores a figure computed ahead of need (by the scheduled jobs), so no reader waits for it. */
export async function storeFigure<T>(db: Database, key: string, value: T, now: Date): Promise<void> {
  await db
    .insert(cachedFigures)
    .values({ key, value, computedAt: now })
    .onConflictDoUpdate({ target: cachedFigures.key, set: { value, computedAt: now } });
}
