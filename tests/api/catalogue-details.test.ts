import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateStatus, ocopRatingStatus, ocopValidUntil, vietnamToday } from '../../src/server/products/validity';
import { ocopDecidingAuthority } from '../../src/server/products/ocop-authority';
import type { Database } from '../../src/server/db/client';
import {
  batches,
  certifications,
  cooperatives,
  eventRegistrations,
  events,
  ocopRatings,
  products,
  provenanceSteps,
  provinces,
  valueChainLinks,
} from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { apiOn, call } from '../support/api';
import { readJson } from '../support/http';
import { migratedMemoryDatabase } from '../support/libsql';

const now = new Date();
let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = (await migratedMemoryDatabase()).db;
  await seedReferenceData(db);
  await seedDemoData(db, now);
  api = apiOn(db);
});

async function get(path: string) {
  const res = await call(api, path);
  return { res, body: await readJson(res) };
}

/** A published product of an active cooperative that has a batch, a rating and a certificate. */
async function richProduct() {
  const [row] = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(
      and(
        eq(products.status, 'published'),
        eq(cooperatives.status, 'active'),
        sql`EXISTS (SELECT 1 FROM batches b WHERE b.product_id = ${products.id})`,
        sql`EXISTS (SELECT 1 FROM ocop_ratings r WHERE r.product_id = ${products.id})`,
        sql`EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = ${products.id})`,
      ),
    )
    .orderBy(products.id)
    .limit(1);
  if (!row) throw new Error('the demo has no product with a batch, a rating and a certificate');
  return row;
}

