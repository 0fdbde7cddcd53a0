import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordVerifiedVersions } from '../../src/server/claims/verified-version';
import { listProducts } from '../../src/server/products/product-list';
import { ocopValidSince } from '../../src/server/products/validity';
import { ocopRatings, products } from '../../src/server/db/schema';
import { runDailyJobs } from '../../src/server/scheduled';
import { vietnamDate } from '../../src/server/time/vietnam';
import { DEMO_NOW, demoDatabase } from '../support/demo';

describe('OCOP stars in lists follow the ratings still valid today', () => {
  it('after seeding, every product shows the stars of its latest valid rating and none for expired ones', async () => {
    const db = await demoDatabase();
    const since = ocopValidSince(vietnamDate(DEMO_NOW));
    const wrong = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM products p
      WHERE p.ocop_stars IS NOT (SELECT r.stars FROM ocop_ratings r WHERE r.product_id = p.id
        AND r.status = 'active' AND r.verification = 'verified' AND r.decision_date >= ${since}
        ORDER BY r.decision_date DESC LIMIT 1)`);
    expect(Number(wrong[0]?.n)).toBe(0);
    const expired = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM products p WHERE p.ocop_stars IS NULL
      AND EXISTS (SELECT 1 FROM ocop_ratings r WHERE r.product_id = p.id AND r.status = 'active')`);
    expect(Number(expired[0]?.n), 'the demo has products whose only ratings ran out').toBeGreaterThan(0);
  });

  it('the daily job takes the stars off a product the day after its rating runs out, and lists follow', async () => {
    const db = await demoDatabase();
    const [product] = await db
      .select()
      .from(products)
      .where(sql`${products.ocopStars} = 5 AND ${products.status} = 'published'`)
      .limit(1);
    if (!product) throw new Error('demo has a published 5-star product');
    // Make its only ratings one decided on 2023-11-24: valid through 2026-11-24.
    await db.delete(ocopRatings).where(eq(ocopRatings.productId, product.id));
    await db.insert(ocopRatings).values({
      id: 'test-rating',
      productId: product.id,
      stars: 5,
      level: 'national',
      decisionDate: '2023-11-24',
      decisionNumber: '1/QĐ-TTg',
      verification: 'verified',
    });
    await recordVerifiedVersions(db);

    await runDailyJobs(db, new Date('2026-11-24T16:59:00Z')); // 23:59 in Viet Nam, last valid day
    const fiveStars = async () => (await listProducts(db, { stars: 5, limit: 100 }, {})).items.map((item) => item.id);
    expect(await fiveStars()).toContain(product.id);

    await runDailyJobs(db, new Date('2026-11-24T17:05:00Z')); // 00:05 on 25 November in Viet Nam
    expect(await fiveStars()).not.toContain(product.id);
    const [after] = await db.select({ stars: products.ocopStars }).from(products).where(eq(products.id, product.id));
    expect(after?.stars).toBeNull();
  });
});
