/**
 * `npm run bench`: builds the worker, serves it in workerd on the demo dataset
 * and on the national-scale one (50,000 cooperatives, 200,000 products, 5,000
 * events), and prints one table per dataset, for every page kind and API
 * endpoint:
 * - "render": every request with a URL of its own, so each is rendered (none
 *   comes from the worker's memory of public pages): latency with one
 *   connection (the server time of one rendering), and p95 and requests/s at
 *   32 concurrent connections;
 * - then the same URL over and over at 32 connections (p50/p95/p99, req/s):
 *   a popular page, served from memory once rendered;
 * - what the first answer said in X-Cache, response bytes (raw, gzip,
 *   brotli), CSS and client JavaScript bytes;
 * - the cost of one rendering as the catalogue grows: its 1-connection p50
 *   as a multiple of the static file's (issue 23 asks for at most 5× on the
 *   national-scale dataset), and the database statements it ran and the rows
 *   SQLite read for them (D1's rows_read; src/server/db/query-stats.ts), and
 *   the median time SQLite spent on them (D1's duration), the rest being the worker's own.
 * A static file is measured too: it is the floor of the local runtime.
 *
 * The worker runs in workerd alone (bench/lib/workerd-server.ts); with
 * --via wrangler it runs under `wrangler dev`, as `npm start` serves it, with
 * wrangler's dev proxy in front.
 *
 * Options: --seconds N (per target, default 5), --connections N (default 32),
 * --only demo|scale, --via workerd|wrangler, --targets REGEX (only the targets
 * whose name matches, besides the static file every ratio needs); BENCH_SCALE=4 (environment) for a
 * quarter of the national scale (bench/lib/datasets.ts). Datasets live in
 * .data/bench-demo and .data/bench-scale and are created on first use (the
 * scale one takes about two minutes).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { main, SetupError } from '../scripts/lib/fail';
import { runTool } from '../scripts/lib/run';
import { freePort, type RunningWorker, startWorker } from '../scripts/lib/worker-server';
import { DATASETS } from './lib/datasets';
import { loadTest } from './lib/load';
import { weigh } from './lib/page-weight';
import { startWorkerInWorkerd } from './lib/workerd-server';

type Launcher = (options: {
  host: string;
  port: number;
  dataDir: string;
  vars?: Record<string, string>;
}) => Promise<RunningWorker>;

// QUERY_STATS: each answer says how many statements it ran, the rows they read and SQLite's time
// for them (X-Query-Count, X-Rows-Read, X-Sql-Ms).
const LAUNCHERS: Record<string, Launcher> = {
  workerd: startWorkerInWorkerd,
  wrangler: startWorker,
};

/**
 * Five more renderings, for what one asks of the database: its statements, the rows read, and the
 * median SQL time ("-" for answers that ask nothing, such as static files).
 */
async function databaseCost(url: string): Promise<{ queries: string; rowsRead: string; sqlMs: string }> {
  const answers = [];
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${url}${url.includes('?') ? '&' : '?'}_=cost-${i}`);
    await response.arrayBuffer();
    answers.push(response.headers);
  }
  const last = answers[answers.length - 1];
  const sqlMs = answers.map((headers) => headers.get('x-sql-ms') ?? '-').sort((a, b) => parseFloat(a) - parseFloat(b));
  return {
    queries: last?.get('x-query-count') ?? '-',
    rowsRead: last?.get('x-rows-read') ?? '-',
    sqlMs: sqlMs[Math.floor(sqlMs.length / 2)] ?? '-',
  };
}

/** Real slugs to request, taken from the API of the running worker. */
async function targets(baseUrl: string): Promise<[string, string][]> {
  const api = async (path: string) =>
    (await fetch(`${baseUrl}${path}`)).json() as Promise<{ items: { slug: string }[] }>;
  const product = (await api('/api/v1/products?limit=1&sort=stars')).items[0]?.slug;
  const cooperative = (await api('/api/v1/cooperatives?limit=1&sort=products')).items[0]?.slug;
  // An uploaded photo, where the dataset has them (the demo's; the generator's products have none).
  const detail = (await (await fetch(`${baseUrl}/api/v1/products/${product}`)).json()) as { images?: string[] };
  const photo = detail.images?.[0];
  return [
    ['static file (runtime floor)', '/favicon.svg'],
    ['home', '/'],
    ['product list', '/san-pham'],
    ['product search "mat ong"', '/san-pham?q=mat+ong'],
    ['product filter', '/san-pham?province=bac-ninh&group=thuc_pham&stars=4&sort=price_asc'],
    ['product list page 20', '/san-pham?page=20'],
    ['product list, best rated', '/san-pham?sort=stars'],
    ['product filter, 4 stars', '/san-pham?stars=4'],
    ['product page', `/san-pham/${product}`],
    ['cooperative directory', '/hop-tac-xa'],
    ['cooperative directory page 20', '/hop-tac-xa?page=20'],
    ['cooperative search', '/hop-tac-xa?q=che'],
    ['cooperative profile', `/hop-tac-xa/${cooperative}`],
    ['province page', '/tinh/bac-ninh'],
    ['province index', '/tinh'],
    ['statistics (cached)', '/thong-ke'],
    ['statistics, one province (cached)', '/thong-ke?province=dak-lak'],
    ['API products', '/api/v1/products'],
    ['API product search', '/api/v1/products?q=ca+phe&certification=vietgap'],
    ['API cooperatives', '/api/v1/cooperatives?province=dak-lak'],
    ['API health', '/api/v1/health'],
    ...(photo ? ([['product photo (R2)', photo]] as [string, string][]) : []),
  ];
}

/**
 * Waits until the worker is idle again: renderings the load generator gave up
 * on at the end of a run (32 of them, up to 200 ms each) are still worked
 * through, and would otherwise be counted against the next run. Idle is a
 * static file answering within 10 ms twice in a row (it takes 1–2 ms alone).
 */
async function settle(baseUrl: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/favicon.svg`).then((response) => response.arrayBuffer());
    quick = performance.now() - started < 10 ? quick + 1 : 0;
  }
}

