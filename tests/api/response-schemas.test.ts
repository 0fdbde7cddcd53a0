/**
 * The main reads against the schemas that document them: each answer parses
 * with its declared schema, and writing the parsed value back gives the very
 * same JSON, so a field the schema does not declare (or declares otherwise)
 * cannot slip out unnoticed.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CooperativeProfileSchema,
  ProductDetailSchema,
  ProvinceDetailSchema,
  ProvinceListSchema,
} from '../../functions/api/catalogue-details';
import { CooperativePageSchema, ProductPageSchema } from '../../functions/api/catalogue-lists';
import { EventDetailSchema, EventPageSchema } from '../../functions/api/events';
import { BatchTraceSchema } from '../../functions/api/trace';
import type { Database } from '../../src/server/db/client';
import { batches, cooperatives, events, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { apiOn, call } from '../support/api';
import { readJson } from '../support/http';
import { migratedMemoryDatabase } from '../support/libsql';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = (await migratedMemoryDatabase()).db;
  await seedReferenceData(db);
  await seedDemoData(db, new Date());
  api = apiOn(db);
});

/** The answer's JSON, parsed with `schema` and checked to be exactly what the schema writes back. */
async function read<T extends z.ZodType>(schema: T, path: string): Promise<z.output<T>> {
  const res = await call(api, path);
  expect(res.status, path).toBe(200);
  const body = await readJson(res);
  const parsed = schema.parse(body);
  expect(schema.encode(parsed), path).toEqual(body);
  return parsed;
}

async function publishedProductWithBatch() {
  const [row] = await db
    .select({ slug: products.slug, traceCode: products.traceCode, lotCode: batches.lotCode })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(batches, eq(batches.productId, products.id))
    .where(
      and(
        eq(products.status, 'published'),
        eq(cooperatives.status, 'active'),
        sql`EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = ${products.id})`,
      ),
    )
    .orderBy(products.id)
    .limit(1);
  if (!row) throw new Error('the demo has no published product with a batch and a certificate');
  return row;
}

describe('the catalogue’s answers follow their schemas', () => {
  it('a product: dates read back as instants, nothing internal in the JSON', async () => {
    const { slug } = await publishedProductWithBatch();
    const product = await read(ProductDetailSchema, `/products/${slug}`);
    expect(product.slug).toBe(slug);
    expect(product.updatedAt).toBeInstanceOf(Date);
    expect(product.latestBatch?.steps.every((step) => step.occurredAt instanceof Date)).toBe(true);
    expect(product.certificates.length).toBeGreaterThan(0);
    const raw = await readJson(await call(api, `/products/${slug}`));
    expect(raw).not.toHaveProperty('isDemo');
    expect(raw.certificates[0]).not.toHaveProperty('id');
    expect(raw.images.every((path: string) => /^\/media\/[^/]+\/1600\.webp$/.test(path))).toBe(true);
  });

  it('a cooperative, and the lists of products and cooperatives', async () => {
    const page = await read(ProductPageSchema, '/products?limit=5');
    expect(page.items.length).toBeGreaterThan(0);
    const cooperativeSlug = page.items[0]!.cooperativeSlug;
    const cooperative = await read(CooperativeProfileSchema, `/cooperatives/${cooperativeSlug}`);
    expect(cooperative.slug).toBe(cooperativeSlug);
    expect(cooperative.products.total).toBeGreaterThan(0);
    const directory = await read(CooperativePageSchema, '/cooperatives?limit=5');
    expect(directory.items.length).toBeGreaterThan(0);
  });

  it('the provinces, one province, and a batch’s trace', async () => {
    const provinces = await read(ProvinceListSchema, '/provinces');
    expect(provinces.items).toHaveLength(34);
    await read(ProvinceDetailSchema, `/provinces/${provinces.items[0]!.slug}`);
    const { traceCode, lotCode } = await publishedProductWithBatch();
    const trace = await read(BatchTraceSchema, `/trace/codes/${traceCode}/${encodeURIComponent(lotCode)}`);
    expect(trace.batch.lotCode).toBe(lotCode);
    expect(trace.steps.every((step) => step.occurredAt instanceof Date)).toBe(true);
  });
});

describe('the events’ answers follow their schemas', () => {
  it('the list and one event', async () => {
    const page = await read(EventPageSchema, '/events?time=upcoming');
    const [published] = await db
      .select({ slug: events.slug })
      .from(events)
      .where(eq(events.status, 'published'))
      .orderBy(events.id)
      .limit(1);
    expect(published).toBeDefined();
    const event = await read(EventDetailSchema, `/events/${published!.slug}`);
    expect(event.startsAt).toBeInstanceOf(Date);
    expect(event.endsAt.getTime()).toBeGreaterThan(event.startsAt.getTime());
    expect(page.items.every((item) => item.startsAt instanceof Date)).toBe(true);
  });
});

describe('a schema that does not match is noticed', () => {
  it('refuses a field written differently, and drops an undeclared one (so the round trip above differs)', async () => {
    const { slug } = await publishedProductWithBatch();
    const body = await readJson(await call(api, `/products/${slug}`));
    expect(ProductDetailSchema.safeParse({ ...body, updatedAt: 'yesterday' }).success).toBe(false);
    const leaked = { ...body, isDemo: false };
    expect(ProductDetailSchema.encode(ProductDetailSchema.parse(leaked))).not.toEqual(leaked);
  });
});
