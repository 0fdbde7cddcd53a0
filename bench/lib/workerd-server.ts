/**
 * The built worker in workerd alone, for the benchmarks: the same build,
 * configuration (dist/server/wrangler.json, read by wrangler's own
 * function), bindings and local D1 files as `npm start`, run by the Miniflare
 * that wrangler itself drives, but without `wrangler dev`'s proxy in front.
 *
 * `wrangler dev` puts a second workerd process between the client and the
 * worker (its ProxyWorker, which holds requests while code reloads). Nothing
 * like it is in front of a deployed worker, and on two cores it costs more
 * than a page served from memory: a static file answered at p95 63–70 ms at
 * 32 connections through it, 41–53 ms without it (docs/PERFORMANCE.md).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { wranglerStateDir } from '../../scripts/lib/config';
import { SetupError } from '../../scripts/lib/fail';
import { BUILT_WORKER_CONFIG, ensurePortFree, type RunningWorker } from '../../scripts/lib/worker-server';

/** The part of Miniflare's API used here (its types are those of wrangler's own copy, below). */
interface MiniflareModule {
  Miniflare: new (options: unknown) => { ready: Promise<URL>; dispose(): Promise<void> };
  Log: new (level: number) => unknown;
  LogLevel: { WARN: number };
  convertV4MiniflareOptions(options: unknown): unknown;
}

/**
 * The Miniflare wrangler depends on, not one of ours: the options come from
 * wrangler's reading of the configuration, so both must be the same version.
 */
function wranglersMiniflare(): MiniflareModule {
  const wrangler = createRequire(import.meta.url).resolve('wrangler');
  return createRequire(wrangler)('miniflare') as MiniflareModule;
}

/** Every module of the build, the entry first: the build is not bundled again (no_bundle). */
function builtModules(main: string) {
  const root = dirname(main);
  const others = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => join(root, file))
    .filter((file) => file !== main);
  return { modulesRoot: root, modules: [main, ...others].map((path) => ({ type: 'ESModule', path })) };
}

export async function startWorkerInWorkerd(options: {
  host: string;
  port: number;
  dataDir: string;
  /** Worker variables added to the configuration's (the benchmark sets QUERY_STATS). */
  vars?: Record<string, string>;
  /** A port for the V8 inspector (bench:profile takes CPU profiles through it). */
  inspectorPort?: number;
}): Promise<RunningWorker> {
  await ensurePortFree(options.host, options.port);
  const { Miniflare, Log, LogLevel, convertV4MiniflareOptions } = wranglersMiniflare();
  const { workerOptions, main } = unstable_getMiniflareWorkerOptions(BUILT_WORKER_CONFIG);
  if (!main) throw new SetupError('The built worker configuration names no main module: run `npm run build` again.');
  // Module rules are for wrangler's bundler; the modules are listed instead.
  const { modulesRules: _rules, ...bindingsAndAssets } = workerOptions;
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      host: options.host,
      port: options.port,
      // The same folder wrangler dev's --persist-to uses (it adds v3/).
      resourcePersistencePath: join(wranglerStateDir(options.dataDir), 'v3'),
      // Offline: the placeholder Request.cf, as WRANGLER_ENV asks of wrangler dev.
      cf: false,
      ...(options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort }),
      log: new Log(LogLevel.WARN),
      workers: [
        {
          name: 'cho-htx',
          ...bindingsAndAssets,
          bindings: { ...(bindingsAndAssets.bindings as Record<string, unknown> | undefined), ...options.vars },
          ...builtModules(main),
        },
      ],
    }),
  );
  const url = (await miniflare.ready).origin;
  return { url, stop: () => miniflare.dispose() };
}
