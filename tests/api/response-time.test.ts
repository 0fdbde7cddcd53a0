/**
 * How quickly a cooperative answers, as buyers read it before they write:
 * the median over the last 12 months' answered inquiries, spam and other
 * cooperatives left out, and nothing said under MIN_ANSWERED answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { inquiries, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { ANSWERING_COOPERATIVES } from '../../src/server/db/seed/inquiries';
import { count, eq } from 'drizzle-orm';
import { MIN_ANSWERED, responseTimeOf } from '../../src/server/inquiries/response-time';
import { findInquiryTarget } from '../../src/server/inquiries/target';
import { getPublicProduct } from '../../src/server/products/product-detail';
import { createTestCooperative } from '../support/accounts';
import { bothStores } from '../support/stores';
import { DEMO_NOW, demoDatabase } from '../support/demo';

const NOW = new Date('2026-12-01T03:00:00Z');
const HOUR = 3_600_000;

describe.each(bothStores('response-time'))('response time on $name', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperative: string;
  let other: string;

  /** An inquiry that arrived `daysAgo` and was first answered `afterHours` later (null: not yet). */
  async function inquiry(
    to: string,
    daysAgo: number,
    afterHours: number | null,
    status: 'replied' | 'spam' = 'replied',
  ) {
    const createdAt = new Date(NOW.getTime() - daysAgo * 24 * HOUR);
    await db.insert(inquiries).values({
      id: newId(),
      reference: `HTX-${newId().slice(0, 9)}`,
      cooperativeId: to,
      buyerName: 'Người mua',
      email: 'nguoimua@example.vn',
      country: 'VN',
      message: 'Xin báo giá.',
      locale: 'vi',
      consentToContact: true,
      status: afterHours === null && status === 'replied' ? 'new' : status,
      firstRepliedAt: afterHours === null ? null : new Date(createdAt.getTime() + afterHours * HOUR),
      createdAt,
    });
  }

  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await seedReferenceData(db);
    cooperative = await createTestCooperative(db);
    other = await createTestCooperative(db);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it(`says nothing under ${MIN_ANSWERED} answered inquiries, then the median of the year's answers`, async () => {
    await inquiry(cooperative, 10, 2);
    await inquiry(cooperative, 20, 30);
    expect(await responseTimeOf(db, cooperative, NOW)).toEqual({ medianHours: null, answered: 2, received: 2 });
    await inquiry(cooperative, 30, 5);
    await inquiry(cooperative, 40, null);
    // Left out: older than a year, spam, and another cooperative's quick answers.
    await inquiry(cooperative, 400, 1000);
    await inquiry(cooperative, 5, 900, 'spam');
    for (const day of [1, 2, 3, 4]) await inquiry(other, day, 0.5);
    expect(await responseTimeOf(db, cooperative, NOW)).toEqual({ medianHours: 5, answered: 3, received: 4 });
    expect((await responseTimeOf(db, other, NOW)).medianHours).toBe(0.5);
  });

  it('comes with the inquiry form’s target', async () => {
    const target = await findInquiryTarget(db, { cooperative: `htx-test-${cooperative}` }, NOW);
    expect(target?.responseTime.medianHours).toBe(5);
    expect(target).not.toHaveProperty('cooperativeId');
  });

  it('comes with the public product, beside whose inquiry form it is shown', async () => {
    const id = newId();
    await db.insert(products).values({
      id,
      slug: `sp-tra-loi-${id}`,
      cooperativeId: cooperative,
      nameVi: 'Sản phẩm thử',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      traceCode: `R${id.slice(0, 10)}`,
      unitVi: 'kg',
      unitEn: 'kg',
      status: 'published',
    });
    expect((await getPublicProduct(db, `sp-tra-loi-${id}`, NOW)).responseTime).toEqual({
      medianHours: 5,
      answered: 3,
      received: 4,
    });
  });
});

describe('the demo seed', () => {
  it('gives a few cooperatives answered threads, so the demo shows a response time', async () => {
    const db = await demoDatabase();
    const data = buildDemoDataset(DEMO_NOW);
    for (const index of ANSWERING_COOPERATIVES) {
      const time = await responseTimeOf(db, data.cooperatives[index]!.id, DEMO_NOW);
      expect(time.answered, `cooperative ${index}`).toBeGreaterThanOrEqual(MIN_ANSWERED);
      expect(time.medianHours, `cooperative ${index}`).toBeGreaterThan(0);
    }
    // The demo accounts' own cooperatives start with empty inboxes.
    expect((await responseTimeOf(db, data.cooperatives[0]!.id, DEMO_NOW)).medianHours).toBeNull();
    // Seeding again adds nothing.
    await seedDemoData(db, DEMO_NOW);
    expect(
      (await db.select({ n: count() }).from(inquiries).where(eq(inquiries.cooperativeId, data.cooperatives[2]!.id)))[0]
        ?.n,
    ).toBe(4);
  });
});
