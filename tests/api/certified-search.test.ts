/**
 * A search filtered by certification tests each hit with one seek in product_certificates (kept
 * by triggers: migrations/0049), by the hit's key, the verified kind and the verified dates, once
 * the full-text index has kept only hits tagged with the kind and not hidden (migrations/0050).
 * Through a certificate's life (waiting for an officer, verified, edited and waiting again with
 * other dates or another kind, re-verified, not yet valid, valid from or until the day, expired,
 * revoked, deleted; a whole cooperative's; products added, moved and removed) the table stays
 * exactly what it stands for, and on every day around those dates every answer (items, totals,
 * certification facets; the API's and the pages') is the one certificateCountsOn gives, read from
 * the certificates themselves: by a reference query here, and by the same list without words,
 * which probes the certificates. On libSQL and D1.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { certificateCountsOn, verifiedField } from '../../src/server/claims/public-claims';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import type { Database } from '../../src/server/db/client';
import { certifications, cooperatives, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import type { ProductFilters } from '../../src/server/products/product-filters';
import { listProducts, listProductsWithFacets } from '../../src/server/products/product-list';
import type { CertificationKind } from '../../src/server/products/vocabulary';
import { updateCertificate } from '../../src/server/provenance/batches';
import { vietnamDate } from '../../src/server/time/vietnam';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = vietnamDate(NOW);
const LATER = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const certificate = (
  number: string,
  kind: CertificationKind,
  validUntil: string | null = '2028-12-31',
  validFrom = '2026-01-01',
) => ({ kind, number, issuer: 'Tổ chức chứng nhận thử', validFrom, validUntil });

/** Days around the dates the certificates below start and end, which the answers are checked on. */
const AROUND_DEFAULT = ['2025-12-31', '2026-01-01', TODAY, '2028-12-31', '2029-01-01'];
const AROUND_B = ['2026-02-28', '2026-03-01', '2026-06-30', '2026-07-01', TODAY, '2027-06-30', '2027-07-01'];
const AROUND_C = ['2027-06-30', '2027-07-01', '2029-01-01'];

const KIND_SETS: CertificationKind[][] = [['vietgap'], ['vietgap', 'organic']];

