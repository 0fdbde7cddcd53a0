/**
 * Department reports (src/server/reports/) on the scale dataset (and the
 * demo one): time and memory to read a report and write its XLSX and its
 * PDF, for the whole country over the longest period allowed and for one
 * province over a year. A Worker isolate has 128 MB; the report is built in memory (rows,
 * tables, then the zipped workbook), so this prints the JavaScript heap
 * growth at each step and the workbook's size. Run with --expose-gc so the
 * baseline is measured after a collection:
 *
 *   npm run bench:reports [-- --only scale]
 */
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { openLocalD1File } from '../scripts/lib/local-d1';
import { main } from '../scripts/lib/fail';
import { provinceOptions } from '../src/server/products/filter-options';
import { loadDepartmentReport } from '../src/server/reports/department-report';
import { MAX_REPORT_YEARS, parseReportScope } from '../src/server/reports/report-period';
import { reportTables } from '../src/server/reports/report-tables';
import { reportPdf } from '../src/server/reports/report-pdf';
import { reportWorkbook } from '../src/server/reports/report-workbook';
import { addDaysToDate, vietnamDate } from '../src/server/time/vietnam';
import { DATASETS } from './lib/datasets';
import { BENCH_OFFICER as officer } from './lib/officer';

const MB = 1024 * 1024;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function heapNow(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

await main(async () => {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier heap figures)');
  const now = new Date();
  const today = vietnamDate(now);
  const longest = addDaysToDate(`${Number(today.slice(0, 4)) - MAX_REPORT_YEARS}${today.slice(4)}`, 1);
  console.log(`Department reports — ${now.toISOString()}`);
  console.log(
    '| dataset | scope | events | exhibitors | read ms | xlsx ms | heap after read MB | peak heap while writing MB | xlsx KB | pdf ms | peak heap while drawing PDF MB | pdf KB | pdf pages |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const dataset of DATASETS.filter((d) => !values.only || d.name === values.only)) {
    await dataset.prepare(dataset.dir);
    const file = await openLocalD1File(dataset.dir);
    try {
      const provinces = provinceOptions();
      for (const [label, query] of [
        [`whole country, ${MAX_REPORT_YEARS} years`, { from: longest, to: today }],
        ['one province (Đắk Lắk), this year', { province: 'dak-lak' }],
      ] as const) {
        const { scope, problems } = parseReportScope(new URLSearchParams(query), provinces, now);
        if (Object.keys(problems).length > 0) throw new Error(`bad scope ${JSON.stringify(problems)}`);
        const base = heapNow();
        let start = performance.now();
        const report = await loadDepartmentReport(file.db, officer, scope, now);
        const readMs = performance.now() - start;
        const afterRead = heapNow() - base;
        // Sampled as the workbook is written: the peak is what an isolate must hold at once.
        let peak = process.memoryUsage().heapUsed - base;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().heapUsed - base);
        }, 1);
        start = performance.now();
        reportTables(report, 'vi');
        const bytes = await reportWorkbook(report, 'vi');
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
        clearInterval(sampler);
        const writeMs = performance.now() - start;
        // The PDF the same way; its CPU time is what a Worker's CPU limit counts (no I/O waits in it).
        const pdfBase = heapNow();
        let pdfPeak = 0;
        const pdfSampler = setInterval(() => {
          pdfPeak = Math.max(pdfPeak, process.memoryUsage().heapUsed - pdfBase);
        }, 1);
        const cpu = process.cpuUsage();
        start = performance.now();
        const pdf = await reportPdf(report, 'vi');
        const pdfMs = performance.now() - start;
        const pdfCpu = process.cpuUsage(cpu);
        pdfPeak = Math.max(pdfPeak, process.memoryUsage().heapUsed - pdfBase);
        clearInterval(pdfSampler);
        const pages = (await PDFDocument.load(pdf)).getPageCount();
        const exhibitors = report.events.reduce((sum, event) => sum + event.exhibitors.length, 0);
        console.log(
          `| ${dataset.name} | ${label} | ${report.events.length} | ${exhibitors} | ${readMs.toFixed(0)} | ${writeMs.toFixed(0)} | ${(afterRead / MB).toFixed(1)} | ${(peak / MB).toFixed(1)} | ${(bytes.length / 1024).toFixed(0)} | ${pdfMs.toFixed(0)} (CPU ${((pdfCpu.user + pdfCpu.system) / 1000).toFixed(0)}) | ${(pdfPeak / MB).toFixed(1)} | ${(pdf.length / 1024).toFixed(0)} | ${pages} |`,
        );
      }
    } finally {
      file.client.close();
    }
  }
});
