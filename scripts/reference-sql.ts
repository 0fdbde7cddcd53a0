/**
 * `npm run -s seed:sql > provinces.sql`: the reference data (the 34 provinces) as
 * idempotent SQL, for `wrangler d1 execute DB --remote --file provinces.sql`.
 * Remote D1 cannot be written from Node directly, but it runs SQL files.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { provinces } from '../src/server/db/schema';
import { PROVINCES } from '../src/server/provinces/reference';

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

const columns = Object.entries(getTableColumns(provinces));
const header = `INSERT OR IGNORE INTO ${getTableName(provinces)} (${columns.map(([, column]) => column.name).join(', ')})`;
for (const row of PROVINCES) {
  const values = columns.map(([key]) => literal(row[key as keyof typeof row]));
  console.log(`${header} VALUES (${values.join(', ')});`);
}
