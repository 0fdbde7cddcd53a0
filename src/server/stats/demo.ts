import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** Whether demo (fictional) records are in the catalogue, so every page can say so. */
export async function hasDemoData(db: Database): Promise<boolean> {
  const [row] = await db.all<{ demo: number }>(
    sql`SELECT EXISTS (SELECT 1 FROM cooperatives WHERE is_demo = 1) AS demo`,
  );
  return Number(row?.demo ?? 0) === 1;
}
