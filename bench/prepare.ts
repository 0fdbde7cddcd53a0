/** `npm run bench:prepare`: creates the benchmark datasets ahead of `npm run bench` (the scale one takes minutes). */
import { main } from '../scripts/lib/fail';
import { DATASETS } from './lib/datasets';

await main(async () => {
  for (const dataset of DATASETS) {
    const started = performance.now();
    await dataset.prepare(dataset.dir);
    console.log(`${dataset.name}: ready in ${dataset.dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
});
