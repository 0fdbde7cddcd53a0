/**
 * CPU time and memory to generate a label sheet PDF of 240 labels (ten A4
 * sheets of 3 × 8), the size issue #21 sets a budget for: under a second of
 * CPU, within a Worker's 128 MB. Runs the worker's own code
 * (src/server/print/label-sheet.ts) in Node; the first run includes loading
 * the fonts and the JIT warming up, as a fresh isolate would.
 *
 *   npm run bench:labels [-- --runs 20 --sheets 10]
 */
import { parseArgs } from 'node:util';
import { main } from '../scripts/lib/fail';
import { LABEL_LAYOUTS, type LabelLayoutId, labelsPerSheet } from '../src/server/print/label-layouts';
import { labelSheetPdf } from '../src/server/print/label-sheet';

const LAYOUT: LabelLayoutId = 'a4-3x8';

const request = (sheets: number) => ({
  layout: LAYOUT,
  sheets,
  title: 'Nhãn Vải thiều Lục Ngạn sấy khô – lô LN2026-06A',
  language: 'vi-VN',
  content: {
    name: 'Vải thiều Lục Ngạn sấy khô loại đặc biệt',
    lotCode: 'LN2026-06A',
    bestBefore: '30/06/2027',
    traceCode: 'VTLN7K2Q',
    address: 'https://cho-htx.vn/01/08938505974194/10/LN2026-06A',
  },
  words: { lot: 'Lô', bestBefore: 'HSD', traceCode: 'Mã truy xuất' },
});

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

await main(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, sheets: { type: 'string' } } });
  const runs = Number(values.runs ?? 10);
  const sheets = Number(values.sheets ?? 10);
  const labels = sheets * labelsPerSheet(LABEL_LAYOUTS[LAYOUT]);
  console.log(`Label sheet PDF — ${new Date().toISOString()} — ${labels} labels (${sheets} × ${LAYOUT}), ${runs} runs`);
  console.log('| run | CPU ms | wall ms | heap used MB | PDF KB |');
  console.log('| --- | --- | --- | --- | --- |');
  const cpu: number[] = [];
  let peakHeap = 0;
  for (let run = 1; run <= runs; run++) {
    const wall = performance.now();
    const since = process.cpuUsage();
    const pdf = await labelSheetPdf(request(sheets));
    const used = cpuMs(since);
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    peakHeap = Math.max(peakHeap, heap);
    cpu.push(used);
    const row = [run === 1 ? '1 (cold)' : run, used.toFixed(0), (performance.now() - wall).toFixed(0)];
    console.log(`| ${[...row, heap.toFixed(1), (pdf.length / 1024).toFixed(0)].join(' | ')} |`);
  }
  const warm = cpu.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? cpu[0]!;
  console.log(
    `\ncold ${cpu[0]!.toFixed(0)} ms CPU, warm median ${median.toFixed(0)} ms CPU; peak heap ${peakHeap.toFixed(1)} MB`,
  );
  console.log(cpu[0]! < 1000 ? '✓ under a second of CPU, cold' : '✗ over a second of CPU, cold');
});
