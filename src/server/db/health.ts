import { sql } from 'drizzle-orm';
import { UnavailableError } from '../errors';
import type { Database } from './client';
import { type MigrationState, readMigrationState } from './migrations';

/** A database that does not answer within this bound is reported unavailable, not waited on. */
export const DATABASE_TIMEOUT_MS = 3000;

export async function withTimeout<T>(work: Promise<T>, ms = DATABASE_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`database did not answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface DatabaseHealth {
  reachable: boolean;
  latencyMs: number;
  migrations: MigrationState | null;
  problem?: string;
}

export async function checkDatabase(db: Database, now = () => performance.now()): Promise<DatabaseHealth> {
  const started = now();
  try {
    const migrations = await withTimeout(
      (async () => {
        await db.run(sql`SELECT 1`);
        return readMigrationState(db);
      })(),
    );
    return {
      reachable: true,
      latencyMs: Math.round(now() - started),
      migrations,
      ...(migrations.upToDate ? {} : { problem: `pending migrations: ${migrations.pending.join(', ')}` }),
    };
  } catch (error) {
    return {
      reachable: false,
      latencyMs: Math.round(now() - started),
      migrations: null,
      problem: error instanceof Error ? error.message : String(error),
    };
  }
}
