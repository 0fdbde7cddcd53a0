/**
 * Issue #17 item 3: editing a verified claim sends it back to the officers,
 * and until one decides, the public (product page, stars, certification
 * filter) keeps the version an officer verified; a verified edit replaces
 * it, a rejected one leaves it. Item 2: a revoked certificate is shown as
 * revoked, with the date and reason, and counts nowhere. On libSQL and D1.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import type { Database } from '../../src/server/db/client';
import { certifications, ocopRatings, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import type { CertificationKind } from '../../src/server/products/vocabulary';
import { refreshOcopStars } from '../../src/server/products/ocop-stars';
import { getPublicProduct } from '../../src/server/products/product-detail';
import { listProducts } from '../../src/server/products/product-list';
import { updateCertificate } from '../../src/server/provenance/batches';
import { vietnamDate } from '../../src/server/time/vietnam';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = vietnamDate(NOW);
const LATER = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const REASON = 'Số hiệu mới không khớp với bản chụp giấy chứng nhận.';

const certificateInput = (number: string, kind: CertificationKind = 'organic') => ({
  kind,
  number,
  issuer: 'Tổ chức chứng nhận thử',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
});

describe.each(bothStores('verified-version'))('the last verified version on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  const owner = { cooperativeId: '', productId: 'p-verified-version' };
  const slug = 'san-pham-phien-ban-xac-minh';

  const publicNumbers = async () => (await getPublicProduct(db, slug, NOW)).certificates.map((c) => c.number);
  const listedWith = async (certification: 'organic' | 'vietgap') => {
    const page = await listProducts(
      db,
      { certification: [certification], cooperative: `htx-test-${owner.cooperativeId}` },
      {
        today: TODAY,
      },
    );
    return page.items.some((item) => item.slug === slug);
  };
  const stars = async () => {
    await refreshOcopStars(db, TODAY);
    const [row] = await db.select({ stars: products.ocopStars }).from(products).where(eq(products.id, owner.productId));
    return row?.stars;
  };
  const decide = (
    kind: 'certificate' | 'ocop_rating',
    id: string,
    decision: 'verify' | 'reject' | 'revoke',
    at = NOW,
  ) => decideClaim(db, officer, { kind, id }, decision, { reason: REASON }, at);

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    owner.cooperativeId = await createTestCooperative(db);
    officer = await createTestOfficer(db);
    await db.insert(products).values({
      id: owner.productId,
      slug,
      cooperativeId: owner.cooperativeId,
      nameVi: 'Sản phẩm thử phiên bản',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      traceCode: 'TCVERSION',
      unitVi: 'kg',
      unitEn: 'kg',
      status: 'published',
      publishedAt: NOW,
    });
  }, 120_000);
  afterAll(async () => dispose?.());

  it('keeps a certificate public as verified while an edit waits, after a rejection, until a verified edit', async () => {
    const id = 'cert-verified-version';
    await db.insert(certifications).values({ id, ...owner, ...certificateInput('HC-CU-001'), submittedAt: NOW });
    expect(await publicNumbers()).toEqual([]);
    await decide('certificate', id, 'verify');
    expect(await publicNumbers()).toEqual(['HC-CU-001']);

    // Edited (another number and kind): back in the queue, the public keeps the verified version.
    const edited = await updateCertificate(db, owner, id, certificateInput('VG-MOI-002', 'vietgap'), LATER(1));
    expect(edited.verification).toBe('pending');
    const view = (await getPublicProduct(db, slug, NOW)).certificates;
    expect(view).toMatchObject([{ number: 'HC-CU-001', kind: 'organic', verified: { at: NOW } }]);
    expect(await listedWith('organic')).toBe(true);
    expect(await listedWith('vietgap')).toBe(false);

    // Rejected: still the verified version.
    await decide('certificate', id, 'reject', LATER(2));
    expect(await publicNumbers()).toEqual(['HC-CU-001']);
    expect(await listedWith('organic')).toBe(true);

    // Changed again and verified: the new version is the public one.
    await updateCertificate(db, owner, id, certificateInput('VG-MOI-003', 'vietgap'), LATER(3));
    expect(await publicNumbers()).toEqual(['HC-CU-001']);
    await decide('certificate', id, 'verify', LATER(4));
    expect((await getPublicProduct(db, slug, NOW)).certificates).toMatchObject([
      { number: 'VG-MOI-003', kind: 'vietgap', verified: { at: LATER(4) } },
    ]);
    expect(await listedWith('organic')).toBe(false);
    expect(await listedWith('vietgap')).toBe(true);

    // Revoked: no longer a certificate, but a line saying when and why, for as long as it claimed to hold.
    await decide('certificate', id, 'revoke', LATER(5));
    const revoked = await getPublicProduct(db, slug, LATER(5));
    expect(revoked.certificates).toEqual([]);
    expect(revoked.revokedCertificates).toEqual([
      {
        id,
        kind: 'vietgap',
        number: 'VG-MOI-003',
        issuer: 'Tổ chức chứng nhận thử',
        revokedOn: vietnamDate(LATER(5)),
        reason: REASON,
      },
    ]);
    expect(await listedWith('vietgap')).toBe(false);
    const afterItsEnd = await getPublicProduct(db, slug, new Date('2029-01-02T03:00:00Z'));
    expect(afterItsEnd.revokedCertificates).toEqual([]);
  });

  it('keeps a rating and its stars as verified while a change waits, and shows its revocation', async () => {
    const id = 'rating-verified-version';
    await db.insert(ocopRatings).values({
      id,
      productId: owner.productId,
      stars: 4,
      level: 'province',
      decisionNumber: '100/QĐ-UBND',
      decisionDate: '2026-06-01',
      submittedAt: NOW,
    });
    await decide('ocop_rating', id, 'verify');
    expect(await stars()).toBe(4);

    // A change of the rating (as the cooperative's edit writes it) waits for an officer.
    const change = {
      stars: 5,
      level: 'national' as const,
      decisionNumber: '200/QĐ-BNN',
      verification: 'pending' as const,
    };
    await db
      .update(ocopRatings)
      .set({ ...change, submittedAt: LATER(1) })
      .where(eq(ocopRatings.id, id));
    expect(await stars()).toBe(4);
    expect((await getPublicProduct(db, slug, NOW)).ocop).toMatchObject({ stars: 4, decisionNumber: '100/QĐ-UBND' });
    await decide('ocop_rating', id, 'reject', LATER(2));
    expect(await stars()).toBe(4);

    await db
      .update(ocopRatings)
      .set({ verification: 'pending', submittedAt: LATER(3) })
      .where(eq(ocopRatings.id, id));
    await decide('ocop_rating', id, 'verify', LATER(4));
    expect(await stars()).toBe(5);
    expect((await getPublicProduct(db, slug, NOW)).ocop).toMatchObject({ stars: 5, level: 'national' });

    await decide('ocop_rating', id, 'revoke', LATER(5));
    expect(await stars()).toBeNull();
    expect((await getPublicProduct(db, slug, LATER(5))).ocop).toMatchObject({
      status: 'revoked',
      revoked: { on: vietnamDate(LATER(5)), reason: REASON },
    });
  });
});
