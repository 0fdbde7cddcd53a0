import { readJson } from '../support/http';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/server/db/health';
import { seedReferenceData } from '../../src/server/db/seeding';
import { openLibsql } from '../../src/server/db/node';
import { apiOn, call } from '../support/api';
import { migratedMemoryDatabase } from '../support/libsql';
import { createTestCooperative, createTestUser, sessionCookieFor } from '../support/accounts';

describe('GET /health', () => {
  it('tells anonymous callers and cooperative members whether it is up, and not which driver or migrations', async () => {
    const { db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    const member = await createTestUser(db, { role: 'member', cooperativeId: await createTestCooperative(db) });
    const signedOutAndMember: Record<string, string>[] = [{}, { cookie: await sessionCookieFor(db, member.id) }];
    for (const headers of signedOutAndMember) {
      const res = await call(apiOn(db), '/health', { headers });
      expect(res.status).toBe(200);
      const body = await readJson(res);
      expect(body.status).toBe('ok');
      expect(body.database.reachable).toBe(true);
      expect(Object.keys(body.database).sort()).toEqual(['latencyMs', 'reachable']);
    }
  });

  it('reports a reachable, migrated database, its driver and the applied migration to officers', async () => {
    const { db } = await migratedMemoryDatabase();
    const officer = await sessionCookieFor(db, (await createTestUser(db, { role: 'officer' })).id);
    const res = await call(apiOn(db), '/health', { headers: { cookie: officer } });
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

  it('answers 503 when the database is not migrated, naming the pending migrations to nobody but officers', async () => {
    const { db } = await openLibsql(':memory:');
    const res = await call(apiOn(db), '/health');
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body).toMatchObject({ status: 'unavailable', database: { reachable: true } });
    expect(JSON.stringify(body)).not.toMatch(/\.sql|pending|libsql/);
    // What an officer's answer carries (no account can sign in to a database without tables).
    const found = await checkDatabase(db);
    expect(found.migrations?.pending.length).toBeGreaterThan(0);
    expect(found.problem).toContain('pending migrations');
  });

  it('answers 503 quickly when the database cannot be reached', async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused.
    const { db } = await openLibsql('http://127.0.0.1:9');
    const started = Date.now();
    const res = await call(apiOn(db), '/health');
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body.database).toEqual({ reachable: false, latencyMs: expect.any(Number) });
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
