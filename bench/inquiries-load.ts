/**
 * The public inquiry endpoint under load, while others browse (issue 9):
 * autocannon browses pages on one set of connections and posts inquiries on
 * another, at the same time, against the built worker on a fresh demo
 * database. Afterwards the stored inquiries are counted in the database.
 * What must hold, and is printed with the figures:
 * - no 5xx answer, to browsing or to posting;
 * - the rate limiter engages (429s once an address or a cooperative has
 *   sent its share);
 * - exactly one stored inquiry per 201 answer (replays of an Idempotency-Key
 *   answer 200 with the same inquiry and store nothing).
 *
 *   npm run bench:inquiries [-- --seconds 15 --connections 16 --posts 400]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { main } from '../scripts/lib/fail';
import { openLocalD1 } from '../scripts/lib/local-d1';
import { runTool } from '../scripts/lib/run';
import { freePort, startWorker } from '../scripts/lib/worker-server';
import { vietnamDate } from '../src/server/time/vietnam';
import { prepareDemo } from './lib/datasets';

interface Tally {
  byStatus: Map<number, number>;
  times: number[];
}

function tally(): Tally {
  return { byStatus: new Map(), times: [] };
}

function run(options: autocannon.Options, into: Tally): Promise<autocannon.Result> {
  return new Promise((resolvePromise, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolvePromise(result)));
    instance.on('response', (_client, status, _bytes, time) => {
      into.byStatus.set(status, (into.byStatus.get(status) ?? 0) + 1);
      into.times.push(time);
    });
  });
}

const count = (t: Tally, test: (status: number) => boolean) =>
  [...t.byStatus].filter(([s]) => test(s)).reduce((n, [, c]) => n + c, 0);
const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))] ?? Number.NaN;

await main(async () => {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      posts: { type: 'string' },
      'no-build': { type: 'boolean' },
    },
  });
  const seconds = Number(values.seconds ?? 15);
  const connections = Number(values.connections ?? 16);
  const posts = Number(values.posts ?? 400);
  if (!values['no-build']) await runTool('Building the worker', 'astro', ['build']);
  const dataDir = await mkdtemp(join(tmpdir(), 'cho-htx-inquiry-load-'));
  try {
    await prepareDemo(dataDir);
    const server = await startWorker({ host: '127.0.0.1', port: await freePort(), dataDir, vars: { DEV_OUTBOX: '1' } });
    try {
      const products = (await (await fetch(`${server.url}/api/v1/products?limit=60`)).json()) as {
        items: { slug: string }[];
      };
      const slugs = products.items.map((item) => item.slug);
      const wantedBy = vietnamDate(new Date(Date.now() + 30 * 86_400_000));
      let sent = 0;
      const inquiryBody = (slug: string) =>
        JSON.stringify({
          product: slug,
          name: 'Người mua thử tải',
          email: 'tai@example.com',
          country: 'VN',
          quantity: 100,
          unit: 'kg',
          wantedBy,
          message: 'Xin báo giá 100 kg, giao trong tháng tới.',
          locale: 'vi',
          consent: true,
        });

      const browsing = tally();
      const posting = tally();
      console.log(
        `Inquiry load — ${new Date().toISOString()} — browsing ${seconds} s on ${connections} connections while ${posts} inquiries are posted on ${connections} more`,
      );
      await Promise.all([
        run(
          {
            url: server.url,
            connections,
            duration: seconds,
            requests: [
              { method: 'GET', path: '/' },
              { method: 'GET', path: '/san-pham?q=mat+ong' },
              { method: 'GET', path: `/san-pham/${slugs[0]}` },
              { method: 'GET', path: '/hop-tac-xa' },
              { method: 'GET', path: '/api/v1/products?province=ha-noi' },
            ],
          },
          browsing,
        ),
        run(
          {
            url: `${server.url}/api/v1/inquiries`,
            connections,
            // A number of requests, not a duration: every answer must arrive to be counted against the database.
            amount: posts,
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => {
                  sent += 1;
                  // Every fourth request replays the key (and body) of the one before: it must store nothing.
                  const n = sent % 4 === 0 ? sent - 1 : sent;
                  const slug = slugs[n % slugs.length] ?? slugs[0] ?? '';
                  const key = `inquiry-load-${n}`;
                  return {
                    ...request,
                    headers: {
                      'content-type': 'application/json',
                      origin: server.url,
                      // Eight client addresses, so the per-address limit (10 an hour) is reached during the run.
                      'cf-connecting-ip': `10.77.0.${n % 8}`,
                      'idempotency-key': key,
                    },
                    body: inquiryBody(slug),
                  };
                },
              },
            ],
          },
          posting,
        ),
      ]);

      const local = await openLocalD1(dataDir);
      let stored = 0;
      try {
        const [row] = await local.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM inquiries`);
        stored = Number(row?.n ?? 0);
      } finally {
        await local.dispose();
      }

      browsing.times.sort((a, b) => a - b);
      posting.times.sort((a, b) => a - b);
      const created = posting.byStatus.get(201) ?? 0;
      console.log('');
      console.log('| load | requests | p50 ms | p95 ms | 2xx | 429 | other 4xx | 5xx |');
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const [name, t] of [
        ['browsing', browsing],
        ['posting inquiries', posting],
      ] as const) {
        const total = count(t, () => true);
        console.log(
          `| ${name} | ${total} | ${p(t.times, 50).toFixed(0)} | ${p(t.times, 95).toFixed(0)} | ${count(t, (s) => s >= 200 && s < 300)} | ${count(t, (s) => s === 429)} | ${count(t, (s) => s >= 400 && s < 500 && s !== 429)} | ${count(t, (s) => s >= 500)} |`,
        );
      }
      console.log('');
      console.log(
        `201 Created: ${created}; 200 (replayed key): ${posting.byStatus.get(200) ?? 0}; stored inquiries: ${stored}`,
      );
      console.log(
        `answers to posting by status: ${[...posting.byStatus]
          .sort(([a], [b]) => a - b)
          .map(([s, c]) => `${s}×${c}`)
          .join(', ')}`,
      );
      const checks = [
        ['no 5xx while browsing', count(browsing, (s) => s >= 500) === 0],
        ['no 5xx while posting', count(posting, (s) => s >= 500) === 0],
        ['the rate limiter engaged', (posting.byStatus.get(429) ?? 0) > 0],
        ['exactly one stored inquiry per 201', stored === created],
      ] as const;
      for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
