/**
 * Random and hostile input at every public API endpoint: never a 5xx, always
 * JSON, no stack trace, no database error, no unescaped echo.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives } from '../../src/server/db/schema';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import {
  hostileExamples,
  hostileInquiryBody,
  hostileQuery,
  hostileSlug,
  hostileString,
  leaks,
} from '../support/hostile';

let api: ReturnType<typeof apiOn>;
let cooperativeSlug = '';

beforeAll(async () => {
  const db: Database = await demoDatabase();
  api = apiOn(db);
  const [row] = await db.select({ slug: cooperatives.slug }).from(cooperatives).limit(1);
  cooperativeSlug = row?.slug ?? '';
});

async function check(path: string) {
  const res = await call(api, path);
  const body = await res.text();
  expect(res.status, path).toBeLessThan(500);
  expect(res.headers.get('content-type'), path).toContain('application/json');
  expect(() => JSON.parse(body), path).not.toThrow();
  expect(leaks(body), path).toBeNull();
  if (res.status >= 400) expect(JSON.parse(body).error.code, path).toEqual(expect.any(String));
}

describe('public API under random and hostile input', () => {
  it.each(['/products', '/cooperatives', '/provinces', '/events', '/health'])('GET %s?<anything>', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, (query) => check(`${path}?${query}`)),
      {
        examples: hostileExamples,
        numRuns: hostileExamples.length + 300,
      },
    );
  });

  it.each(['/products', '/cooperatives', '/provinces', '/events'])('GET %s/<anything>', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileSlug, hostileQuery, (slug, query) => check(`${path}/${slug}?${query}`)),
      {
        numRuns: 150,
      },
    );
  });

  it('GET /trace/<anything>/<anything> and /trace/codes/<anything>/<anything>', async () => {
    const gtinLike = fc.oneof(hostileSlug, fc.stringMatching(/^\d{1,16}$/), fc.constant('04006381333931'));
    await fc.assert(
      fc.asyncProperty(gtinLike, hostileSlug, async (gtin, lot) => {
        await check(`/trace/${gtin}/${lot}`);
        await check(`/trace/codes/${gtin}/${lot}`);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['/open-data/products.csv', '/open-data/cooperatives.json'])('GET %s?<anything>', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (query) => {
        const res = await call(api, `${path}?${query}`);
        const body = await res.text();
        expect(res.status, query).toBeLessThan(500);
        expect(leaks(body), query).toBeNull();
        if (res.status >= 400) expect(JSON.parse(body).error.code, query).toEqual(expect.any(String));
      }),
      { examples: hostileExamples, numRuns: hostileExamples.length + 60 },
    );
  });

  it.each(['/events.ics', '/events.atom'])('GET %s?<anything>: a feed or a JSON error, never a 5xx', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (query) => {
        const res = await call(api, `${path}?${query}`);
        const body = await res.text();
        expect(res.status, query).toBeLessThan(500);
        expect(leaks(body), query).toBeNull();
        if (res.status !== 200) expect(JSON.parse(body).error.code, query).toEqual(expect.any(String));
        else expect(res.headers.get('content-type')).toMatch(/^(text\/calendar|application\/atom\+xml)/);
      }),
      { examples: hostileExamples, numRuns: hostileExamples.length + 100 },
    );
  });

  it('POST /inquiries and /inquiries/status with any JSON body', async () => {
    let address = 0;
    await fc.assert(
      fc.asyncProperty(hostileInquiryBody(cooperativeSlug), hostileString, async (body, key) => {
        for (const path of ['/inquiries', '/inquiries/status']) {
          const res = await call(api, path, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'cf-connecting-ip': `10.9.${(++address >> 8) & 255}.${address & 255}`,
              ...(key.length < 200 && /^[\x20-\x7e]*$/.test(key) ? { 'idempotency-key': key } : {}),
            },
            body: JSON.stringify(body),
          });
          const text = await res.text();
          expect(res.status, text).toBeLessThan(500);
          expect([200, 201, 400, 404, 413, 422, 429]).toContain(res.status);
          expect(leaks(text), text).toBeNull();
          if (res.status >= 400) expect(JSON.parse(text).error.code).toEqual(expect.any(String));
        }
      }),
      { numRuns: 250 },
    );
  });

  it('unknown routes and methods under random paths', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSlug, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), async (slug, method) => {
        const res = await call(api, `/${slug}`, { method });
        expect(res.status).toBeLessThan(500);
        expect(leaks(await res.text())).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
