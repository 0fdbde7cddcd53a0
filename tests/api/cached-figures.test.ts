import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { products } from '../../src/server/db/schema';
import { countPortalSummary, PORTAL_SUMMARY_TTL_MS, readPortalSummary } from '../../src/server/stats/summary';
import { demoDatabase } from '../support/demo';

describe('the home page counts', () => {
  it('are computed once, served from the cache until they are ten minutes old, then recomputed', async () => {
    const db = await demoDatabase();
    const t0 = new Date('2026-11-24T03:00:00Z');
    const first = await readPortalSummary(db, t0);
    expect(first).toEqual(await countPortalSummary(db));

    // Unpublish a product: the exact count changes at once, the cached one not yet.
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.status, 'published'))
      .limit(1);
    await db
      .update(products)
      .set({ status: 'unpublished' })
      .where(eq(products.id, product?.id ?? ''));
    const exact = await countPortalSummary(db);
    expect(exact.products).toBe(first.products - 1);

    expect(await readPortalSummary(db, new Date(t0.getTime() + PORTAL_SUMMARY_TTL_MS - 1))).toEqual(first);
    expect(await readPortalSummary(db, new Date(t0.getTime() + PORTAL_SUMMARY_TTL_MS))).toEqual(exact);
  });
});
