/**
 * Server time of the statistics (src/server/stats/catalogue-statistics.ts)
 * computed afresh, not from the ten-minute cache, on the scale dataset (and
 * the demo one): the whole country and one province, this year; the daily
 * cron's monthly snapshot; the console's national page. Prints
 * p50/p95 over repeated runs. Uses the local D1 SQLite file directly, which
 * is what workerd reads too, so the figure is query time without HTTP.
 *
 *   npm run bench:statistics [-- --runs 20]
 */
import { parseArgs } from 'node:util';
import { openLocalD1File } from '../scripts/lib/local-d1';
import { main } from '../scripts/lib/fail';
import { computeCatalogueStatistics, refreshNationalStatistics } from '../src/server/stats/catalogue-statistics';
import { loadConsoleStatistics } from '../src/server/stats/console-statistics';
import { NATIONAL_AREA, readTrend, takeMonthlySnapshot } from '../src/server/stats/snapshots';
import { statisticsSnapshots } from '../src/server/db/schema';
import { gte } from 'drizzle-orm';
import { vietnamDate } from '../src/server/time/vietnam';
import { DATASETS } from './lib/datasets';
import { BENCH_OFFICER as officer } from './lib/officer';

async function timed(runs: number, work: () => Promise<number>): Promise<{ times: number[]; counted: number }> {
  const times: number[] = [];
  let counted = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    counted = await work();
    times.push(performance.now() - start);
  }
  return { times: times.sort((a, b) => a - b), counted };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

await main(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, only: { type: 'string' } } });
  const runs = Number(values.runs ?? 15);
  const now = new Date();
  const year = Number(vietnamDate(now).slice(0, 4));
  console.log(`Statistics server time — ${now.toISOString()} — ${runs} runs each, uncached`);
  console.log('| dataset | scope | p50 ms | p95 ms | cooperatives counted |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const dataset of DATASETS.filter((d) => !values.only || d.name === values.only)) {
    await dataset.prepare(dataset.dir);
    const file = await openLocalD1File(dataset.dir);
    try {
      const row = (scope: string, { times, counted }: { times: number[]; counted: number }) =>
        console.log(
          `| ${dataset.name} | ${scope} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${counted} |`,
        );
      for (const [scope, provinceCode] of [
        ['whole country', null],
        ['one province (Đắk Lắk)', '66'],
      ] as const) {
        row(
          scope,
          await timed(
            runs,
            async () => (await computeCatalogueStatistics(file.db, { provinceCode, year }, now)).cooperatives.total,
          ),
        );
      }
      // The daily cron's monthly snapshot (every province, the nation, every former unit), taken for
      // months of its own far ahead so each run writes one, then removed: the dataset stays as it was.
      let month = 0;
      row(
        'monthly snapshot (cron): every province, the nation, former units',
        await timed(Math.min(runs, 5), async () => {
          const ahead = new Date(Date.UTC(2090 + Math.floor(month / 12), month++ % 12, 15, 3));
          if (!(await takeMonthlySnapshot(file.db, ahead))) throw new Error('the snapshot was not taken');
          return (await readTrend(file.db, NATIONAL_AREA, ahead)).at(-1)?.figures.activeCooperatives ?? 0;
        }),
      );
      await file.db.delete(statisticsSnapshots).where(gte(statisticsSnapshots.month, '2090-01'));
      // The console's national page as officers get it: the national view refreshed by the cron, plus targets and oversight counts.
      await refreshNationalStatistics(file.db, now);
      row(
        'console /quan-tri/thong-ke, whole country (national view cached)',
        await timed(
          runs,
          async () =>
            (await loadConsoleStatistics(file.db, officer, new URLSearchParams(), now)).page.statistics.cooperatives
              .total,
        ),
      );
    } finally {
      file.client.close();
    }
  }
});
