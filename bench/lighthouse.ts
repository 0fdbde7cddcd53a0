/**
 * `npm run bench:lighthouse`: Lighthouse (its Node API) in Debian's Chromium
 * against the built worker on the demo dataset, with Lighthouse's default
 * settings — mobile emulation and simulated throttling — and the four
 * categories performance, accessibility, best practices and SEO. Prints one
 * table of scores (0–100) per page and category with the date and machine,
 * then every weighted audit that did not score full marks.
 *
 * Each page is audited three times and the median run kept (Lighthouse's own
 * choice of median, by First Contentful Paint and Time to Interactive): on a
 * shared 2-core machine a single run can catch another process's long task.
 *
 * Options: --gate N (exit 1 when any score is below N), --runs N (default 3),
 * --no-build, --report DIR (also write each page's median HTML report there).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { main, SetupError } from '../scripts/lib/fail';
import { runTool } from '../scripts/lib/run';
import { tracePaths } from '../src/i18n/routes';
import { describeMachine, markdownRow, serveDemo } from './lib/demo-worker';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Headless and offline: without the background-networking flags Chromium keeps
// dialling Google's hosts, which this closed network refuses.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface PageTarget {
  name: string;
  path: string;
}

/** Real pages to audit, found through the running worker's own API and HTML. */
async function pagesToAudit(baseUrl: string): Promise<PageTarget[]> {
  const json = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`);
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const list = await json<{ items: { slug: string }[] }>('/api/v1/products?limit=20&sort=stars');
  const first = list.items[0];
  if (!first) throw new SetupError('The demo dataset has no published product.');
  type Detail = {
    slug: string;
    traceCode: string;
    cooperative: { slug: string };
    latestBatch: { lotCode: string } | null;
  };
  const product = await json<Detail>(`/api/v1/products/${first.slug}`);
  let traced: Detail | undefined = product.latestBatch ? product : undefined;
  for (const item of list.items.slice(1)) {
    if (traced) break;
    const detail = await json<Detail>(`/api/v1/products/${item.slug}`);
    if (detail.latestBatch) traced = detail;
  }

  const pages: PageTarget[] = [
    { name: 'home', path: '/' },
    { name: 'product list', path: '/san-pham' },
    { name: 'product', path: `/san-pham/${product.slug}` },
    { name: 'cooperative', path: `/hop-tac-xa/${product.cooperative.slug}` },
    // The comparison page as the shortlist's form opens it: the first products of the list, side by side.
    {
      name: 'comparison',
      path: `/so-sanh?${list.items
        .slice(0, 4)
        .map((item) => `p=${item.slug}`)
        .join('&')}`,
    },
  ];
  if (traced?.latestBatch) {
    pages.push({ name: 'batch trace', path: tracePaths(traced.traceCode, traced.latestBatch.lotCode).vi });
  } else {
    console.log('Note: no product of the first 20 has a batch; the trace page is skipped.');
  }

  const events = await fetch(`${baseUrl}/su-kien`);
  const eventPath = events.ok ? /href="(\/su-kien\/[^"/?#]+)"/.exec(await events.text())?.[1] : undefined;
  if (eventPath) pages.push({ name: 'event', path: eventPath });
  else
    console.log(
      `Note: /su-kien answered ${events.status}${events.ok ? ' without a link to an event' : ''}; the event page is skipped.`,
    );
  return pages;
}

interface PageScores {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  shortfalls: string[];
}

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>;

/** Weighted audits that did not score full marks, with what Lighthouse shows for them. */
function shortfalls(lhr: LighthouseResult['lhr']): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const shown = audit.displayValue ? ` — ${audit.displayValue}` : '';
      lines.push(`${category}: ${audit.title} (${Math.round(audit.score * 100)})${shown}`);
    }
  }
  return lines;
}

/**
 * One page's audit. A trace that failed to record (NO_NAVSTART and the like,
 * seen when the machine is busy) gets one more try, as Lighthouse itself advises.
 */
async function audit(url: string, port: number): Promise<LighthouseResult> {
  let error = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const result = await lighthouse(url, { port, logLevel: 'error', output: 'html', onlyCategories: [...CATEGORIES] });
    if (result && !result.lhr.runtimeError) return result;
    error = result?.lhr.runtimeError?.message ?? 'no result';
    console.log(`Note: Lighthouse could not audit ${url} (attempt ${attempt}): ${error}`);
  }
  throw new SetupError(`Lighthouse could not audit ${url}: ${error}`);
}

/** The median of `runs` audits of one page. */
async function medianAudit(url: string, port: number, runs: number): Promise<LighthouseResult> {
  const results: LighthouseResult[] = [];
  for (let run = 0; run < runs; run++) results.push(await audit(url, port));
  const median = computeMedianRun(results.map((result) => result.lhr));
  return results.find((result) => result.lhr === median) ?? (results[0] as LighthouseResult);
}

await main(async () => {
  const { values } = parseArgs({
    options: {
      gate: { type: 'string' },
      runs: { type: 'string' },
      'no-build': { type: 'boolean' },
      report: { type: 'string' },
    },
  });
  const gate = values.gate === undefined ? undefined : Number(values.gate);
  if (gate !== undefined && !(gate >= 0 && gate <= 100)) throw new SetupError('--gate takes a score from 0 to 100.');
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new SetupError('--runs takes a whole number of runs per page.');
  await runTool('Checking Chromium', 'tsx', ['scripts/ensure-test-tools.ts']);

  const server = await serveDemo({ build: !values['no-build'] });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'error',
  });
  const results: PageScores[] = [];
  let environment = '';
  try {
    for (const page of await pagesToAudit(server.url)) {
      const { lhr, report } = await medianAudit(`${server.url}${page.path}`, chrome.port, runs);
      environment = `Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, benchmark index ${lhr.environment.benchmarkIndex}`;
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
      ) as PageScores['scores'];
      results.push({ page: `${page.name} (${page.path})`, scores, shortfalls: shortfalls(lhr) });
      if (values.report) {
        const dir = resolve(values.report);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${page.name.replaceAll(' ', '-')}.html`), String(report));
      }
    }
  } finally {
    chrome.kill();
    await server.stop();
  }

  console.log(
    `\nLighthouse — ${new Date().toISOString()} — mobile emulation, simulated throttling, median of ${runs} run${runs === 1 ? '' : 's'} per page`,
  );
  console.log(`Machine: ${describeMachine()}; ${environment}\n`);
  console.log(markdownRow(['page', ...CATEGORIES]));
  console.log(markdownRow(Array(CATEGORIES.length + 1).fill('---')));
  for (const { page, scores } of results) console.log(markdownRow([page, ...CATEGORIES.map((c) => scores[c])]));
  for (const { page, shortfalls } of results.filter((r) => r.shortfalls.length > 0)) {
    console.log(`\n${page}:`);
    for (const line of shortfalls) console.log(`  - ${line}`);
  }

  if (gate !== undefined) {
    const below = results.flatMap((r) =>
      CATEGORIES.filter((c) => r.scores[c] < gate).map((c) => `${r.page} ${c} ${r.scores[c]}`),
    );
    if (below.length > 0) throw new SetupError(`Below the gate of ${gate}: ${below.join('; ')}`);
    console.log(`\nEvery score is at least ${gate}.`);
  }
});
