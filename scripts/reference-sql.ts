/**
 * `npm run -s seed:sql > reference.sql`: the reference data (the 34 provinces,
 * the communes of the former units plans name, the plans' targets) as
 * idempotent SQL, for `wrangler d1 execute DB --remote --file reference.sql`.
 * Remote D1 cannot be written from Node directly, but it runs SQL files.
 * INSERT OR IGNORE: a target an officer has since edited is left as it is.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { formerUnitCommunes, provinces, provinceTargets } from '../src/server/db/schema';
import { formerUnitCommuneRows } from '../src/server/provinces/former-units';
import { PROVINCES } from '../src/server/provinces/reference';
import { PLAN_TARGETS } from '../src/server/targets/plan-targets';

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** One INSERT per row, naming only the columns the row sets, so the others take their defaults. */
function printInserts<T extends SQLiteTable>(table: T, rows: readonly T['$inferInsert'][]): void {
  const columns = Object.entries(getTableColumns(table));
  for (const row of rows) {
    const set = columns.filter(([key]) => (row as Record<string, unknown>)[key] !== undefined);
    const names = set.map(([, column]) => column.name).join(', ');
    const values = set.map(([key]) => literal((row as Record<string, unknown>)[key])).join(', ');
    console.log(`INSERT OR IGNORE INTO ${getTableName(table)} (${names}) VALUES (${values});`);
  }
}

printInserts(provinces, PROVINCES);
printInserts(formerUnitCommunes, formerUnitCommuneRows());
printInserts(provinceTargets, PLAN_TARGETS);
