/**
 * `npm run bench`: builds the worker, serves it in workerd on the demo dataset
 * and on the national-scale one (50,000 cooperatives, 200,000 products, 5,000
 * events), and prints one table per dataset: latency with one connection (the
 * server time of one request), latency percentiles and requests/s at 32
 * concurrent connections, response bytes (raw, gzip, brotli) and client
 * JavaScript bytes, for every page kind and API endpoint. A static file is
 * measured too: it is the floor of the local runtime.
 *
 * Options: --seconds N (per target, default 5), --connections N (default 32),
 * --only demo|scale. Datasets live in .data/bench-demo and .data/bench-scale
 * and are created on first use (the scale one takes about two minutes).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { main } from '../scripts/lib/fail';
import { runTool } from '../scripts/lib/run';
import { freePort, startWorker } from '../scripts/lib/worker-server';
import { DATASETS } from './lib/datasets';
import { loadTest } from './lib/load';
import { weigh } from './lib/page-weight';

/** Real slugs to request, taken from the API of the running worker. */
async function targets(baseUrl: string): Promise<[string, string][]> {
  const api = async (path: string) => (await fetch(`${baseUrl}${path}`)).json() as Promise<{ items: { slug: string }[] }>;
  const product = (await api('/api/v1/products?limit=1&sort=stars')).items[0]?.slug;
  const cooperative = (await api('/api/v1/cooperatives?limit=1&sort=products')).items[0]?.slug;
  return [
    ['static file (runtime floor)', '/favicon.svg'],
    ['home', '/'],
    ['product list', '/san-pham'],
    ['product search "mat ong"', '/san-pham?q=mat+ong'],
    ['product filter', '/san-pham?province=bac-ninh&group=thuc_pham&stars=4&sort=price_asc'],
    ['product list page 20', '/san-pham?page=20'],
    ['product page', `/san-pham/${product}`],
    ['cooperative directory', '/hop-tac-xa'],
    ['cooperative search', '/hop-tac-xa?q=che'],
    ['cooperative profile', `/hop-tac-xa/${cooperative}`],
    ['province page', '/tinh/bac-ninh'],
    ['statistics (cached)', '/thong-ke'],
    ['statistics, one province (cached)', '/thong-ke?province=dak-lak'],
    ['API products', '/api/v1/products'],
    ['API product search', '/api/v1/products?q=ca+phe&certification=vietgap'],
    ['API cooperatives', '/api/v1/cooperatives?province=dak-lak'],
    ['API health', '/api/v1/health'],
  ];
}

function row(cells: (string | number)[]) {
  return `| ${cells.join(' | ')} |`;
}

await main(async () => {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, connections: { type: 'string' }, only: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  const seconds = Number(values.seconds ?? 5);
  const connections = Number(values.connections ?? 32);
  if (!values['no-build']) await runTool('Building the worker', 'astro', ['build']);

  const datasets = DATASETS.filter((d) => !values.only || d.name === values.only);

  console.log(`Chợ HTX benchmark — ${new Date().toISOString()} — ${connections} connections, ${seconds} s per target`);
  for (const dataset of datasets) {
    console.log(`\n### ${dataset.name} dataset${existsSync(dataset.dir) ? '' : ' (creating)'}`);
    await dataset.prepare(dataset.dir);
    const server = await startWorker({ host: '127.0.0.1', port: await freePort(), dataDir: dataset.dir });
    try {
      const local = await fetch(`${server.url}/api/v1/health`);
      if (local.status !== 200) throw new Error(`worker not healthy: ${await local.text()}`);
      console.log('');
      console.log(row(['target', 'status', '1 conn p50 ms', '1 conn p95 ms', `p50 ms`, `p95 ms`, `p99 ms`, 'req/s', 'non-2xx', 'raw B', 'gzip B', 'br B', 'CSS B', 'client JS B']));
      console.log(row(Array(14).fill('---')));
      for (const [name, path] of await targets(server.url)) {
        const url = `${server.url}${path}`;
        const weight = await weigh(url);
        // One connection first: the time one request takes the server, no queueing (and a warm-up).
        const alone = await loadTest(url, { connections: 1, seconds: Math.max(2, Math.ceil(seconds / 2)) });
        const load = await loadTest(url, { connections, seconds });
        console.log(
          row([
            name,
            weight.status,
            alone.p50.toFixed(1),
            alone.p95.toFixed(1),
            load.p50.toFixed(1),
            load.p95.toFixed(1),
            load.p99.toFixed(1),
            load.perSecond.toFixed(0),
            load.non2xx + load.errors,
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
