/**
 * A claim (OCOP rating, certificate) reaches the public only once an officer
 * verified it: pages' loaders and the API (product, cooperative, trace,
 * star and certification filters) and the derived ocop_stars that
 * statistics, featured products, directory and open data read.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordVerifiedVersions } from '../../src/server/claims/verified-version';
import type { ClaimState } from '../../src/server/claims/vocabulary';
import type { Database } from '../../src/server/db/client';
import { batches, certifications, cooperatives, ocopRatings, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { DEMO_VERIFIER_ID } from '../../src/server/db/seed/claims';
import { refreshOcopStars } from '../../src/server/products/ocop-stars';
import { vietnamDate } from '../../src/server/time/vietnam';
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

async function get(path: string): Promise<unknown> {
  const res = await call(api, path);
  expect(res.status, path).toBe(200);
  return readJson(res);
}

describe('the demo seed', () => {
  it('has its claims verified by the demo officer, and a few waiting, sent back and rejected', async () => {
    for (const table of [ocopRatings, certifications]) {
      const rows = await db
        .select({ state: table.verification, by: table.verifiedBy, at: table.verifiedAt })
        .from(table);
      const states = new Set(rows.map((row) => row.state));
      expect(states.has('verified')).toBe(true);
      for (const row of rows.filter((r) => r.state === 'verified')) {
        expect(row.by).toBe(DEMO_VERIFIER_ID);
        expect(row.at?.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    const waiting = await db.all<{ state: ClaimState }>(
      sql`SELECT verification AS state FROM certifications WHERE verification <> 'verified'
        UNION ALL SELECT verification FROM ocop_ratings WHERE verification NOT IN ('verified', 'revoked')`,
    );
    expect(new Set(waiting.map((row) => row.state))).toEqual(new Set(['pending', 'needs_evidence', 'rejected']));
  });
});

describe('a claim nobody verified', () => {
  it('shows on no public page or API answer and counts in no filter, star or statistic until verified', async () => {
    // A published product of an active cooperative with a batch (for its trace page) and no valid stars.
    const [target] = await db
      .select({
        id: products.id,
        slug: products.slug,
        traceCode: products.traceCode,
        cooperativeId: products.cooperativeId,
        cooperativeSlug: cooperatives.slug,
        lotCode: batches.lotCode,
      })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .innerJoin(batches, eq(batches.productId, products.id))
      .where(
        and(
          eq(products.status, 'published'),
          eq(cooperatives.status, 'active'),
          sql`${products.ocopStars} IS NULL`,
          sql`NOT EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = ${products.id} AND c.kind = 'organic')`,
        ),
      )
      .limit(1);
    if (!target) throw new Error('the demo has a published product without stars and with a batch');
    const today = vietnamDate(now);
    await db.insert(ocopRatings).values({
      id: 'claim-test-rating',
      productId: target.id,
      stars: 5,
      level: 'national',
      decisionNumber: '999/QĐ-CHUA-XAC-MINH',
      decisionDate: today,
      submittedAt: now,
    });
    await db.insert(certifications).values([
      {
        id: 'claim-test-organic',
        productId: target.id,
        cooperativeId: target.cooperativeId,
        kind: 'organic',
        number: 'ORGANIC-CHUA-XAC-MINH',
        issuer: 'Tổ chức thử',
        validFrom: today,
        validUntil: null,
        submittedAt: now,
      },
      {
        id: 'claim-test-cooperative',
        productId: null,
        cooperativeId: target.cooperativeId,
        kind: 'iso22000',
        number: 'ISO-HTX-CHUA-XAC-MINH',
        issuer: 'Tổ chức thử',
        validFrom: today,
        validUntil: null,
        submittedAt: now,
      },
    ]);
    const numbers = ['999/QĐ-CHUA-XAC-MINH', 'ORGANIC-CHUA-XAC-MINH', 'ISO-HTX-CHUA-XAC-MINH'];
    const publicAnswers = async () =>
      JSON.stringify([
        await get(`/products/${target.slug}`),
        await get(`/cooperatives/${target.cooperativeSlug}`),
        await get(`/trace/codes/${target.traceCode}/${encodeURIComponent(target.lotCode)}`),
      ]);
    const listed = async (query: string) => {
      const body = (await get(`/products?${query}&limit=100&q=${encodeURIComponent(target.slug)}`)) as {
        items: { slug: string }[];
      };
      return body.items.some((item) => item.slug === target.slug);
    };
    const stars = async () =>
      (await db.select({ stars: products.ocopStars }).from(products).where(eq(products.id, target.id)))[0]?.stars;

    const states: ClaimState[] = ['pending', 'needs_evidence', 'rejected'];
    for (const state of states) {
      await db.update(ocopRatings).set({ verification: state }).where(eq(ocopRatings.id, 'claim-test-rating'));
      await db
        .update(certifications)
        .set({ verification: state })
        .where(sql`${certifications.id} IN ('claim-test-organic', 'claim-test-cooperative')`);
      await refreshOcopStars(db, today);
      const answers = await publicAnswers();
      for (const number of numbers) expect(answers, `${state}: ${number}`).not.toContain(number);
      expect(await stars(), state).toBeNull();
      expect(await listed('stars=5'), state).toBe(false);
      expect(await listed('certification=organic'), state).toBe(false);
      expect(await listed('certification=iso22000'), state).toBe(false);
    }

    // Verified, the same claims show and count everywhere: the checks above can fail.
    await db.update(ocopRatings).set({ verification: 'verified' }).where(eq(ocopRatings.id, 'claim-test-rating'));
    await db
      .update(certifications)
      .set({ verification: 'verified' })
      .where(sql`${certifications.id} IN ('claim-test-organic', 'claim-test-cooperative')`);
    // As an officer's verification writes it: the verified version is what the public reads.
    await recordVerifiedVersions(db);
    await refreshOcopStars(db, today);
    const answers = await publicAnswers();
    for (const number of numbers) expect(answers).toContain(number);
    expect(await stars()).toBe(5);
    expect(await listed('stars=5')).toBe(true);
    expect(await listed('certification=organic')).toBe(true);
    expect(await listed('certification=iso22000')).toBe(true);

    // Revoked, a certificate leaves the public pages: nothing there could say it is no longer valid.
    await db
      .update(certifications)
      .set({ verification: 'revoked' })
      .where(sql`${certifications.id} IN ('claim-test-organic', 'claim-test-cooperative')`);
    const afterRevocation = await publicAnswers();
    for (const number of numbers.slice(1)) expect(afterRevocation).not.toContain(number);
    expect(await listed('certification=organic')).toBe(false);
  });
});
