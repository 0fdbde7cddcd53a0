/**
 * A search filtered by certification first drops the hits whose product holds no certificate of
 * the kind (product_certification_kinds, kept by triggers: migrations/0048), then checks the rest
 * for one valid today. Through a certificate's life (waiting for an officer, verified, edited and
 * waiting again, re-verified to another kind, expired, revoked, deleted; a whole cooperative's;
 * products added and removed) the table stays exactly what it stands for, and every answer
 * (items, totals, facets; the API's and the pages') is the one the filter gives without it.
 * On libSQL and D1.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import type { Database } from '../../src/server/db/client';
import { certifications, productCertificationKinds, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import type { ProductFilters } from '../../src/server/products/product-filters';
import { listProducts, listProductsWithFacets } from '../../src/server/products/product-list';
import { CERTIFICATION_KINDS, type CertificationKind } from '../../src/server/products/vocabulary';
import { updateCertificate } from '../../src/server/provenance/batches';
import { vietnamDate } from '../../src/server/time/vietnam';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = vietnamDate(NOW);
const LATER = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const certificate = (number: string, kind: CertificationKind, validUntil = '2028-12-31') => ({
  kind,
  number,
  issuer: 'Tổ chức chứng nhận thử',
  validFrom: '2026-01-01',
  validUntil,
});

describe.each(bothStores('certified-search'))('certified search on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  let cooperativeId = '';
  let cooperative = '';

  const addProduct = (id: string, name: string) =>
    db.insert(products).values({
      id,
      slug: id,
      cooperativeId,
      nameVi: name,
      searchName: name,
      searchBody: 'ca phe rang xay',
      ocopGroup: 'do_uong',
      provinceCode: '01',
      traceCode: id.toUpperCase(),
      unitVi: 'gói',
      unitEn: 'pack',
      status: 'published',
      publishedAt: NOW,
    });
  const addCertificate = async (id: string, productId: string | null, fields: ReturnType<typeof certificate>) => {
    await db.insert(certifications).values({ id, cooperativeId, productId, ...fields, submittedAt: NOW });
  };
  const decide = (id: string, decision: 'verify' | 'revoke', at = NOW) =>
    decideClaim(db, officer, { kind: 'certificate', id }, decision, { reason: 'Thử vòng đời.' }, at);

  const FILTERS: ProductFilters[] = [
    { q: 'ca phe', certification: ['vietgap'] },
    { q: 'ca phe', certification: ['vietgap', 'organic'] },
    { q: 'ca phe', certification: ['organic'], sort: 'newest' },
    { q: 'ca phe vietgap' },
  ];

  /** What the API and the page answer for each of FILTERS. */
  const answers = () =>
    Promise.all(
      FILTERS.flatMap((filters) => [
        listProductsWithFacets(db, { ...filters, cooperative }, TODAY),
        listProducts(db, { ...filters, cooperative }, { today: TODAY }),
      ]),
    );

  /** The table as its definition gives it, from every certificate and product now. */
  const defined = async () =>
    (
      await db.all<{ search_key: number; kind: string }>(sql`
        SELECT p.search_key, json_extract(cert.last_verified, '$.kind') AS kind FROM certifications cert
          JOIN products p ON p.id = cert.product_id OR (cert.product_id IS NULL AND p.cooperative_id = cert.cooperative_id)
        WHERE cert.last_verified IS NOT NULL AND cert.revoked_at IS NULL AND cert.verification <> 'revoked'
        GROUP BY 1, 2 ORDER BY 1, 2`)
    ).map((row) => `${Number(row.search_key)} ${row.kind}`);
  const kept = async () =>
    (
      await db.all<{ search_key: number; kind: string }>(
        sql`SELECT search_key, kind FROM product_certification_kinds ORDER BY 1, 2`,
      )
    ).map((row) => `${Number(row.search_key)} ${row.kind}`);

  /**
   * The table is exactly its definition, and the answers are those of the filter alone: with
   * every product listed under every kind, the table drops no hit, as before it existed.
   */
  async function expectSameAnswers() {
    expect(await kept()).toEqual(await defined());
    const narrowed = await answers();
    const saved = await db.select().from(productCertificationKinds);
    await db.run(sql`INSERT OR IGNORE INTO product_certification_kinds (search_key, kind)
      SELECT p.search_key, k.value FROM products p, json_each(${JSON.stringify(CERTIFICATION_KINDS)}) k`);
    const unfiltered = await answers();
    await db.delete(productCertificationKinds);
    if (saved.length > 0) await db.insert(productCertificationKinds).values(saved);
    expect(narrowed).toEqual(unfiltered);
    return narrowed;
  }

  const listed = async (kind: CertificationKind) =>
    (await listProducts(db, { q: 'ca phe', certification: [kind], cooperative }, { today: TODAY })).items
      .map((item) => item.slug)
      .sort();

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    cooperative = `htx-test-${cooperativeId}`;
    officer = await createTestOfficer(db);
    await addProduct('cs-a', 'ca phe robusta a');
    await addProduct('cs-b', 'ca phe arabica b');
    await addProduct('cs-c', 'ca phe chon c');
  }, 120_000);
  afterAll(async () => dispose?.());

  it("a product's own certificate: waiting, verified, edited and waiting, re-verified, revoked", async () => {
    await addCertificate('cs-cert-a', 'cs-a', certificate('VG-A-1', 'vietgap'));
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual([]);

    await decide('cs-cert-a', 'verify');
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual(['cs-a']);

    // An edit to another kind waits for an officer: the verified VietGAP version still counts.
    await updateCertificate(
      db,
      { cooperativeId, productId: 'cs-a' },
      'cs-cert-a',
      certificate('HC-A-2', 'organic'),
      LATER(1),
    );
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual(['cs-a']);
    expect(await listed('organic')).toEqual([]);

    await decide('cs-cert-a', 'verify', LATER(2));
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual([]);
    expect(await listed('organic')).toEqual(['cs-a']);

    await decide('cs-cert-a', 'revoke', LATER(3));
    await expectSameAnswers();
    expect(await listed('organic')).toEqual([]);
    expect(await kept()).toEqual([]);
  });

  it('an expired certificate is held but not valid: the filter still leaves it out', async () => {
    await addCertificate('cs-cert-b', 'cs-b', certificate('VG-B-1', 'vietgap', '2026-06-30'));
    await decide('cs-cert-b', 'verify');
    await expectSameAnswers();
    expect((await kept()).length).toBe(1);
    expect(await listed('vietgap')).toEqual([]);
  });

  it("a whole cooperative's certificate, its products added and removed, revoked and deleted", async () => {
    await addCertificate('cs-cert-coop', null, certificate('VG-HTX-1', 'vietgap'));
    await decide('cs-cert-coop', 'verify');
    const [answer] = await expectSameAnswers();
    expect(answer?.total).toBe(3);
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c']);

    // A product added later holds it from its first write.
    await addProduct('cs-d', 'ca phe moi d');
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c', 'cs-d']);

    await db.delete(products).where(eq(products.id, 'cs-d'));
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c']);

    // Its own expired certificate does not make B valid once the cooperative's is revoked.
    await decide('cs-cert-coop', 'revoke', LATER(4));
    await expectSameAnswers();
    expect(await listed('vietgap')).toEqual([]);

    await addCertificate('cs-cert-coop-2', null, certificate('HC-HTX-2', 'organic'));
    await decide('cs-cert-coop-2', 'verify');
    expect(await listed('organic')).toEqual(['cs-a', 'cs-b', 'cs-c']);
    await db.delete(certifications).where(eq(certifications.id, 'cs-cert-coop-2'));
    await expectSameAnswers();
    expect(await listed('organic')).toEqual([]);
  });
});