describe('GET /products/{slug}', () => {
  it('answers what the database holds for a published product', async () => {
    const { id, slug } = await richProduct();
    const { res, body } = await get(`/products/${slug}`);
    expect(res.status).toBe(200);
    const [product] = await db.select().from(products).where(eq(products.id, id));
    const [cooperative] = await db.select().from(cooperatives).where(eq(cooperatives.id, product!.cooperativeId));
    expect(body).toMatchObject({
      id,
      slug,
      nameVi: product!.nameVi,
      nameEn: product!.nameEn,
      ocopGroup: product!.ocopGroup,
      gtin: product!.gtin,
      priceVnd: product!.priceVnd,
      unitVi: product!.unitVi,
      minOrder: product!.minOrder,
      originFormerly: product!.originFormerly,
      province: { code: product!.provinceCode },
      cooperative: { id: cooperative!.id, slug: cooperative!.slug, name: cooperative!.name },
      contact: { phone: cooperative!.phone, email: cooperative!.email },
    });
    expect(body.asOf).toBe(vietnamToday(now));
    expect(body).not.toHaveProperty('isDemo');
    expect(body).not.toHaveProperty('status');
  });

  it('shows the latest OCOP decision with its validity judged on the day in Viet Nam', async () => {
    const { id, slug } = await richProduct();
    const { body } = await get(`/products/${slug}`);
    const [latest] = await db
      .select()
      .from(ocopRatings)
      .where(eq(ocopRatings.productId, id))
      .orderBy(desc(ocopRatings.decisionDate))
      .limit(1);
    expect(body.ocop).toEqual({
      stars: latest!.stars,
      level: latest!.level,
      decisionNumber: latest!.decisionNumber,
      decisionDate: latest!.decisionDate,
      validUntil: ocopValidUntil(latest!.decisionDate),
      status: ocopRatingStatus(latest!, body.asOf),
      // Who decided it: by its level and date, the province's committee or the ministry of that day.
      issuer: {
        authority: ocopDecidingAuthority(latest!.level, latest!.decisionDate),
        provinceVi: expect.any(String),
        provinceEn: expect.any(String),
      },
      // Who verified it: the trade department of the cooperative's province, on the officer's decision.
      verified: latest!.verifiedAt
        ? { at: latest!.verifiedAt.toISOString(), provinceVi: expect.any(String), provinceEn: expect.any(String) }
        : null,
    });
  });

  it('lists the product’s certificates and its cooperative’s own, each with its status', async () => {
    const { id, slug } = await richProduct();
    const { body } = await get(`/products/${slug}`);
    const [product] = await db.select().from(products).where(eq(products.id, id));
    const expected = await db
      .select()
      .from(certifications)
      .where(
        or(
          eq(certifications.productId, id),
          and(eq(certifications.cooperativeId, product!.cooperativeId), isNull(certifications.productId)),
        ),
      );
    expect(body.certificates).toHaveLength(expected.length);
    for (const cert of expected) {
      const shown = body.certificates.find(
        (c: { number: string; kind: string }) => c.number === cert.number && c.kind === cert.kind,
      );
      expect(shown, cert.number).toMatchObject({
        issuer: cert.issuer,
        validFrom: cert.validFrom,
        validUntil: cert.validUntil,
        status: certificateStatus(cert.validFrom, cert.validUntil, body.asOf),
      });
      expect(shown.product === null, cert.number).toBe(cert.productId === null);
    }
  });

  it('summarises the latest batch with its steps in order', async () => {
    const { id, slug } = await richProduct();
    const { body } = await get(`/products/${slug}`);
    const [latest] = await db
      .select()
      .from(batches)
      .where(eq(batches.productId, id))
      .orderBy(desc(batches.productionDate), desc(batches.id))
      .limit(1);
    const steps = await db
      .select()
      .from(provenanceSteps)
      .where(eq(provenanceSteps.batchId, latest!.id))
      .orderBy(asc(provenanceSteps.position));
    expect(body.latestBatch).toMatchObject({
      lotCode: latest!.lotCode,
      productionDate: latest!.productionDate,
      bestBefore: latest!.bestBefore,
      quantity: latest!.quantity,
    });
    expect(body.latestBatch.steps.map((s: { kind: string }) => s.kind)).toEqual(steps.map((s) => s.kind));
    expect(body.latestBatch.steps[0].occurredAt).toBe(steps[0]!.occurredAt.toISOString());
  });

  it('relates up to four other published products of the same group, from its province first', async () => {
    const { id, slug } = await richProduct();
    const { body } = await get(`/products/${slug}`);
    const [product] = await db.select().from(products).where(eq(products.id, id));
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.length).toBeLessThanOrEqual(4);
    const relatedIds = body.related.map((r: { id: string }) => r.id);
    expect(relatedIds).not.toContain(id);
    const rows = await db.select().from(products).where(inArray(products.id, relatedIds));
    for (const row of rows) {
      expect(row.status).toBe('published');
      expect(row.ocopGroup).toBe(product!.ocopGroup);
    }
    const sameProvince = await db
      .select({ id: products.id })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(
        and(
          eq(products.provinceCode, product!.provinceCode),
          eq(products.ocopGroup, product!.ocopGroup),
          eq(products.status, 'published'),
          eq(cooperatives.status, 'active'),
          ne(products.id, id),
        ),
      );
    const inProvince = rows.filter((row) => row.provinceCode === product!.provinceCode).length;
    expect(inProvince).toBe(Math.min(4, sameProvince.length));
  });

  it('answers 404 in JSON for an unknown slug, in the language asked for', async () => {
    const { res, body } = await get('/products/khong-co-san-pham-nay?lang=en');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(body).toEqual({ error: { code: 'not_found', message: 'Resource not found.' } });
  });

  it('answers 404 for products that are not published', async () => {
    const hidden = await db
      .select({ slug: products.slug, status: products.status })
      .from(products)
      .where(ne(products.status, 'published'));
    expect(new Set(hidden.map((p) => p.status))).toEqual(new Set(['draft', 'submitted']));
    for (const { slug } of hidden.slice(0, 6)) {
      const { res, body } = await get(`/products/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });
});

describe('GET /cooperatives/{slug}', () => {
  async function cooperativeWithLinks() {
    const [row] = await db
      .select({ id: cooperatives.id, slug: cooperatives.slug })
      .from(cooperatives)
      // Without demo registrations of its own, so the events test below starts from none.
      .where(
        sql`EXISTS (SELECT 1 FROM value_chain_links v WHERE v.cooperative_id = ${cooperatives.id})
        AND NOT EXISTS (SELECT 1 FROM event_registrations r WHERE r.cooperative_id = ${cooperatives.id})`,
      )
      .orderBy(cooperatives.id)
      .limit(1);
    return row!;
  }

  it('answers the profile the database holds', async () => {
    const { id, slug } = await cooperativeWithLinks();
    const { res, body } = await get(`/cooperatives/${slug}`);
    expect(res.status).toBe(200);
    const [row] = await db.select().from(cooperatives).where(eq(cooperatives.id, id));
    expect(body).toMatchObject({
      id,
      slug,
      name: row!.name,
      kind: row!.kind,
      registrationCode: row!.registrationCode,
      foundedYear: row!.foundedYear,
      members: row!.members,
      classification: row!.classification,
      sector: row!.sector,
      address: row!.address,
      verified: row!.verified,
      province: { code: row!.provinceCode },
      contact: { phone: row!.phone, email: row!.email, website: row!.website ? new URL(row!.website).href : null },
    });
    expect(body.contact.zaloUrl).toBe(row!.zalo ? `https://zalo.me/${row!.zalo}` : null);
    const links = await db.select().from(valueChainLinks).where(eq(valueChainLinks.cooperativeId, id));
    expect(body.valueChain).toHaveLength(links.length);
    expect(body).not.toHaveProperty('verificationEvidence');
    expect(body).not.toHaveProperty('statusReason');
  });

  it('lists its published products, best rated first, with the total', async () => {
    const { id, slug } = await cooperativeWithLinks();
    const { body } = await get(`/cooperatives/${slug}`);
    const published = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.cooperativeId, id), eq(products.status, 'published')));
    expect(body.products.total).toBe(published.length);
    expect(body.products.items).toHaveLength(Math.min(24, published.length));
    const stars = body.products.items.map((p: { ocopStars: number | null }) => p.ocopStars ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
  });

  it('lists upcoming events with a confirmed or pending registration only', async () => {
    const { id, slug } = await cooperativeWithLinks();
    const upcoming = await db
      .select({ id: events.id, slug: events.slug })
      .from(events)
      .where(and(eq(events.status, 'published'), sql`${events.endsAt} >= ${now.getTime()}`))
      .orderBy(events.startsAt)
      .limit(3);
    expect(upcoming).toHaveLength(3);
    expect((await get(`/cooperatives/${slug}`)).body.upcomingEvents).toEqual([]);
    await db.insert(eventRegistrations).values([
      { id: 'test-reg-confirmed', eventId: upcoming[0]!.id, cooperativeId: id, booths: 1, status: 'confirmed' },
      { id: 'test-reg-pending', eventId: upcoming[1]!.id, cooperativeId: id, booths: 1, status: 'pending' },
      { id: 'test-reg-declined', eventId: upcoming[2]!.id, cooperativeId: id, booths: 1, status: 'declined' },
    ]);
    try {
      const { body } = await get(`/cooperatives/${slug}`);
      expect(body.upcomingEvents.map((e: { slug: string }) => e.slug)).toEqual([upcoming[0]!.slug, upcoming[1]!.slug]);
      expect(body.upcomingEvents[0].startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } finally {
      await db.delete(eventRegistrations).where(eq(eventRegistrations.cooperativeId, id));
    }
  });

  it('answers 404 for an unknown slug', async () => {
    const { res, body } = await get('/cooperatives/htx-khong-ton-tai');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('a suspended cooperative', () => {
  it('disappears with its products: both answer 404', async () => {
    const { db: own } = await migratedMemoryDatabase();
    await seedReferenceData(own);
    await seedDemoData(own, now);
    const ownApi = apiOn(own);
    const [product] = await own.select().from(products).where(eq(products.status, 'published')).limit(1);
    const [cooperative] = await own.select().from(cooperatives).where(eq(cooperatives.id, product!.cooperativeId));
    expect((await call(ownApi, `/products/${product!.slug}`)).status).toBe(200);
    await own.update(cooperatives).set({ status: 'suspended' }).where(eq(cooperatives.id, cooperative!.id));
    expect((await call(ownApi, `/products/${product!.slug}`)).status).toBe(404);
    expect((await call(ownApi, `/cooperatives/${cooperative!.slug}`)).status).toBe(404);
  });
});

describe('GET /provinces', () => {
  it('lists all 34 units, 6 cities and 28 provinces, with counts from the database', async () => {
    const { res, body } = await get('/provinces');
    expect(res.status).toBe(200);
    expect(body.items).toHaveLength(34);
    expect(body.items.filter((p: { kind: string }) => p.kind === 'city')).toHaveLength(6);
    const counts = await db.all<{ code: string; cooperatives: number; products: number }>(sql`
      SELECT pr.code,
        (SELECT count(*) FROM cooperatives c WHERE c.province_code = pr.code AND c.status = 'active') AS cooperatives,
        (SELECT count(*) FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
          WHERE p.province_code = pr.code AND p.status = 'published' AND c.status = 'active') AS products
      FROM provinces pr`);
    for (const row of counts) {
      const item = body.items.find((p: { code: string }) => p.code === row.code);
      expect(item, row.code).toMatchObject({ cooperatives: Number(row.cooperatives), products: Number(row.products) });
    }
    const hcmc = body.items.find((p: { slug: string }) => p.slug === 'thanh-pho-ho-chi-minh');
    expect(hcmc.formedFrom).toEqual(['Bình Dương', 'Bà Rịa – Vũng Tàu']);
  });
});

describe('GET /provinces/{slug}', () => {
  it('answers the province with its cooperatives, products and upcoming events', async () => {
    const { res, body } = await get('/provinces/ha-noi');
    expect(res.status).toBe(200);
    expect(body.province).toMatchObject({ code: '01', nameVi: 'Hà Nội', kind: 'city' });
    expect(body.cooperatives.length).toBeGreaterThan(0);
    expect(body.cooperatives.length).toBeLessThanOrEqual(12);
    const counts = body.cooperatives.map((c: { productCount: number }) => c.productCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.products.length).toBeGreaterThan(0);
    expect(body.products.length).toBeLessThanOrEqual(12);
    for (const p of body.products) expect(p.provinceNameVi).toBe('Hà Nội');
    const stars = body.products.map((p: { ocopStars: number | null }) => p.ocopStars ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    // Hà Nội hosts the monthly OCOP market of the demo.
    expect(body.upcomingEvents.length).toBeGreaterThan(0);
    expect(body.upcomingEvents.length).toBeLessThanOrEqual(6);
    for (const e of body.upcomingEvents)
      expect(new Date(e.endsAt).getTime()).toBeGreaterThanOrEqual(now.getTime() - 60_000);
  });

  it('counts the same as the database for the province', async () => {
    const [row] = await db.select().from(provinces).where(eq(provinces.slug, 'dong-thap'));
    const { body } = await get('/provinces/dong-thap');
    const active = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(and(eq(cooperatives.provinceCode, row!.code), eq(cooperatives.status, 'active')));
    expect(body.province.cooperatives).toBe(active.length);
    expect(body.cooperatives).toHaveLength(Math.min(12, active.length));
  });

  it('answers 404 for an unknown province', async () => {
    const { res, body } = await get('/provinces/bac-giang');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('OpenAPI document', () => {
  it('documents the detail routes with their schemas and 404s', async () => {
    const { body: doc } = await get('/openapi.json');
    for (const path of ['/products/{slug}', '/cooperatives/{slug}', '/provinces', '/provinces/{slug}']) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(doc.paths['/products/{slug}'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ProductDetail',
    );
    expect(doc.paths['/products/{slug}'].get.responses['404'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    );
    expect(doc.paths['/cooperatives/{slug}'].get.parameters[0]).toMatchObject({
      name: 'slug',
      in: 'path',
      required: true,
    });
    for (const schema of [
      'ProductDetail',
      'CooperativeProfile',
      'ProvinceSummary',
      'ProvinceDetail',
      'OcopRating',
      'Certificate',
    ]) {
      expect(doc.components.schemas[schema], schema).toBeDefined();
    }
  });
});
