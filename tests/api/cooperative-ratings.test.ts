/**
 * Issue #17: a cooperative's public profile lists the current OCOP rating of
 * each of its published products, as the product's own page shows it: only
 * once an officer verified it, with the department that did and when; the
 * verified version while an edit waits; a revoked one as revoked, with the
 * day and the reason; nothing of a draft product. On libSQL and on D1.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { getPublicCooperative } from '../../src/server/cooperatives/profile';
import type { Database } from '../../src/server/db/client';
import { cooperatives, ocopRatings, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-20T03:00:00Z');
const REASON = 'Quyết định công nhận đã bị Ủy ban nhân dân tỉnh hủy bỏ.';

describe.each(bothStores('cooperative-ratings'))('OCOP ratings on the cooperative page on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  let cooperativeId: string;
  let slug: string;

  async function product(key: string, status: 'published' | 'draft') {
    await db.insert(products).values({
      id: `p-${key}`,
      slug: `san-pham-${key}`,
      cooperativeId,
      nameVi: `Sản phẩm ${key}`,
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      traceCode: `T${key.toUpperCase()}`.slice(0, 12),
      unitVi: 'kg',
      unitEn: 'kg',
      status,
      publishedAt: status === 'published' ? NOW : null,
    });
    return `p-${key}`;
  }

  async function rating(productId: string, decisionNumber: string, stars = 4) {
    const id = `r-${decisionNumber.replace(/\W/g, '')}`;
    await db.insert(ocopRatings).values({
      id,
      productId,
      stars,
      level: stars === 5 ? 'national' : 'province',
      decisionNumber,
      decisionDate: '2026-06-01',
      submittedAt: NOW,
    });
    return id;
  }

  const decide = async (id: string, decision: 'verify' | 'revoke') => {
    const [row] = await db.select({ revision: ocopRatings.revision }).from(ocopRatings).where(eq(ocopRatings.id, id));
    await decideClaim(
      db,
      officer,
      { kind: 'ocop_rating', id },
      decision,
      { reason: REASON, version: row?.revision },
      NOW,
    );
  };
  const shown = async () => (await getPublicCooperative(db, slug, NOW)).ocopRatings;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db, '01');
    slug = (await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId)))[0]?.slug ?? '';
    officer = await createTestOfficer(db);
  }, 120_000);
  afterAll(async () => dispose?.());

  it('shows a verified rating with who verified it, and nothing pending or of a draft', async () => {
    const honey = await product('mat-ong', 'published');
    const tea = await product('che', 'published');
    const draft = await product('nhap', 'draft');
    const verified = await rating(honey, '101/QĐ-UBND');
    await rating(tea, '102/QĐ-UBND');
    await decide(await rating(draft, '103/QĐ-UBND'), 'verify');
    expect(await shown()).toEqual([]);

    await decide(verified, 'verify');
    const [only, ...rest] = await shown();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      product: { slug: 'san-pham-mat-ong', nameVi: 'Sản phẩm mat-ong' },
      stars: 4,
      decisionNumber: '101/QĐ-UBND',
      status: 'valid',
      validUntil: '2029-06-01',
      revoked: null,
      verified: { at: NOW, provinceVi: 'Hà Nội' },
      issuer: { authority: 'province_committee', provinceVi: 'Hà Nội' },
    });

    // An edit waiting for an officer leaves the verified version on the page.
    await db.update(ocopRatings).set({ stars: 3, verification: 'pending' }).where(eq(ocopRatings.id, verified));
    expect((await shown())[0]).toMatchObject({ stars: 4, decisionNumber: '101/QĐ-UBND' });
  });

  it('shows a revoked rating as revoked, with the day and the reason, never as valid', async () => {
    const rice = await product('gao', 'published');
    const id = await rating(rice, '201/QĐ-UBND', 5);
    await decide(id, 'verify');
    await decide(id, 'revoke');
    const revoked = (await shown()).find((view) => view.product.slug === 'san-pham-gao');
    expect(revoked).toMatchObject({
      status: 'revoked',
      revoked: { on: '2026-11-20', reason: REASON },
      // 5 stars, decided in 2026: the Ministry of Agriculture and Environment.
      issuer: { authority: 'agriculture_environment_ministry' },
    });
  });
});
