/**
 * Starts the built worker (dist/server) under `wrangler dev`, i.e. in workerd,
 * and waits until it answers. Used by `npm start`, the end-to-end tests and the
 * benchmarks, so all three run the same thing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ROOT, WRANGLER_ENV, wranglerStateDir } from './config';
import { SetupError } from './fail';

export const BUILT_WORKER_CONFIG = resolve(ROOT, 'dist/server/wrangler.json');
/** The domain of the inquiry threads' reply addresses under `npm start` and the tests (README "Replies by mail"). */
export const LOCAL_INBOUND_MAIL_DOMAIN = 'reply.cho-htx.localhost';

/** A served worker, however it was started. */
export interface RunningWorker {
  url: string;
  stop(): Promise<void>;
}

/** The worker under `wrangler dev`: a process whose output `npm start` shows. */
export interface WorkerServer extends RunningWorker {
  process: ChildProcess;
}

export interface WorkerOptions {
  host: string;
  port: number;
  dataDir: string;
  /**
   * Extra worker variables (e.g. LIBSQL_URL), passed with --var. PUBLIC_ORIGIN
   * defaults to the local URL: mail links are built on it alone.
   */
  vars?: Record<string, string>;
  /** The DevTools inspector's port; a free one when unset. */
  inspectorPort?: number;
  /** Print wrangler's output (npm start) or keep it for error messages only (tests). */
  echo?: boolean;
  readyTimeoutMs?: number;
}

/** Fails with one line when the port is taken, instead of letting wrangler pick another silently. */
export function ensurePortFree(host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new SetupError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is taken: stop what uses it or choose another with PORT=…`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolvePromise()));
  });
}

/** A port the OS says is free right now (for tests that run beside other servers). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePromise(port));
    });
  });
}

export async function startWorker(options: WorkerOptions): Promise<WorkerServer> {
  if (!existsSync(BUILT_WORKER_CONFIG)) {
    throw new SetupError('The worker is not built: run `npm run build` first.');
  }
  await ensurePortFree(options.host, options.port);
  const args = [
    'dev',
    '--config',
    BUILT_WORKER_CONFIG,
    '--ip',
    options.host,
    '--port',
    String(options.port),
    '--persist-to',
    wranglerStateDir(options.dataDir),
    '--show-interactive-dev-session=false',
    '--log-level',
    options.echo ? 'info' : 'warn',
  ];
  // Left to itself wrangler takes 9229 or the next port it finds free, which two workers starting at the
  // same moment in two processes (the end-to-end and browser test runs) both find, and one fails.
  args.push('--inspector-port', String(options.inspectorPort ?? (await freePort())));
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  // INBOUND_MAIL_DOMAIN: mail about inquiries carries reply addresses, which /cdn-cgi/handler/email takes locally.
  const vars = { PUBLIC_ORIGIN: url, INBOUND_MAIL_DOMAIN: LOCAL_INBOUND_MAIL_DOMAIN, ...options.vars };
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);

  const child = spawn('wrangler', args, {
    cwd: ROOT,
    env: { ...process.env, ...WRANGLER_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends wrangler and the workerd it started together.
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  // Detached, the group would outlive a parent that exits without stop(): end it with the parent.
  const endWithParent = () => {
    try {
      if (child.pid !== undefined && exited === undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', endWithParent);
  child.on('exit', (code) => {
    exited = code;
    process.off('exit', endWithParent);
  });

  const server: WorkerServer = {
    url,
    process: child,
    stop: () => stopProcessGroup(child),
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new SetupError(`The worker stopped while starting (exit ${exited}):\n${lastLines(output)}`);
    }
    try {
      // A static file: it answers as soon as workerd serves, whatever state the database is in.
      await fetch(`${url}/favicon.svg`, { signal: AbortSignal.timeout(2000) });
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await server.stop();
  throw new SetupError(`The worker did not answer on ${url} within the time allowed:\n${lastLines(output)}`);
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-10).join('\n');
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await done;
  clearTimeout(timer);
}
