/**
 * When the database is unreachable or too slow, pages answer with a 503 page
 * in the right language (never a stack trace) and the API with a JSON 503,
 * both with Retry-After and within a bounded time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startWorker, type WorkerServer } from '../../scripts/lib/worker-server';
import { readJson } from '../support/http';

/** A worker whose LIBSQL_URL points at `url`, in a throwaway data folder. */
async function workerWithDatabaseAt(url: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cho-htx-broken-'));
  const server = await startWorker({ host: '127.0.0.1', port: await freePort(), dataDir, vars: { LIBSQL_URL: url } });
  return { server, dataDir };
}

async function expectUnavailable(server: WorkerServer, maxMs: number) {
  for (const [path, lang, heading] of [
    ['/', 'vi', 'Dịch vụ tạm thời gián đoạn'],
    ['/en/products?q=honey', 'en', 'Service temporarily unavailable'],
  ] as const) {
    const started = Date.now();
    const res = await fetch(`${server.url}${path}`);
    const html = await res.text();
    expect(Date.now() - started, path).toBeLessThan(maxMs);
    expect(res.status, path).toBe(503);
    expect(res.headers.get('retry-after'), path).toBe('30');
    expect(html, path).toContain(`<html lang="${lang}"`);
    expect(html, path).toContain(heading);
    expect(html, path).not.toMatch(/\bat .+:\d+:\d+|Error:|LibsqlError|stack/i);
  }
  for (const path of ['/api/v1/products', '/api/v1/cooperatives?q=che']) {
    const started = Date.now();
    const res = await fetch(`${server.url}${path}`);
    expect(Date.now() - started, path).toBeLessThan(maxMs);
    expect(res.status, path).toBe(503);
    expect(res.headers.get('retry-after'), path).toBe('30');
    expect(await readJson(res), path).toEqual({
      error: { code: 'unavailable', message: 'Cơ sở dữ liệu tạm thời không truy cập được.' },
    });
  }
  const health = await fetch(`${server.url}/api/v1/health`);
  expect(health.status).toBe(503);
  // Anonymous: up or not, without the driver or the error (officers only, and nobody signs in now).
  expect((await readJson(health)).database).toEqual({ reachable: false, latencyMs: expect.any(Number) });
}

describe('when the database is unreachable', () => {
  let worker: Awaited<ReturnType<typeof workerWithDatabaseAt>>;

  // Nothing listens on port 9 here: every query is refused at once.
  beforeAll(async () => {
    worker = await workerWithDatabaseAt('http://127.0.0.1:9');
  });
  afterAll(async () => {
    await worker?.server.stop();
    if (worker) await rm(worker.dataDir, { recursive: true, force: true });
  });

  it('pages and the API answer 503, saying so, quickly', async () => {
    await expectUnavailable(worker.server, 3000);
  });
});

describe('when the database accepts connections but never answers', () => {
  let blackHole: Server;
  const sockets = new Set<Socket>();
  let worker: Awaited<ReturnType<typeof workerWithDatabaseAt>>;

  beforeAll(async () => {
    blackHole = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const address = blackHole.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    worker = await workerWithDatabaseAt(`http://127.0.0.1:${port}`);
    // One request untimed first: a fresh worker's first rendering also compiles its code, which
    // on a loaded machine (CI's other stages) took the home page's 5 s to 10 s.
    await (await fetch(`${worker.server.url}/`)).text();
  }, 30_000);
  afterAll(async () => {
    await worker?.server.stop();
    if (worker) await rm(worker.dataDir, { recursive: true, force: true });
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole?.close(resolve));
  });

  it('pages and the API give up within the time bound and answer 503', async () => {
    // 1 s for the footer's demo check, 3 s for the page's data, 1 s to confirm the database is silent.
    await expectUnavailable(worker.server, 7000);
  }, 60_000);
});
