/**
 * Bulk inserts that fit D1's limits: at most 100 bound parameters in one
 * statement, so rows are cut into statements of floor(100 / columns) rows,
 * and statements are sent in batches (each batch atomic on D1 and libSQL).
 */
import { getTableColumns } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './client';

export const D1_MAX_BOUND_PARAMETERS = 100;
const STATEMENTS_PER_BATCH = 50;

/** SQLite's own limit, for local files written directly (not through D1). */
export const SQLITE_MAX_BOUND_PARAMETERS = 32_766;

export function rowsPerStatement(table: SQLiteTable, maxParameters = D1_MAX_BOUND_PARAMETERS): number {
  const columns = Object.keys(getTableColumns(table)).length;
  return Math.max(1, Math.floor(maxParameters / columns));
}

/**
 * Inserts rows, skipping any whose primary or unique key already exists:
 * running it twice adds nothing and overwrites nothing.
 */
export async function insertMissing<T extends SQLiteTable>(
  db: Database,
  table: T,
  rows: readonly T['$inferInsert'][],
  maxParameters = D1_MAX_BOUND_PARAMETERS,
): Promise<void> {
  const size = rowsPerStatement(table, maxParameters);
  const statements: BatchItem<'sqlite'>[] = [];
  for (let start = 0; start < rows.length; start += size) {
    statements.push(
      db
        .insert(table)
        .values(rows.slice(start, start + size))
        .onConflictDoNothing(),
    );
  }
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const [first, ...rest] = statements.slice(start, start + STATEMENTS_PER_BATCH);
    if (first) await db.batch([first, ...rest]);
  }
}
