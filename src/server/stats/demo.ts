import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** Whether demo (fictional) records are in the catalogue, so every page can say so. */
export async function hasDemoData(db: Database): Promise<boolean> {
  const [row] = await db.all<{ demo: number }>(
    sql`SELECT EXISTS (SELECT 1 FROM cooperatives WHERE is_demo = 1) AS demo`,
  );
  return Number(row?.demo ?? 0) === 1;
}

/** How long an isolate trusts the answer: demo data comes and goes with a seeding, not with visitors. */
export const DEMO_FLAG_TTL_MS = 60_000;

const remembered = new WeakMap<Database, { demo: boolean; at: number }>();

/**
 * hasDemoData, asked at most once a minute per isolate: every page's footer
 * needs it, and it was one database round trip on each of them.
 */
export async function hasDemoDataRecently(db: Database, now = Date.now()): Promise<boolean> {
  const known = remembered.get(db);
  if (known && now - known.at < DEMO_FLAG_TTL_MS) return known.demo;
  const demo = await hasDemoData(db);
  remembered.set(db, { demo, at: now });
  return demo;
}
