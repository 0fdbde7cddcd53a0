/**
 * Migration bookkeeping shared by every store. D1 migrations are applied by
 * `wrangler d1 migrations apply`, which records them in `d1_migrations`; the
 * Node migrator for libSQL (./node.ts) writes the very same ledger, so the
 * health check and tools read one table whichever store is behind.
 */
import { sql } from 'drizzle-orm';
import journal from '../../../migrations/meta/_journal.json';
import type { Database } from './client';

export const MIGRATIONS_LEDGER = 'd1_migrations';

/** Same definition wrangler uses, so either tool can take over a database. */
export const CREATE_LEDGER_SQL = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_LEDGER}(
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/** File names of the migrations this build expects, oldest first (drizzle-kit's journal). */
export const EXPECTED_MIGRATIONS: readonly string[] = journal.entries.map((entry) => `${entry.tag}.sql`);

/** drizzle-kit separates statements with this marker; wrangler ignores it as a comment. */
export function splitStatements(fileSql: string): string[] {
  return fileSql
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export interface MigrationState {
  applied: string[];
  latestApplied: string | null;
  expectedLatest: string | null;
  pending: string[];
  upToDate: boolean;
}

export async function readMigrationState(db: Database): Promise<MigrationState> {
  const ledger = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATIONS_LEDGER}`,
  );
  const applied =
    ledger.length === 0
      ? []
      : (await db.all<{ name: string }>(sql.raw(`SELECT name FROM ${MIGRATIONS_LEDGER} ORDER BY id`))).map(
          (row) => row.name,
        );
  const pending = EXPECTED_MIGRATIONS.filter((name) => !applied.includes(name));
  return {
    applied,
    latestApplied: applied.at(-1) ?? null,
    expectedLatest: EXPECTED_MIGRATIONS.at(-1) ?? null,
    pending,
    upToDate: pending.length === 0,
  };
}
