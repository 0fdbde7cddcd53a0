/**
 * `npm run deploy` runs this between the build and `wrangler deploy`: a
 * configuration that would mail broken or forgeable links is not deployed.
 */
import { readFile } from 'node:fs/promises';
import { deploymentProblems } from './lib/deploy-config';
import { main, SetupError } from './lib/fail';
import { BUILT_WORKER_CONFIG } from './lib/worker-server';

await main(async () => {
  const problems = deploymentProblems(JSON.parse(await readFile(BUILT_WORKER_CONFIG, 'utf8')));
  if (problems.length > 0) throw new SetupError(`Not deploying: ${problems.join(' ')}`);
});
