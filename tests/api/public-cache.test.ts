/**
 * The content version on a real migrated SQLite (its triggers), and the
 * worker's memory of public pages in front of a counting handler.
 */
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicCache, type FreshFields } from '../../functions/public-cache/index';
import { readContentVersion } from '../../src/server/cache/content-version';
import type { Database } from '../../src/server/db/client';
import type { LibsqlHandle } from '../../src/server/db/node';
import { cooperatives, provinces } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { DEMO_FLAG_TTL_MS, hasDemoDataRecently } from '../../src/server/stats/demo';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';

let handle: LibsqlHandle;
let db: Database;

beforeAll(async () => {
  handle = await migratedMemoryDatabase();
  db = handle.db;
  await seedReferenceData(db);
});
afterAll(() => handle.client.close());

describe('the content version', () => {
  it('rises with every write to what public pages show', async () => {
    const start = await readContentVersion(db);
    const id = await createTestCooperative(db);
    const afterInsert = await readContentVersion(db);
    expect(afterInsert).toBeGreaterThan(start);
    await db.update(cooperatives).set({ members: 9 }).where(eq(cooperatives.id, id));
    const afterUpdate = await readContentVersion(db);
    expect(afterUpdate).toBeGreaterThan(afterInsert);
    await db.delete(cooperatives).where(eq(cooperatives.id, id));
    expect(await readContentVersion(db)).toBeGreaterThan(afterUpdate);
  });

  it('does not move for writes no public page shows (accounts, sessions, rate limits)', async () => {
    const before = await readContentVersion(db);
    await createTestUser(db, { iterations: 1 });
    await db.run(sql`INSERT INTO rate_limits (key, count, window_ends_at) VALUES ('test', 1, 0)`);
    expect(await readContentVersion(db)).toBe(before);
  });

  it('moves once per row a statement writes, inside a batch too', async () => {
    const before = await readContentVersion(db);
    await db.batch([
      db
        .update(provinces)
        .set({ nameEn: sql`${provinces.nameEn}` })
        .where(eq(provinces.code, '01')),
      db
        .update(provinces)
        .set({ nameEn: sql`${provinces.nameEn}` })
        .where(eq(provinces.code, '79')),
    ]);
    expect(await readContentVersion(db)).toBe(before + 2);
  });
});

