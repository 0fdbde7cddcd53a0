/**
 * The cooperative directory's certification filter (GET /api/v1/cooperatives
 * and /hop-tac-xa): a cooperative counts for a kind when it holds a verified
 * certificate of that kind valid today, its own or one of its published
 * products'; several kinds mean any of them; facet counts match the filter.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordVerifiedVersions } from '../../src/server/claims/verified-version';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { certifications } from '../../src/server/db/schema';
import { vietnamDate } from '../../src/server/time/vietnam';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;
const today = vietnamDate(new Date());

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

interface Facet {
  counts: Record<string, number>;
  isCapped: boolean;
}

async function get(path: string) {
  const res = await call(api, path);
  return { status: res.status, body: await readJson(res) };
}

/** The rule, written independently of the list's SQL, over the raw columns (the demo's claims are as verified). */
async function certifiedCooperatives(kinds: readonly string[]): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cooperatives c
    WHERE c.status = 'active' AND EXISTS (SELECT 1 FROM certifications x
      LEFT JOIN products p ON p.id = x.product_id
      WHERE x.cooperative_id = c.id AND x.kind IN (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )})
        AND x.verification = 'verified' AND x.valid_from <= ${today}
        AND (x.valid_until IS NULL OR x.valid_until >= ${today})
        AND (x.product_id IS NULL OR p.status = 'published'))`);
  return Number(row?.n);
}

describe('GET /cooperatives?certification=', () => {
  it('counts each kind as the filter gives it, and the rule written apart agrees', async () => {
    const { status, body } = await get('/cooperatives');
    expect(status).toBe(200);
    const facet = (body.facets as { certification: Facet }).certification;
    expect(facet.isCapped).toBe(false);
    const kinds = Object.keys(facet.counts);
    expect(kinds.length, 'the demo has cooperatives certified for several kinds').toBeGreaterThan(1);
    for (const kind of kinds) {
      const filtered = await get(`/cooperatives?certification=${kind}&limit=100`);
      expect(filtered.status, kind).toBe(200);
      expect(filtered.body.total, kind).toBe(facet.counts[kind]);
      expect(filtered.body.total, kind).toBe(await certifiedCooperatives([kind]));
    }
  });

  it('takes several kinds as any of them, and the facet ignores its own selection', async () => {
    const { body: all } = await get('/cooperatives');
    const counts = (all.facets as { certification: Facet }).certification.counts;
    const [a, b] = Object.keys(counts);
    const { status, body } = await get(`/cooperatives?certification=${b}&certification=${a}&certification=${a}`);
    expect(status).toBe(200);
    expect(body.total).toBe(await certifiedCooperatives([a!, b!]));
    expect(body.total).toBeGreaterThanOrEqual(Math.max(counts[a!]!, counts[b!]!));
    expect(body.total).toBeLessThanOrEqual(counts[a!]! + counts[b!]!);
    expect((body.facets as { certification: Facet }).certification.counts).toEqual(counts);
  });

  it('narrows the other facets by the kinds chosen', async () => {
    const { body } = await get('/cooperatives?certification=vietgap');
    const facets = body.facets as Record<string, Facet>;
    const sum = Object.values(facets.province!.counts).reduce((x, y) => x + y, 0);
    expect(sum).toBe(body.total);
    for (const [province, n] of Object.entries(facets.province!.counts)) {
      expect((await get(`/cooperatives?certification=vietgap&province=${province}`)).body.total, province).toBe(n);
    }
  });

  it('counts only verified certificates valid today, of the cooperative or of a published product', async () => {
    // A cooperative with no HACCP at all, and one of its products.
    const [target] = await db.all<{ id: string; slug: string; product: string }>(sql`
      SELECT c.id, c.slug, (SELECT p.id FROM products p WHERE p.cooperative_id = c.id LIMIT 1) AS product
      FROM cooperatives c WHERE c.status = 'active'
        AND EXISTS (SELECT 1 FROM products p WHERE p.cooperative_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM certifications x WHERE x.cooperative_id = c.id AND x.kind = 'haccp')
      ORDER BY c.slug LIMIT 1`);
    if (!target) throw new Error('the demo has a cooperative without HACCP');
    const listed = async () =>
      ((await get(`/cooperatives?certification=haccp&limit=100`)).body.items as { slug: string }[]).some(
        (item) => item.slug === target.slug,
      );
    const base = {
      cooperativeId: target.id,
      kind: 'haccp' as const,
      issuer: 'Tổ chức thử',
      validFrom: '2020-01-01',
    };
    const verified = { verification: 'verified' as const, verifiedAt: new Date(), submittedAt: new Date() };
    await db.insert(certifications).values([
      // Not verified yet, and verified but expired: neither counts.
      { ...base, id: newId(), number: 'HACCP-PENDING', productId: null, validUntil: '2099-12-31' },
      { ...base, ...verified, id: newId(), number: 'HACCP-OLD', productId: null, validUntil: '2021-12-31' },
    ]);
    await recordVerifiedVersions(db);
    expect(await listed()).toBe(false);

    const productCertificate = newId();
    await db.insert(certifications).values({
      ...base,
      ...verified,
      id: productCertificate,
      number: 'HACCP-PRODUCT',
      productId: target.product,
      validUntil: '2099-12-31',
    });
    await recordVerifiedVersions(db);
    await db.run(sql`UPDATE products SET status = 'draft' WHERE id = ${target.product}`);
    expect(await listed(), "a draft's certificate says nothing yet").toBe(false);
    await db.run(sql`UPDATE products SET status = 'published' WHERE id = ${target.product}`);
    expect(await listed(), "a published product's certificate counts").toBe(true);
  });

  it('refuses an unknown kind with a 400 naming the field', async () => {
    const { status, body } = await get('/cooperatives?certification=vietgap&certification=iso9001');
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields)).toEqual(['certification']);
  });
});
