import { readJson } from '../support/http';
import { describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/server/db/node';
import { apiOn, call } from '../support/api';
import { migratedMemoryDatabase } from '../support/libsql';

describe('GET /health', () => {
  it('reports a reachable, migrated database and the applied migration', async () => {
    const { db } = await migratedMemoryDatabase();
    const res = await call(apiOn(db), '/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await readJson(res);
    expect(body.status).toBe('ok');
    expect(body.database.reachable).toBe(true);
    expect(body.database.driver).toBe('libsql');
    expect(body.database.migrations.upToDate).toBe(true);
    expect(body.database.migrations.latestApplied).toMatch(/^\d{4}_\w+\.sql$/);
    expect(body.database.migrations.latestApplied).toBe(body.database.migrations.expectedLatest);
  });

  it('answers 503 and names the pending migration when the database is not migrated', async () => {
    const { db } = await openLibsql(':memory:');
    const res = await call(apiOn(db), '/health');
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body.status).toBe('unavailable');
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrations.pending.length).toBeGreaterThan(0);
    expect(body.database.problem).toContain('pending migrations');
  });

  it('answers 503 quickly when the database cannot be reached', async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused.
    const { db } = await openLibsql('http://127.0.0.1:9');
    const started = Date.now();
    const res = await call(apiOn(db), '/health');
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body.database.reachable).toBe(false);
    expect(typeof body.database.problem).toBe('string');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers a JSON 503 error when no database is configured at all', async () => {
    const api = apiOn(async () => {
      throw new Error('No database: bind a D1 database as DB or set LIBSQL_URL.');
    });
    const res = await call(api, '/health?lang=en');
    expect(res.status).toBe(503);
    expect(await readJson(res)).toEqual({
      error: { code: 'unavailable', message: 'The database is temporarily unavailable.' },
    });
  });
});