function row(cells: (string | number)[]) {
  return `| ${cells.join(' | ')} |`;
}

await main(async () => {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      via: { type: 'string', default: 'workerd' },
      'no-build': { type: 'boolean' },
      targets: { type: 'string' },
    },
  });
  const launch = LAUNCHERS[values.via];
  if (!launch) throw new SetupError(`--via must be one of ${Object.keys(LAUNCHERS).join(', ')}, not "${values.via}".`);
  const seconds = Number(values.seconds ?? 5);
  const connections = Number(values.connections ?? 32);
  if (!values['no-build']) await runTool('Building the worker', 'astro', ['build']);

  const datasets = DATASETS.filter((d) => !values.only || d.name.startsWith(values.only));
  const chosen = values.targets === undefined ? null : new RegExp(values.targets);

  console.log(
    `Chợ HTX benchmark — ${new Date().toISOString()} — ${connections} connections, ${seconds} s per target, worker in ${values.via === 'workerd' ? 'workerd alone' : 'wrangler dev'}`,
  );
  for (const dataset of datasets) {
    console.log(`\n### ${dataset.name} dataset${existsSync(dataset.dir) ? '' : ' (creating)'}`);
    await dataset.prepare(dataset.dir);
    const server = await launch({
      host: '127.0.0.1',
      port: await freePort(),
      dataDir: dataset.dir,
      vars: { QUERY_STATS: '1' },
    });
    try {
      const local = await fetch(`${server.url}/api/v1/health`);
      if (local.status !== 200) throw new Error(`worker not healthy: ${await local.text()}`);
      console.log('');
      console.log(
        row([
          'target',
          'status',
          'cache',
          'render 1 conn p50 ms',
          '× static',
          'queries',
          'rows read',
          'SQL ms',
          'render 1 conn p95 ms',
          'render p95 ms',
          'render req/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'req/s',
          'non-2xx',
          'raw B',
          'gzip B',
          'br B',
          'CSS B',
          'client JS B',
        ]),
      );
      console.log(row(Array(21).fill('---')));
      // The first target is the static file: the floor each rendering is compared with, kept whatever --targets says.
      let floor = Number.NaN;
      const all = await targets(server.url);
      for (const [name, path] of all.filter(([name], i) => i === 0 || !chosen || chosen.test(name))) {
        const url = `${server.url}${path}`;
        await settle(server.url);
        const weight = await weigh(url);
        // Every request a new URL: what a rendering costs, alone and under load (the long tail of searches).
        const renderAlone = await loadTest(url, {
          connections: 1,
          seconds: Math.max(2, Math.ceil(seconds / 2)),
          unique: true,
        });
        if (Number.isNaN(floor)) floor = renderAlone.p50;
        const cost = await databaseCost(url);
        const renderLoad = await loadTest(url, { connections, seconds, unique: true });
        // The same URL again and again: what most visitors of a popular page get (from memory once rendered).
        // Asked once first: the renderings above filled the memory and may have pushed it out.
        await fetch(url).then((response) => response.arrayBuffer());
        await settle(server.url);
        const load = await loadTest(url, { connections, seconds });
        console.log(
          row([
            name,
            weight.status,
            weight.cache ?? '-',
            renderAlone.p50.toFixed(1),
            (renderAlone.p50 / floor).toFixed(1),
            cost.queries,
            cost.rowsRead,
            cost.sqlMs,
            renderAlone.p95.toFixed(1),
            renderLoad.p95.toFixed(1),
            renderLoad.perSecond.toFixed(0),
            load.p50.toFixed(1),
            load.p95.toFixed(1),
            load.p99.toFixed(1),
            load.perSecond.toFixed(0),
            load.non2xx + load.errors + renderLoad.non2xx + renderLoad.errors,
            weight.rawBytes,
            weight.gzipBytes,
            weight.brotliBytes,
            weight.cssBytes,
            weight.clientJsBytes,
          ]),
        );
      }
    } finally {
      await server.stop();
    }
  }
});
