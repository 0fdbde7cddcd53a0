/**
 * Recognises a write refused by a UNIQUE index, whichever store refused it.
 * Check-then-write code needs this: two requests can both find a slug, a lot
 * code or a registration free, and the index lets only one of them write.
 *
 * Neither driver gives a portable code, but both carry SQLite's own message,
 * "UNIQUE constraint failed: <table>.<column>, <table>.<column>", somewhere on
 * the error's cause chain:
 * - D1: `D1_ERROR: UNIQUE constraint failed: events.slug: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)`;
 * - libSQL: `SQLITE_CONSTRAINT: UNIQUE constraint failed: events.slug` (a LibsqlError, or a LibsqlBatchError from a batch);
 * and Drizzle wraps a single query's error in a DrizzleQueryError ("Failed
 * query: …") whose `cause` is the driver's, while a batch's error comes
 * through unwrapped. tests/api/d1-parity.test.ts checks this on both stores.
 */
import { getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

const UNIQUE_FAILED = /UNIQUE constraint failed: ([^:\n]+)/;

/** The messages of an error and of the errors it wraps, outermost first. */
function messages(error: unknown): string[] {
  const found: string[] = [];
  // Bounded: a cause chain is a few links long, and a cyclic one must not hang the request.
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    found.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return found;
}

/**
 * Whether `error` is a UNIQUE violation; with `index` (the columns of one
 * unique index, in any order), only a violation of that index.
 */
export function isUniqueViolation(error: unknown, index?: readonly SQLiteColumn[]): boolean {
  const wanted = index ? new Set(index.map((column) => `${getTableName(column.table)}.${column.name}`)) : null;
  return messages(error).some((message) => {
    const columns = UNIQUE_FAILED.exec(message)?.[1]
      ?.split(',')
      .map((column) => column.trim());
    if (!columns) return false;
    return wanted === null || (columns.length === wanted.size && columns.every((column) => wanted.has(column)));
  });
}
