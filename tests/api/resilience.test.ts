import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/server/db/node';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

describe('an error is a 503 only when the database explains it', () => {
  it('a database that refuses connections: 503 with Retry-After, in the asked language', async () => {
    const { db } = await openLibsql('http://127.0.0.1:9');
    const res = await call(apiOn(db), '/products?q=mat+ong&lang=en');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await readJson(res)).toEqual({
      error: { code: 'unavailable', message: 'The database is temporarily unavailable.' },
    });
  });

  it('a query that fails while the database answers is a bug: 500, and no detail leaks', async () => {
    const db = await demoDatabase();
    // Break search only: the database itself still answers SELECT 1.
    await db.run(sql`DROP TABLE products_fts`);
    const res = await call(apiOn(db), '/products?q=mat+ong');
    expect(res.status).toBe(500);
    const body = await readJson(res);
    expect(body).toEqual({ error: { code: 'internal', message: 'Lỗi máy chủ.' } });
    expect(JSON.stringify(body)).not.toContain('products_fts');
    // The rest of the API is unaffected.
    expect((await call(apiOn(db), '/products')).status).toBe(200);
  });
});
