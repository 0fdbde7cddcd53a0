import { parse } from 'csv-parse/sync';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives, events, products } from '../../src/server/db/schema';
import { datasetColumns } from '../../src/server/open-data/datasets';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}

describe('GET /open-data/*.csv', () => {
  it('exports every active cooperative once, with the documented header, and parses back to the stored values', async () => {
    const res = await call(api, '/open-data/cooperatives.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cho-htx-cooperatives-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await res.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(datasetColumns('cooperatives').join(','));
    const rows = csvRows(text);
    const stored = await db
      .select()
      .from(cooperatives)
      .where(eq(cooperatives.status, 'active'))
      .orderBy(asc(cooperatives.id));
    expect(rows.map((r) => r.id)).toEqual(stored.map((c) => c.id));
    const [first] = stored;
    const row = rows[0];
    expect(row?.name).toBe(first?.name);
    expect(row?.members).toBe(String(first?.members));
    expect(row?.verified).toBe(String(first?.verified));
    expect(row?.classification).toBe(first?.classification ?? '');
    expect(row?.url).toBe(`http://localhost/hop-tac-xa/${first?.slug}`);
  });

  it('exports published products of active cooperatives, narrowed to a province when asked', async () => {
    const all = csvRows(await (await call(api, '/open-data/products.csv')).text());
    const [expected] = await db
      .select({ n: count() })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.status, 'published'), eq(cooperatives.status, 'active')));
    expect(all).toHaveLength(expected?.n ?? -1);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const hanoi = csvRows(await (await call(api, '/open-data/products.csv?province=ha-noi')).text());
    expect(hanoi.length).toBeGreaterThan(0);
    expect(hanoi.length).toBeLessThan(all.length);
    expect(new Set(hanoi.map((r) => r.province_code))).toEqual(new Set(['01']));
  });

  it('streams in pages without losing or repeating a row across page boundaries', async () => {
    const { datasetRows } = await import('../../src/server/open-data/datasets');
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of datasetRows(db, 'products', { provinceCode: null }, 'http://x', 7)) {
      pages.push(page.length);
      ids.push(...page.map((row) => String(row.id)));
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const whole = csvRows(await (await call(api, '/open-data/products.csv')).text());
    expect(ids).toEqual(whole.map((r) => r.id));
  });
});

describe('GET /open-data/*.json', () => {
  it('is one JSON document with the licence, the columns and every published or cancelled event', async () => {
    const res = await call(api, '/open-data/events.json');
    expect(res.status).toBe(200);
    const body = JSON.parse(await res.text());
    expect(body.dataset).toBe('events');
    expect(body.licence.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(body.columns).toEqual([...datasetColumns('events')]);
    const [expected] = await db
      .select({ n: count() })
      .from(events)
      .where(inArray(events.status, ['published', 'cancelled']));
    expect(body.items).toHaveLength(expected?.n ?? -1);
    expect(Object.keys(body.items[0])).toEqual(body.columns);
  });

  it('writes an empty list, still valid JSON, when nothing matches', async () => {
    const [empty] = await db.all<{ slug: string }>(
      sql`SELECT slug FROM provinces p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.province_code = p.code) LIMIT 1`,
    );
    if (!empty) throw new Error('every demo province has an event');
    const body = JSON.parse(await (await call(api, `/open-data/events.json?province=${empty.slug}`)).text());
    expect(body.items).toEqual([]);
  });
});

describe('bad export requests', () => {
  it('are 400 for an unknown province or parameter, with the field named', async () => {
    const unknown = await call(api, '/open-data/products.csv?province=atlantis', {
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.status).toBe(400);
    expect((await readJson(unknown)).error.fields).toEqual({ province: 'No such value.' });
    const extra = await call(api, '/open-data/products.json?colour=red');
    expect(extra.status).toBe(400);
    expect((await readJson(extra)).error.fields).toHaveProperty('colour');
  });

  it('are 404 for a dataset that does not exist', async () => {
    const res = await call(api, '/open-data/users.csv');
    expect(res.status).toBe(404);
  });
});
