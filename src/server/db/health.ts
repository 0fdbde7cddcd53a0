import { sql } from 'drizzle-orm';
import { DomainError, UnavailableError } from '../errors';
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

/** Shorter than DATABASE_TIMEOUT_MS, so a health check reports its findings before the request bound cuts it off. */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

export async function checkDatabase(db: Database, now = () => performance.now()): Promise<DatabaseHealth> {
  const started = now();
  try {
    const migrations = await withTimeout(
      (async () => {
        await db.run(sql`SELECT 1`);
        return readMigrationState(db);
      })(),
      HEALTH_CHECK_TIMEOUT_MS,
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

/** Whether the database answers a trivial query within `ms`: tells "the database is down" from "our bug". */
export async function databaseAnswers(db: Database, ms = 1000): Promise<boolean> {
  try {
    await withTimeout(db.run(sql`SELECT 1`), ms);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs database work within the time bound. A failure that is not one of our
 * domain errors is checked against the database itself: when it does not
 * answer, the failure becomes UnavailableError (a 503 that says so); otherwise
 * it is a bug and is rethrown as it is (a 500).
 */
export async function boundedDatabaseWork<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    return await withTimeout(work());
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (!(await databaseAnswers(db))) {
      throw new UnavailableError(error instanceof Error ? error.message : String(error));
    }
    throw error;
  }
}