describe.each(bothStores('certified-search'))('certified search on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  let cooperativeId = '';
  let otherCooperativeId = '';
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
  /** The cooperative's edit of a product's certificate, waiting for an officer. */
  const edit = (id: string, productId: string, fields: ReturnType<typeof certificate>) =>
    updateCertificate(db, { cooperativeId, productId }, id, fields, LATER(1));

  /** The table as its definition gives it, from every certificate and product now. */
  const defined = async () =>
    (
      await db.all<Record<string, string | number | null>>(sql`
        SELECT cert.id, p.search_key, ${verifiedField('cert', 'kind')} AS kind,
          ${verifiedField('cert', 'validFrom')} AS valid_from, ${verifiedField('cert', 'validUntil')} AS valid_until
        FROM certifications cert
          JOIN products p ON p.id = cert.product_id OR (cert.product_id IS NULL AND p.cooperative_id = cert.cooperative_id)
        WHERE cert.last_verified IS NOT NULL AND cert.revoked_at IS NULL AND cert.verification <> 'revoked'
        ORDER BY 1, 2`)
    ).map((row) => `${row.id} ${Number(row.search_key)} ${row.kind} ${row.valid_from} ${row.valid_until}`);
  const kept = async () =>
    (
      await db.all<Record<string, string | number | null>>(
        sql`SELECT certification_id, search_key, kind, valid_from, valid_until FROM product_certificates ORDER BY 1, 2`,
      )
    ).map(
      (row) => `${row.certification_id} ${Number(row.search_key)} ${row.kind} ${row.valid_from} ${row.valid_until}`,
    );

  /**
   * The index's tags of every product, and what they should be from the tables: `0hidden` unless
   * published by an active cooperative, `0<kind>` per kind of certificate held (the rows above),
   * `0` in every empty place of eight.
   */
  const tagged = async () =>
    (
      await db.all<{ search_key: number; search_tags: string }>(
        sql`SELECT rowid AS search_key, search_tags FROM products_fts ORDER BY 1`,
      )
    ).map((row) => `${Number(row.search_key)} ${row.search_tags.split(' ').sort().join(' ')}`);
  const taggable = async () => {
    const rows = await db.all<{ search_key: number; public: number; kinds: string | null }>(sql`
      SELECT p.search_key, p.status = 'published' AND c.status = 'active' AS public,
        (SELECT group_concat(DISTINCT kind) FROM product_certificates held WHERE held.search_key = p.search_key) AS kinds
      FROM products p JOIN cooperatives c ON c.id = p.cooperative_id ORDER BY 1`);
    return rows.map((row) => {
      const kinds = row.kinds === null ? [] : row.kinds.split(',').map((kind) => `0${kind.replaceAll('_', '')}`);
      const tags = [Number(row.public) === 1 ? '0' : '0hidden', ...kinds];
      while (tags.length < 8) tags.push('0');
      return `${Number(row.search_key)} ${tags.sort().join(' ')}`;
    });
  };

  /** Slug by kind of the cooperative's products with a certificate of that kind counting on `day`, from the certificates. */
  const reference = async (day: string) => {
    const rows = await db.all<{ slug: string; kind: string }>(sql`
      SELECT DISTINCT p.slug, ${verifiedField('cert', 'kind')} AS kind FROM products p
        JOIN certifications cert ON cert.product_id = p.id OR (cert.product_id IS NULL AND cert.cooperative_id = p.cooperative_id)
      WHERE p.cooperative_id = ${cooperativeId} AND p.status = 'published' AND ${certificateCountsOn('cert', day)}`);
    return rows;
  };

  const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug).sort();

  /**
   * The table is exactly its definition, and on each of `days` each search filtered by
   * certification answers what the certificates say, as the list without words does.
   */
  async function expectExact(days: readonly string[] = [TODAY]) {
    expect(await kept()).toEqual(await defined());
    expect(await tagged()).toEqual(await taggable());
    for (const day of days) {
      const held = await reference(day);
      const facet: Record<string, number> = {};
      for (const row of held) facet[row.kind] = (facet[row.kind] ?? 0) + 1;
      for (const kinds of KIND_SETS) {
        const expected = [
          ...new Set(held.filter((row) => kinds.includes(row.kind as CertificationKind)).map((row) => row.slug)),
        ].sort();
        const filters: ProductFilters = { certification: kinds, cooperative };
        // The API's (the ranked window, the facet scans), a deeper page's (bm25 or another sort), the list without words.
        const [api, newest, plain] = await Promise.all([
          listProductsWithFacets(db, { ...filters, q: 'ca phe' }, day),
          listProducts(db, { ...filters, q: 'ca phe', sort: 'newest' }, { today: day }),
          listProductsWithFacets(db, filters, day),
        ]);
        const context = `${kinds.join('+')} on ${day}`;
        for (const answer of [api, newest, plain]) {
          expect(slugs(answer), context).toEqual(expected);
          expect(answer.total, context).toBe(expected.length);
        }
        expect(api.facets.certification, context).toEqual({ counts: facet, isCapped: false });
        expect(plain.facets.certification, context).toEqual(api.facets.certification);
      }
      // A certification named in the words is the same filter.
      const named = await listProducts(db, { q: 'ca phe vietgap', cooperative }, { today: day });
      expect(slugs(named), `"ca phe vietgap" on ${day}`).toEqual(
        [...new Set(held.filter((row) => row.kind === 'vietgap').map((row) => row.slug))].sort(),
      );
    }
  }

  const listed = async (kind: CertificationKind, today = TODAY) =>
    slugs(await listProducts(db, { q: 'ca phe', certification: [kind], cooperative }, { today }));

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    otherCooperativeId = await createTestCooperative(db);
    cooperative = `htx-test-${cooperativeId}`;
    officer = await createTestOfficer(db);
    await addProduct('cs-a', 'ca phe robusta a');
    await addProduct('cs-b', 'ca phe arabica b');
    await addProduct('cs-c', 'ca phe chon c');
  }, 120_000);
  afterAll(async () => dispose?.());

  it("a product's own certificate: waiting, verified, edited and waiting, re-verified, revoked", async () => {
    await addCertificate('cs-cert-a', 'cs-a', certificate('VG-A-1', 'vietgap'));
    await expectExact();
    expect(await listed('vietgap')).toEqual([]);

    await decide('cs-cert-a', 'verify');
    await expectExact(AROUND_DEFAULT);
    expect(await listed('vietgap')).toEqual(['cs-a']);

    // An edit to another kind and other dates waits for an officer: the verified VietGAP version still counts.
    await edit('cs-cert-a', 'cs-a', certificate('HC-A-2', 'organic', '2027-06-30', '2026-03-01'));
    await expectExact(AROUND_DEFAULT);
    expect(await listed('vietgap', '2028-12-31')).toEqual(['cs-a']);
    expect(await listed('organic')).toEqual([]);

    await decide('cs-cert-a', 'verify', LATER(2));
    await expectExact(AROUND_B);
    expect(await listed('vietgap')).toEqual([]);
    expect(await listed('organic')).toEqual(['cs-a']);
    expect(await listed('organic', '2027-07-01')).toEqual([]);

    await decide('cs-cert-a', 'revoke', LATER(3));
    await expectExact();
    expect(await listed('organic')).toEqual([]);
    expect(await kept()).toEqual([]);
  }, 120_000);

  it('dates: not yet valid, valid from and until the day, expired, without end, edited awaiting re-verification', async () => {
    await addCertificate('cs-cert-b', 'cs-b', certificate('VG-B-1', 'vietgap', '2026-06-30', '2026-03-01'));
    await decide('cs-cert-b', 'verify');
    await expectExact(AROUND_B);
    expect((await kept()).length).toBe(1);
    expect(await listed('vietgap', '2026-02-28')).toEqual([]);
    expect(await listed('vietgap', '2026-03-01')).toEqual(['cs-b']);
    expect(await listed('vietgap', '2026-06-30')).toEqual(['cs-b']);
    expect(await listed('vietgap', '2026-07-01')).toEqual([]);
    expect(await listed('vietgap')).toEqual([]);

    // Renewed: the new dates wait for an officer, and until then the expired version is what counts.
    await edit('cs-cert-b', 'cs-b', certificate('VG-B-2', 'vietgap', '2027-06-30', '2026-03-01'));
    await expectExact(AROUND_B);
    expect(await listed('vietgap')).toEqual([]);
    await decide('cs-cert-b', 'verify', LATER(2));
    await expectExact(AROUND_B);
    expect(await listed('vietgap')).toEqual(['cs-b']);
    expect(await listed('vietgap', '2027-07-01')).toEqual([]);

    // No end date: valid from its first day on.
    await addCertificate('cs-cert-c', 'cs-c', certificate('HC-C-1', 'organic', null, '2027-07-01'));
    await decide('cs-cert-c', 'verify');
    await expectExact(AROUND_C);
    expect(await listed('organic', '2027-06-30')).toEqual([]);
    expect(await listed('organic', '2029-01-01')).toEqual(['cs-c']);

    await db.delete(certifications).where(eq(certifications.id, 'cs-cert-b'));
    await db.delete(certifications).where(eq(certifications.id, 'cs-cert-c'));
    await expectExact(AROUND_DEFAULT);
    expect(await kept()).toEqual([]);
  }, 120_000);

  it("a whole cooperative's certificate, its products added, moved and removed, revoked and deleted", async () => {
    await addCertificate('cs-cert-coop', null, certificate('VG-HTX-1', 'vietgap'));
    await decide('cs-cert-coop', 'verify');
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c']);

    // A product added later holds it from its first write.
    await addProduct('cs-d', 'ca phe moi d');
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c', 'cs-d']);

    // Moved to another cooperative, it no longer holds it; moved back, it does again.
    await db.update(products).set({ cooperativeId: otherCooperativeId }).where(eq(products.id, 'cs-d'));
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c']);
    await db.update(products).set({ cooperativeId }).where(eq(products.id, 'cs-d'));
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c', 'cs-d']);

    await db.delete(products).where(eq(products.id, 'cs-d'));
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a', 'cs-b', 'cs-c']);

    await decide('cs-cert-coop', 'revoke', LATER(4));
    await expectExact();
    expect(await listed('vietgap')).toEqual([]);

    await addCertificate('cs-cert-coop-2', null, certificate('HC-HTX-2', 'organic'));
    await decide('cs-cert-coop-2', 'verify');
    await expectExact();
    expect(await listed('organic')).toEqual(['cs-a', 'cs-b', 'cs-c']);
    await db.delete(certifications).where(eq(certifications.id, 'cs-cert-coop-2'));
    await expectExact();
    expect(await listed('organic')).toEqual([]);
  }, 120_000);

  it("the index's tags follow a product's words and status, and its cooperative's status", async () => {
    await addCertificate('cs-cert-status', 'cs-a', certificate('VG-S-1', 'vietgap'));
    await decide('cs-cert-status', 'verify');
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a']);

    // A new name rewrites the row's words and keeps its tags.
    await db.update(products).set({ searchName: 'ca phe robusta moi' }).where(eq(products.id, 'cs-a'));
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a']);

    await db.update(products).set({ status: 'unpublished' }).where(eq(products.id, 'cs-a'));
    await expectExact();
    expect(await listed('vietgap')).toEqual([]);
    await db.update(products).set({ status: 'published' }).where(eq(products.id, 'cs-a'));
    // A suspended cooperative's products leave every public search (the reference above knows no cooperative status).
    await db.update(cooperatives).set({ status: 'suspended' }).where(eq(cooperatives.id, cooperativeId));
    expect(await tagged()).toEqual(await taggable());
    expect(await listed('vietgap')).toEqual([]);
    await db.update(cooperatives).set({ status: 'active' }).where(eq(cooperatives.id, cooperativeId));
    await expectExact();
    expect(await listed('vietgap')).toEqual(['cs-a']);
  }, 120_000);
});
