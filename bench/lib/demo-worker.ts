/**
 * The built worker on the demo dataset, for the audits (`bench:lighthouse`,
 * `bench:observatory`): built unless told not to, served in workerd exactly
 * as `npm start` and `npm run bench` serve it.
 */
import { arch, cpus, release, totalmem } from 'node:os';
import { runTool } from '../../scripts/lib/run';
import { freePort, startWorker, type WorkerServer } from '../../scripts/lib/worker-server';
import { DATASETS } from './datasets';

export async function serveDemo(options: { build: boolean; vars?: Record<string, string> }): Promise<WorkerServer> {
  if (options.build) await runTool('Building the worker', 'astro', ['build']);
  const demo = DATASETS.find((dataset) => dataset.name === 'demo');
  if (!demo) throw new Error('no demo dataset');
  await demo.prepare(demo.dir);
  const server = await startWorker({
    host: '127.0.0.1',
    port: await freePort(),
    dataDir: demo.dir,
    vars: options.vars,
  });
  const health = await fetch(`${server.url}/api/v1/health`);
  if (health.status !== 200) {
    await server.stop();
    throw new Error(`worker not healthy: ${await health.text()}`);
  }
  return server;
}

/** One line naming the machine, to keep beside the figures. */
export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()} ${arch()}, Node ${process.versions.node}`;
}

export function markdownRow(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}