describe('the memory of public pages', () => {
  function portal(options: { recheckMs?: number; readVersion?: () => Promise<number>; fresh?: FreshFields } = {}) {
    const cache = createPublicCache({
      fresh: options.fresh,
      recheckMs: options.recheckMs ?? 60_000,
      readVersion: options.readVersion ?? (() => readContentVersion(db)),
    });
    const rendered = { count: 0 };
    const app = new Hono<{ Bindings: Env }>();
    app.get('/san-pham', async (c) => {
      rendered.count += 1;
      const [row] = await db.select({ members: cooperatives.members }).from(cooperatives).limit(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return c.html(`<p>render ${rendered.count}, members ${row?.members ?? '-'}</p>`);
    });
    app.get('/tinh', (c) => {
      rendered.count += 1;
      return c.html('<p>province</p>');
    });
    app.get('/tai-khoan', (c) => {
      rendered.count += 1;
      return c.html('<p>account</p>');
    });
    app.get('/san-pham/an-cookie', (c) => {
      rendered.count += 1;
      c.header('Set-Cookie', 'session=; Max-Age=0');
      return c.html('<p>cleared</p>');
    });
    app.post('/api/v1/anything', async (c) => {
      await createTestCooperative(db);
      return c.json({ ok: true });
    });
    const fetch = cache.wrap((request, env, ctx) => app.fetch(request, env, ctx));
    const request = (path: string, init: RequestInit = {}) =>
      fetch(new Request(`http://127.0.0.1${path}`, init), {} as Env, {} as ExecutionContext);
    const get = (path: string, headers: Record<string, string> = {}) => request(path, { headers });
    return { request, rendered, get };
  }

  it('renders a public page once and answers the next visitors from memory', async () => {
    const { get, rendered } = portal();
    const first = await get('/san-pham');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const firstBody = await first.text();
    const second = await get('/san-pham');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(firstBody);
    expect(rendered.count).toBe(1);
  });

  it('renders again on the next request after a write in this isolate', async () => {
    const { request, get, rendered } = portal();
    await get('/san-pham');
    await get('/san-pham');
    expect(rendered.count).toBe(1);
    const write = await request('/api/v1/anything', { method: 'POST' });
    expect(write.status).toBe(200);
    const after = await get('/san-pham');
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(rendered.count).toBe(2);
  });

  it('sees a write made elsewhere once the version is read again', async () => {
    const { get, rendered } = portal({ recheckMs: 0 });
    await get('/san-pham');
    expect((await get('/san-pham')).headers.get('x-cache')).toBe('HIT');
    // Another isolate (here: straight to the database) changes a cooperative.
    await createTestCooperative(db);
    expect((await get('/san-pham')).headers.get('x-cache')).toBe('MISS');
    expect(rendered.count).toBe(2);
  });

  it('always renders for signed-in visitors, private pages and answers that set cookies', async () => {
    const { get, rendered } = portal();
    for (let i = 0; i < 2; i += 1) {
      const signedIn = await get('/san-pham', { cookie: 'session=abc.def' });
      expect(signedIn.headers.get('x-cache')).toBeNull();
      expect((await get('/tai-khoan')).headers.get('x-cache')).toBeNull();
      expect((await get('/san-pham/an-cookie')).headers.get('x-cache')).toBeNull();
    }
    expect(rendered.count).toBe(6);
  });

  it('issues per-visitor values anew on every answer from memory, and only for pages that carry them', async () => {
    let issued = 0;
    const fresh: FreshFields = {
      carriedBy: (html) => html.includes('members'),
      refresh: async (response) => {
        issued += 1;
        return new Response((await response.text()).replace(/render \d+/, `token ${issued}`), response);
      },
    };
    const { get, rendered } = portal({ fresh });
    const first = await (await get('/san-pham')).text();
    expect(first).toMatch(/render 1/);
    expect(await (await get('/san-pham')).text()).toMatch(/token 1/);
    expect(await (await get('/san-pham')).text()).toMatch(/token 2/);
    expect(rendered.count).toBe(1);
    // A page without such values is answered as it was kept.
    await get('/tinh');
    const kept = await get('/tinh');
    expect(kept.headers.get('x-cache')).toBe('HIT');
    expect(await kept.text()).toBe('<p>province</p>');
    expect(issued).toBe(2);
  });

  it('keeps nothing when the version cannot be read', async () => {
    const { get, rendered } = portal({
      readVersion: () => Promise.reject(new Error('no such table: content_version')),
    });
    const first = await get('/san-pham');
    const second = await get('/san-pham');
    expect(first.status).toBe(200);
    expect(second.headers.get('x-cache')).toBeNull();
    expect(rendered.count).toBe(2);
  });
});

describe('the demo flag of every page', () => {
  it('is asked of the database at most once a minute per isolate', async () => {
    const fresh = await migratedMemoryDatabase();
    try {
      await seedReferenceData(fresh.db);
      expect(await hasDemoDataRecently(fresh.db, 0)).toBe(false);
      const id = await createTestCooperative(fresh.db);
      await fresh.db.update(cooperatives).set({ isDemo: true }).where(eq(cooperatives.id, id));
      expect(await hasDemoDataRecently(fresh.db, DEMO_FLAG_TTL_MS - 1)).toBe(false);
      expect(await hasDemoDataRecently(fresh.db, DEMO_FLAG_TTL_MS)).toBe(true);
    } finally {
      fresh.client.close();
    }
  });
});
