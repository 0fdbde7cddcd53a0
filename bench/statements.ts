/**
 * `npm run bench:statements`: what each D1 statement of a search costs the
 * worker, on a benchmark dataset (the national-scale one by default). The
 * searches run once through the app's own code over the dataset's SQLite file
 * (libSQL), which records their statements; each statement is then sent
 * 200 times from inside workerd to the same local D1 that `npm run bench`
 * serves, and so is `SELECT 1`, the cost of a statement that does nothing.
 *
 * Prints, per statement: the rows it answers, D1's rows_read, D1's own SQL
 * time (meta.duration) and the worker's time from sending it to holding its
 * rows (the clock of a worker moves on I/O, so 200 in a row are timed
 * together). The difference is the statement's cost beyond SQLite: the
 * round trip to D1 and reading its answer. Not timed tests: figures for
 * docs/PERFORMANCE.md.
 *
 * Options: --dataset demo|scale (default scale), --runs N (default 200).
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { InStatement } from '@libsql/client';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import type { Database } from '../src/server/db/client';
import { listProducts, listProductsWithFacets } from '../src/server/products/product-list';
import { vietnamDate } from '../src/server/time/vietnam';
import { ROOT, wranglerStateDir } from '../scripts/lib/config';
import { main, SetupError } from '../scripts/lib/fail';
import { openLocalD1File } from '../scripts/lib/local-d1';
import { DATASETS } from './lib/datasets';

/** The searches of `npm run bench` whose statements are worth taking apart. */
const SEARCHES: { name: string; run: (db: Database, today: string) => Promise<unknown> }[] = [
  {
    name: 'product search "mat ong" (the page)',
    run: (db, today) => listProducts(db, { q: 'mat ong' }, { today, facets: true }),
  },
  {
    name: 'API product search "ca phe" + VietGAP',
    run: (db, today) => listProductsWithFacets(db, { q: 'ca phe', certification: ['vietgap'] }, today),
  },
];

interface Recorded {
  sql: string;
  args: unknown[];
}

/** The statements each search sends, in order. */
async function recordStatements(dataDir: string, today: string): Promise<Map<string, Recorded[]>> {
  const handle = await openLocalD1File(dataDir);
  const sent: Recorded[] = [];
  const execute = handle.client.execute.bind(handle.client);
  handle.client.execute = ((statement: InStatement) => {
    sent.push(
      typeof statement === 'string'
        ? { sql: statement, args: [] }
        : { sql: statement.sql, args: [...((statement.args as unknown[]) ?? [])] },
    );
    return execute(statement);
  }) as typeof execute;
  const bySearch = new Map<string, Recorded[]>();
  try {
    for (const search of SEARCHES) {
      sent.length = 0;
      await search.run(handle.db, today);
      bySearch.set(search.name, [...sent]);
    }
  } finally {
    handle.client.close();
  }
  return bySearch;
}

/** A worker that sends one statement `runs` times and says what it took. */
const TIMER = `export default {
  async fetch(request, env) {
    const { sql, args, runs } = await request.json();
    const once = () => env.DB.prepare(sql).bind(...args).all();
    for (let i = 0; i < 5; i++) await once();
    let duration = 0;
    let last;
    const start = Date.now();
    for (let i = 0; i < runs; i++) {
      last = await once();
      duration += last.meta.duration;
    }
    return Response.json({
      ms: (Date.now() - start) / runs,
      duration: duration / runs,
      rows: last.results.length,
      rowsRead: last.meta.rows_read,
    });
  },
};`;

interface Timing {
  ms: number;
  duration: number;
  rows: number;
  rowsRead: number;
}

interface MiniflareModule {
  Miniflare: new (options: unknown) => {
    dispatchFetch(url: string, init: { method: string; body: string }): Promise<{ json(): Promise<unknown> }>;
    dispose(): Promise<void>;
  };
  convertV4MiniflareOptions(options: unknown): unknown;
}

await main(async () => {
  const { values } = parseArgs({
    options: { dataset: { type: 'string', default: 'scale' }, runs: { type: 'string', default: '200' } },
  });
  const dataset = DATASETS.find((candidate) => candidate.name.startsWith(values.dataset));
  if (!dataset) throw new SetupError(`No dataset "${values.dataset}": demo or scale.`);
  const runs = Number(values.runs);
  await dataset.prepare(dataset.dir);
  const today = vietnamDate(new Date());
  const bySearch = await recordStatements(dataset.dir, today);

  // wrangler's own Miniflare and its reading of wrangler.toml: the D1 binding npm start and the bench use.
  const wrangler = createRequire(import.meta.url).resolve('wrangler');
  const { Miniflare, convertV4MiniflareOptions } = createRequire(wrangler)('miniflare') as MiniflareModule;
  const { workerOptions } = unstable_getMiniflareWorkerOptions(resolve(ROOT, 'wrangler.toml'));
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      resourcePersistencePath: join(wranglerStateDir(dataset.dir), 'v3'),
      workers: [
        {
          name: 'statement-timer',
          modulesRoot: ROOT,
          modules: [{ type: 'ESModule', path: join(ROOT, 'statement-timer.mjs'), contents: TIMER }],
          compatibilityDate: workerOptions.compatibilityDate,
          compatibilityFlags: workerOptions.compatibilityFlags,
          d1Databases: workerOptions.d1Databases,
        },
      ],
    }),
  );
  const time = async (statement: Recorded) =>
    (await (
      await miniflare.dispatchFetch('http://timer/', {
        method: 'POST',
        body: JSON.stringify({ ...statement, runs }),
      })
    ).json()) as Timing;
  try {
    console.log(`D1 statements — ${new Date().toISOString()} — ${dataset.name} dataset, ${runs} runs each, in workerd`);
    const nothing = await time({ sql: 'SELECT 1', args: [] });
    console.log(`\nSELECT 1: ${nothing.ms.toFixed(2)} ms in the worker, ${nothing.duration.toFixed(2)} ms of SQL`);
    for (const [name, statements] of bySearch) {
      console.log(`\n### ${name}: ${statements.length} statement${statements.length === 1 ? '' : 's'}\n`);
      console.log('| statement | rows | rows read | SQL ms | worker ms |');
      console.log('| --- | --- | --- | --- | --- |');
      let sum = 0;
      for (const statement of statements) {
        const timing = await time(statement);
        sum += timing.ms;
        const start = statement.sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        console.log(
          `| ${start}… | ${timing.rows} | ${timing.rowsRead} | ${timing.duration.toFixed(2)} | ${timing.ms.toFixed(2)} |`,
        );
      }
      console.log(`\nOne after another: ${sum.toFixed(2)} ms in the worker.`);
    }
  } finally {
    await miniflare.dispose();
  }
});
