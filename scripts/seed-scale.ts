/**
 * `npm run seed:scale -- --cooperatives 50000 --products 200000 --events 5000`:
 * loads a synthetic national-scale catalogue (on top of the provinces) for
 * benchmarks, into LIBSQL_URL or the local D1 under DATA_DIR (use a separate
 * DATA_DIR to keep it apart from the demo data). The local D1 file is written
 * directly, with large statements and its secondary indexes built after the
 * load (scripts/lib/bulk-load.ts): through wrangler's proxy and D1's limit of
 * 100 parameters a statement it would take many minutes.
 */
import { parseArgs } from 'node:util';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../src/server/db/insert';
import { countCatalogue, seedReferenceData, seedScaleData } from '../src/server/db/seeding';
import { readLocalConfig } from './lib/config';
import { openMigratedDatabase } from './lib/database';
import { main, SetupError } from './lib/fail';
import { openLocalD1File } from './lib/local-d1';
import { SCALE_DEFERRED_TRIGGERS, SCALE_TABLES } from '../src/server/db/seeding';
import { withSecondaryIndexesDeferred } from './lib/bulk-load';

function count(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SetupError(`--${name} must be a whole number ≥ 0, not "${value}".`);
  return n;
}

await main(async () => {
  const { values } = parseArgs({
    options: {
      cooperatives: { type: 'string' },
      products: { type: 'string' },
      events: { type: 'string' },
    },
  });
  const options = {
    cooperatives: count('cooperatives', values.cooperatives, 50_000),
    products: count('products', values.products, 200_000),
    events: count('events', values.events, 5_000),
    now: new Date(),
  };
  if (options.products > 0 && options.cooperatives === 0)
    throw new SetupError('Products need at least one cooperative.');

  const config = readLocalConfig();
  // Migrates (wrangler for D1, our migrator for libSQL) and loads the provinces through the real driver.
  const migrated = await openMigratedDatabase(config);
  try {
    await seedReferenceData(migrated.db);
  } finally {
    await migrated.close();
  }
  const target = config.libsqlUrl
    ? {
        ...(await openMigratedDatabase(config)),
        maxParameters: undefined,
        // A remote database keeps its indexes: a load cut short must not leave it without them.
        bulk: <T>(load: () => Promise<T>) => load(),
      }
    : await (async () => {
        const file = await openLocalD1File(config.dataDir);
        return {
          db: file.db,
          label: `local D1 in ${config.dataDir}`,
          close: async () => file.client.close(),
          maxParameters: SQLITE_MAX_BOUND_PARAMETERS,
          bulk: <T>(load: () => Promise<T>) =>
            withSecondaryIndexesDeferred(file.client, SCALE_TABLES, load, SCALE_DEFERRED_TRIGGERS),
        };
      })();

  const started = performance.now();
  try {
    const written = new Map<string, number>();
    let lastReport = performance.now();
    await seedScaleData(target.db, {
      ...options,
      maxParameters: target.maxParameters,
      bulk: target.bulk,
      onChunk: (table, rows) => {
        written.set(table, (written.get(table) ?? 0) + rows);
        if (performance.now() - lastReport > 5000) {
          lastReport = performance.now();
          console.log(`  … ${[...written].map(([t, n]) => `${t} ${n}`).join(', ')}`);
        }
      },
    });
    const counts = await countCatalogue(target.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Loaded into ${target.label} in ${seconds} s:`, counts);
  } finally {
    await target.close();
  }
});
