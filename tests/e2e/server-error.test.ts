/**
 * A worker whose database cannot be reached must answer with an error page,
 * never a stack trace, and its API with a JSON error.
 */
import { readJson } from '../support/http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startWorker, type WorkerServer } from '../../scripts/lib/worker-server';

describe('when the database is unreachable', () => {
  let server: WorkerServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cho-htx-broken-'));
    // Nothing listens on port 9 here: every query fails to connect.
    server = await startWorker({
      host: '127.0.0.1',
      port: await freePort(),
      dataDir,
      vars: { LIBSQL_URL: 'http://127.0.0.1:9' },
    });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pages answer with an error page in the right language and no stack trace', async () => {
    for (const [path, lang, heading] of [
      ['/', 'vi', 'Đã có lỗi xảy ra'],
      ['/en/', 'en', 'Something went wrong'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(500);
      const html = await res.text();
      expect(html, path).toContain(`<html lang="${lang}"`);
      expect(html, path).toContain(heading);
      expect(html, path).not.toMatch(/\bat .+:\d+:\d+|Error:|LibsqlError|stack/i);
    }
  });

  it('the API reports the database as unreachable in JSON', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body.database).toMatchObject({ driver: 'libsql', reachable: false });
  });
});
