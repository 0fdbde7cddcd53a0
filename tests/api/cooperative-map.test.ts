/**
 * GET /cooperatives.geojson on the demo catalogue: an RFC 7946
 * FeatureCollection of the active cooperatives in [longitude, latitude]
 * order, inside Viet Nam, filtered like the directory, with the commune's
 * centre, or else the province's seat, standing in (and said to, `placedAt`)
 * for a cooperative without a place.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CooperativeFeatureCollectionSchema } from '../../functions/api/catalogue-lists';
import { VIETNAM_BOUNDS } from '../../src/server/cooperatives/location';
import type { Database } from '../../src/server/db/client';
import { cooperatives } from '../../src/server/db/schema';
import { communeCentre } from '../../src/server/provinces/communes';
import { PROVINCE_SEAT_COORDINATES } from '../../src/server/provinces/seats';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { featureCollectionProblems } from '../support/geojson';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

async function geojson(query = '') {
  const res = await call(api, `/cooperatives.geojson${query}`);
  return { res, body: (await readJson(res)) as unknown };
}

async function features(query = '') {
  const { res, body } = await geojson(query);
  expect(res.status, query).toBe(200);
  return CooperativeFeatureCollectionSchema.parse(body).features;
}

describe('GET /cooperatives.geojson', () => {
  it('is an RFC 7946 FeatureCollection of every active cooperative, inside Viet Nam, in its own media type', async () => {
    const { res, body } = await geojson();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(featureCollectionProblems(body)).toEqual([]);
    const collection = CooperativeFeatureCollectionSchema.parse(body);
    // Exactly what the schema documents: nothing undeclared slips out.
    expect(CooperativeFeatureCollectionSchema.encode(collection)).toEqual(body);
    const [active] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cooperatives WHERE status = 'active'`);
    expect(collection.features).toHaveLength(Number(active?.n));
    expect(collection.truncated).toBe(false);
    for (const { geometry } of collection.features) {
      const [longitude, latitude] = geometry.coordinates;
      expect(longitude).toBeGreaterThanOrEqual(VIETNAM_BOUNDS.west);
      expect(longitude).toBeLessThanOrEqual(VIETNAM_BOUNDS.east);
      expect(latitude).toBeGreaterThanOrEqual(VIETNAM_BOUNDS.south);
      expect(latitude).toBeLessThanOrEqual(VIETNAM_BOUNDS.north);
    }
  });

  it('puts longitude first, and places a cooperative without a place at its commune’s centre, marked approximate', async () => {
    const [placed] = await db
      .select({ id: cooperatives.id, lat: cooperatives.latitude, lng: cooperatives.longitude })
      .from(cooperatives)
      .where(sql`${cooperatives.status} = 'active' AND ${cooperatives.latitude} IS NOT NULL`)
      .limit(1);
    const [unplaced] = await db
      .select({
        id: cooperatives.id,
        province: cooperatives.provinceCode,
        commune: cooperatives.commune,
        slug: cooperatives.slug,
      })
      .from(cooperatives)
      .where(sql`${cooperatives.status} = 'active' AND ${cooperatives.latitude} IS NULL`)
      .limit(1);
    if (!placed || !unplaced) throw new Error('the demo has cooperatives with and without a place');
    const all = await features();
    const byId = new Map(all.map((feature) => [feature.id, feature]));
    expect(byId.get(placed.id)?.geometry.coordinates).toEqual([placed.lng, placed.lat]);
    expect(byId.get(placed.id)?.properties).toMatchObject({ approximate: false, placedAt: 'own' });
    const centre = communeCentre(unplaced.province, unplaced.commune);
    if (!centre) throw new Error(`${unplaced.commune} has a centre in the reference`);
    expect(byId.get(unplaced.id)?.geometry.coordinates).toEqual([centre.longitude, centre.latitude]);
    expect(byId.get(unplaced.id)?.properties).toMatchObject({
      approximate: true,
      placedAt: 'commune_centre',
      slug: unplaced.slug,
      url: expect.stringMatching(new RegExp(`/hop-tac-xa/${unplaced.slug}$`)),
      urlEn: expect.stringMatching(new RegExp(`/en/cooperatives/${unplaced.slug}$`)),
    });
    // Every demo cooperative's commune is a unit with a centre: none falls back to its province's seat.
    expect(all.filter((feature) => feature.properties.placedAt === 'province_seat')).toEqual([]);
  });

  it('places a cooperative whose commune the reference does not know at its province’s seat', async () => {
    const [row] = await db
      .select({ id: cooperatives.id, province: cooperatives.provinceCode, commune: cooperatives.commune })
      .from(cooperatives)
      .where(sql`${cooperatives.status} = 'active' AND ${cooperatives.latitude} IS NULL`)
      .limit(1);
    if (!row) throw new Error('the demo has cooperatives without a place');
    // Stored before communes were checked: a name from before July 2025.
    await db.update(cooperatives).set({ commune: 'xã Không Còn' }).where(eq(cooperatives.id, row.id));
    try {
      const feature = (await features()).find((f) => f.id === row.id);
      const [lat, lng] = PROVINCE_SEAT_COORDINATES[row.province] ?? [];
      expect(feature?.geometry.coordinates).toEqual([lng, lat]);
      expect(feature?.properties).toMatchObject({ approximate: true, placedAt: 'province_seat' });
    } finally {
      await db.update(cooperatives).set({ commune: row.commune }).where(eq(cooperatives.id, row.id));
    }
  });

  it('filters like the directory: province, kind, words without diacritics', async () => {
    const inThaiNguyen = await features('?province=thai-nguyen');
    expect(inThaiNguyen.length).toBeGreaterThan(0);
    for (const { properties } of inThaiNguyen) expect(properties.province).toBe('Thái Nguyên');
    const unions = await features('?kind=lien_hiep_htx');
    expect(unions.length).toBeGreaterThan(0);
    for (const { properties } of unions) expect(properties.kind).toBe('lien_hiep_htx');
    const tea = await features('?q=che');
    expect(tea.length).toBeGreaterThan(0);
    expect(tea.length).toBeLessThan((await features()).length);
    const directory = (await readJson(await call(api, '/cooperatives?q=che&limit=100&sort=name'))) as {
      items: { slug: string }[];
    };
    expect(tea.map((f) => f.properties.slug)).toEqual(directory.items.map((item) => item.slug));
  });

  it('answers 400 naming the filter for an unknown province or kind, never an empty map', async () => {
    for (const [query, field] of [
      ['?province=atlantis', 'province'],
      ['?kind=castle', 'kind'],
    ] as const) {
      const { res, body } = await geojson(query);
      expect(res.status, query).toBe(400);
      expect((body as { error: { fields: Record<string, unknown> } }).error.fields).toHaveProperty(field);
    }
  });

  it('leaves out cooperatives that are not active', async () => {
    const [row] = await db.select({ id: cooperatives.id }).from(cooperatives).limit(1);
    if (!row) throw new Error('no cooperative');
    await db.update(cooperatives).set({ status: 'suspended' }).where(eq(cooperatives.id, row.id));
    try {
      expect((await features()).map((f) => f.id)).not.toContain(row.id);
    } finally {
      await db.update(cooperatives).set({ status: 'active' }).where(eq(cooperatives.id, row.id));
    }
  });
});
