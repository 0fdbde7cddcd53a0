/**
 * `npm run bench:profile -- PATH`: where one rendering's time goes. Serves the
 * built worker in workerd on a benchmark dataset (as `npm run bench` does),
 * renders PATH with a new URL each time (none from the worker's memory of
 * public pages), and takes a CPU profile of the worker's isolate through V8's
 * inspector while it does. Prints the time per rendering of the functions
 * that took most, by their own time and including what they called, and
 * writes the profile for Chrome's DevTools (Performance panel, "Load
 * profile").
 *
 * "(idle)" is the isolate waiting: mostly for D1, whose SQLite runs outside
 * it. The sampling itself slows the worker down, most where code makes many
 * small calls (summing a facet cube's 3,935 cells showed 1.4 ms a rendering
 * here and takes 0.35 ms unsampled): compare shares, not milliseconds, with
 * `npm run bench`, and time a suspect alone before rewriting it.
 *
 * Options: --dataset demo|scale (default scale), --requests N (default 200),
 * --top N (default 30), --out FILE (default .data/profile.cpuprofile),
 * --no-build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { main, SetupError } from '../scripts/lib/fail';
import { runTool } from '../scripts/lib/run';
import { freePort } from '../scripts/lib/worker-server';
import { DATASETS } from './lib/datasets';
import { startWorkerInWorkerd } from './lib/workerd-server';

/** The parts of V8's CPU profile read here (Chrome DevTools Protocol, Profiler.Profile). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** One DevTools Protocol session over the inspector's WebSocket. */
async function inspect(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolved, rejected) => {
    socket.addEventListener('open', resolved, { once: true });
    socket.addEventListener('error', rejected, { once: true });
  });
  let lastId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((answered) => {
      const id = ++lastId;
      waiting.set(id, answered as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close() };
}

/** Time per rendering (ms) by function: its own samples, and every sample with it on the stack. */
function timeByFunction(profile: CpuProfile, renderings: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? ` ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'}${where}`;
  };
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    own.set(name(id), (own.get(name(id)) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(at);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + micros);
    }
  });
  const perRendering = (map: Map<string, number>) =>
    [...map].map(([key, micros]) => [key, micros / 1000 / renderings] as const).sort((a, b) => b[1] - a[1]);
  return { own: perRendering(own), total: perRendering(total) };
}

await main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dataset: { type: 'string', default: 'scale' },
      requests: { type: 'string', default: '200' },
      top: { type: 'string', default: '30' },
      out: { type: 'string', default: '.data/profile.cpuprofile' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path?.startsWith('/')) throw new SetupError('Give the path to profile, for example: /san-pham?q=mat+ong');
  const dataset = DATASETS.find((candidate) => candidate.name.startsWith(values.dataset));
  if (!dataset) throw new SetupError(`No dataset "${values.dataset}": demo or scale.`);
  const requests = Number(values.requests);
  if (!values['no-build']) await runTool('Building the worker', 'astro', ['build']);
  await dataset.prepare(dataset.dir);

  const inspectorPort = await freePort();
  const server = await startWorkerInWorkerd({
    host: '127.0.0.1',
    port: await freePort(),
    dataDir: dataset.dir,
    inspectorPort,
  });
  try {
    const render = async (i: number, tag: string) => {
      const response = await fetch(`${server.url}${path}${path.includes('?') ? '&' : '?'}_=${tag}-${i}`);
      await response.arrayBuffer();
      if (response.status >= 500) throw new Error(`${path} answered ${response.status}`);
    };
    // Warm: the modules compiled and the database's pages read before the profile starts.
    for (let i = 0; i < 30; i++) await render(i, 'warm');
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
      id: string;
      webSocketDebuggerUrl: string;
    }[];
    const worker = targets.find((target) => target.id === 'core:user:cho-htx');
    if (!worker) throw new Error(`the worker's isolate is not among the inspector's targets`);
    const session = await inspect(worker.webSocketDebuggerUrl);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const started = performance.now();
    for (let i = 0; i < requests; i++) await render(i, 'profile');
    const elapsed = performance.now() - started;
    const { profile } = await session.send<{ profile: CpuProfile }>('Profiler.stop');
    session.close();

    const out = resolve(values.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(profile));
    const top = Number(values.top);
    const { own, total } = timeByFunction(profile, requests);
    const table = (rows: (readonly [string, number])[]) =>
      rows.slice(0, top).map(([key, ms]) => `| ${ms.toFixed(3)} | ${key.replaceAll('|', '\\|')} |`);
    console.log(
      `${path} on ${dataset.name}: ${requests} renderings, ${(elapsed / requests).toFixed(1)} ms each while sampled`,
    );
    console.log(`Profile: ${out}\n\n### Own time\n\n| ms per rendering | function |\n| --- | --- |`);
    console.log(table(own).join('\n'));
    console.log(`\n### Including what it called\n\n| ms per rendering | function |\n| --- | --- |`);
    console.log(table(total).join('\n'));
  } finally {
    await server.stop();
  }
});
