/**
 * Bulk loads into a local SQLite file (the national-scale benchmark dataset):
 * the secondary indexes are dropped for the load and built again after it.
 * Keeping a dozen indexes in order row by row, with random ids, cost about a
 * third of the load time; CREATE INDEX sorts each once. Unique indexes stay,
 * since the load skips rows whose key exists (a load cut short is completed
 * by the next run).
 *
 * Triggers that keep a derived table (`triggers`) are dropped for the load too:
 * they look rows up by the secondary indexes that are gone, so each loaded row
 * would scan a table. The caller builds that table once after the load.
 *
 * Crash-safe: the dropped definitions are kept in the database itself, in the
 * transaction that drops them, and any left by a load that was cut short are
 * built before anything else.
 */
import type { Client } from '@libsql/client';

const KEPT = '_bulk_load_deferred_indexes';

async function rebuildDeferred(client: Client): Promise<void> {
  const kept = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${KEPT}'`);
  if (kept.rows.length === 0) return;
  const { rows } = await client.execute(`SELECT sql FROM ${KEPT}`);
  await client.batch([...rows.map((row) => String(row.sql)), `DROP TABLE ${KEPT}`], 'write');
}

/**
 * Runs `load` with the secondary (non-unique) indexes of `tables` and the triggers named in
 * `triggers` dropped, then creates them again.
 */
export async function withSecondaryIndexesDeferred<T>(
  client: Client,
  tables: readonly string[],
  load: () => Promise<T>,
  triggers: readonly string[] = [],
): Promise<T> {
  await rebuildDeferred(client);
  const { rows } = await client.execute({
    sql: `SELECT type, name, sql FROM sqlite_master WHERE (type = 'index' AND sql IS NOT NULL
      AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${tables.map(() => '?').join(', ')}))
      OR (type = 'trigger' AND name IN (${triggers.map(() => '?').join(', ')}))`,
    args: [...tables, ...triggers],
  });
  await client.batch(
    [
      `CREATE TABLE ${KEPT} (sql TEXT NOT NULL)`,
      ...rows.map((row) => ({ sql: `INSERT INTO ${KEPT} (sql) VALUES (?)`, args: [String(row.sql)] })),
      ...rows.map((row) => `DROP ${row.type === 'trigger' ? 'TRIGGER' : 'INDEX'} "${String(row.name)}"`),
    ],
    'write',
  );
  try {
    return await load();
  } finally {
    await rebuildDeferred(client);
  }
}
