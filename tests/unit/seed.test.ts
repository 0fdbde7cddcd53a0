import { describe, expect, it } from 'vitest';
import { CERTIFICATION_KINDS, OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { COOPERATIVE_KINDS } from '../../src/server/cooperatives/vocabulary';
import { EVENT_KINDS } from '../../src/server/events/vocabulary';
import { PROVENANCE_STEP_KINDS } from '../../src/server/provenance/vocabulary';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { gtinCheckDigit } from '../../src/server/db/seed/gtin';
import { findCommune } from '../../src/server/provinces/communes';
import { PROVINCES } from '../../src/server/provinces/reference';
import { Rng } from '../../src/server/db/seed/random';
import { generateScaleDataset } from '../../src/server/db/seed/scale';
import { slugify } from '../../src/server/search/slug';
import type { DemoDataset } from '../../src/server/db/seed/types';
import { DEMO_COOPERATIVES } from '../../src/server/db/seed/content/cooperatives';
import { DRAWN_PRODUCT_TYPES } from '../../scripts/lib/demo-pictures';

const NOW = new Date('2026-11-24T03:00:00Z');
const DAY = 86_400_000;
const demo = buildDemoDataset(NOW);

function unique<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

function time(value: Date | null | undefined): number {
  if (!(value instanceof Date)) throw new Error(`expected a Date, got ${String(value)}`);
  return value.getTime();
}

function validGtin(gtin: string): boolean {
  return /^\d{14}$/.test(gtin) && gtinCheckDigit(gtin.slice(0, 13)) === Number(gtin[13]);
}

function countBy<T>(items: readonly T[], key: (item: T) => unknown): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** How many of `records` name a commune; fails unless each is a unit of its province, spelled as the reference does. */
function placesInRealCommunes(records: readonly { provinceCode: string; commune?: string | null }[]): number {
  const places = records.flatMap((record) =>
    record.commune ? [{ provinceCode: record.provinceCode, commune: record.commune }] : [],
  );
  for (const { provinceCode, commune } of places) {
    const match = findCommune(provinceCode, commune);
    expect(match.status === 'found' && match.commune.label, `${provinceCode} ${commune}`).toBe(commune);
  }
  return places.length;
}

/** Checks that hold for any dataset, demo or scale. */
function expectConsistent(data: Omit<DemoDataset, 'provinces' | 'productTypes'>): void {
  const provinceCodes = new Set(PROVINCES.map((p) => p.code));
  const coopIds = new Set(data.cooperatives.map((c) => c.id));
  const productsById = new Map(data.products.map((p) => [p.id, p]));
  const batchIds = new Set(data.batches.map((b) => b.id));

  for (const c of data.cooperatives) expect(provinceCodes.has(c.provinceCode)).toBe(true);
  for (const l of data.valueChainLinks) expect(coopIds.has(l.cooperativeId)).toBe(true);
  for (const p of data.products) {
    expect(coopIds.has(p.cooperativeId)).toBe(true);
    expect(provinceCodes.has(p.provinceCode)).toBe(true);
  }
  for (const r of data.ocopRatings) expect(productsById.has(r.productId)).toBe(true);
  for (const c of data.certifications) {
    expect(coopIds.has(c.cooperativeId)).toBe(true);
    if (c.productId != null) expect(productsById.get(c.productId)?.cooperativeId).toBe(c.cooperativeId);
    if (c.validUntil != null) expect(c.validUntil >= c.validFrom).toBe(true);
    if (c.kind === 'geographic_indication') expect(c.validUntil).toBeNull();
  }
  for (const b of data.batches) expect(productsById.has(b.productId)).toBe(true);
  for (const s of data.provenanceSteps) {
    expect(batchIds.has(s.batchId)).toBe(true);
    if (s.provinceCode != null) expect(provinceCodes.has(s.provinceCode)).toBe(true);
  }
  for (const e of data.events) if (e.provinceCode != null) expect(provinceCodes.has(e.provinceCode)).toBe(true);

  const allIds = [
    data.cooperatives,
    data.valueChainLinks,
    data.products,
    data.ocopRatings,
    data.certifications,
    data.batches,
    data.provenanceSteps,
    data.events,
    data.eventRegistrations,
  ]
    .flat()
    .map((r) => r.id);
  expect(unique(allIds)).toBe(true);
  expect(unique(data.cooperatives.map((c) => c.slug))).toBe(true);
  expect(unique(data.cooperatives.map((c) => c.registrationCode))).toBe(true);
  expect(unique(data.products.map((p) => p.slug))).toBe(true);
  expect(unique(data.products.map((p) => p.traceCode))).toBe(true);
  expect(unique(data.events.map((e) => e.slug))).toBe(true);
  const gtins = data.products.flatMap((p) => (p.gtin ? [p.gtin] : []));
  expect(unique(gtins)).toBe(true);
  for (const g of gtins) {
    expect(g).toMatch(/^0893\d{10}$/);
    expect(validGtin(g)).toBe(true);
  }
  for (const p of data.products) expect(p.traceCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  for (const c of data.cooperatives) expect(c.registrationCode).toMatch(/^\d{10}$/);

  // The product's stars are those of its latest verified rating that was not revoked.
  const ratingsByProduct = new Map<string, typeof data.ocopRatings>();
  for (const r of data.ocopRatings)
    ratingsByProduct.set(r.productId, [...(ratingsByProduct.get(r.productId) ?? []), r]);
  for (const p of data.products) {
    const standing = (ratingsByProduct.get(p.id) ?? [])
      .filter((r) => r.status !== 'revoked' && r.verification === 'verified')
      .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))
      .at(-1);
    expect(p.ocopStars ?? null).toBe(standing?.stars ?? null);
  }
  for (const r of data.ocopRatings) expect(r.level).toBe(r.stars === 5 ? 'national' : 'province');

  // Provenance: ordered positions, chronological, never going back in the process, all in the past.
  const stepsByBatch = new Map<string, typeof data.provenanceSteps>();
  for (const s of data.provenanceSteps) stepsByBatch.set(s.batchId, [...(stepsByBatch.get(s.batchId) ?? []), s]);
  for (const b of data.batches) {
    const steps = stepsByBatch.get(b.id) ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(6);
    expect(steps.map((s) => s.position)).toEqual(steps.map((_, i) => i));
    for (let i = 1; i < steps.length; i++) {
      const [prev, next] = [steps[i - 1], steps[i]];
      expect(time(next?.occurredAt)).toBeGreaterThan(time(prev?.occurredAt));
      expect(PROVENANCE_STEP_KINDS.indexOf(next?.kind ?? 'planted')).toBeGreaterThan(
        PROVENANCE_STEP_KINDS.indexOf(prev?.kind ?? 'shipped'),
      );
    }
    for (const s of steps) expect(time(s.occurredAt)).toBeLessThan(NOW.getTime());
    expect(b.lotCode).toMatch(/^[A-Z0-9-]{1,20}$/);
    if (b.bestBefore != null) expect(b.bestBefore >= b.productionDate).toBe(true);
  }

  for (const e of data.events) {
    expect(time(e.endsAt)).toBeGreaterThanOrEqual(time(e.startsAt));
    expect(time(e.registrationClosesAt)).toBeLessThanOrEqual(time(e.startsAt));
    expect(time(e.registrationOpensAt)).toBeLessThanOrEqual(time(e.registrationClosesAt));
    expect(time(e.publishedAt)).toBeLessThanOrEqual(NOW.getTime());
    // All-day events start at local midnight, 17:00 UTC the day before.
    if (e.allDay) expect(time(e.startsAt) % DAY).toBe(17 * 3_600_000);
  }

  const eventsById = new Map(data.events.map((e) => [e.id, e]));
  const registrationsById = new Map(data.eventRegistrations.map((r) => [r.id, r]));
  expect(unique(data.eventRegistrations.map((r) => `${r.eventId} ${r.cooperativeId}`))).toBe(true);
  for (const r of data.eventRegistrations) {
    expect(eventsById.get(r.eventId)?.venue).toBeTruthy();
    expect(coopIds.has(r.cooperativeId)).toBe(true);
    expect(r.booths).toBeGreaterThanOrEqual(1);
  }
  for (const shown of data.eventRegistrationProducts) {
    const registration = registrationsById.get(shown.registrationId);
    expect(productsById.get(shown.productId)?.cooperativeId).toBe(registration?.cooperativeId);
    expect(productsById.get(shown.productId)?.status).toBe('published');
  }
  // booths_taken counts confirmed and pending booths, within capacity (the schema's CHECK).
  for (const e of data.events) {
    const held = data.eventRegistrations
      .filter((r) => r.eventId === e.id && (r.status === 'confirmed' || r.status === 'pending'))
      .reduce((sum, r) => sum + r.booths, 0);
    expect(e.boothsTaken ?? 0).toBe(Math.min(held, e.boothCapacity ?? 0));
  }
}

describe('slugify', () => {
  it('strips Vietnamese marks, đ included', () => {
    expect(slugify('Hà Nội')).toBe('ha-noi');
    expect(slugify('Thành phố Hồ Chí Minh')).toBe('thanh-pho-ho-chi-minh');
    expect(slugify('Đắk Lắk')).toBe('dak-lak');
    expect(slugify('Bà Rịa – Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(slugify('  Nước mắm Phú Quốc 40 độ đạm! ')).toBe('nuoc-mam-phu-quoc-40-do-dam');
  });
});

describe('gtinCheckDigit', () => {
  it('computes the GS1 mod-10 check digit', () => {
    expect(gtinCheckDigit('629104150021')).toBe(3);
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('0629104150021')).toBe(3);
  });
});

describe('Rng', () => {
  it('is deterministic and gives 16-character ids', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    expect([a.id(), a.int(1, 6), a.pick(['p', 'q'])]).toEqual([b.id(), b.int(1, 6), b.pick(['p', 'q'])]);
    expect(new Rng(7).id('k')).toMatch(/^k[0-9a-hjkmnp-tv-z]{15}$/);
  });
});

describe('PROVINCES', () => {
  it('lists the 34 units in force since 1 July 2025', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(unique(PROVINCES.map((p) => p.code))).toBe(true);
    expect(unique(PROVINCES.map((p) => p.slug))).toBe(true);
    expect(
      PROVINCES.filter((p) => p.kind === 'city')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['01', '31', '46', '48', '79', '92']);
    const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
    expect(byCode.get('79')).toMatchObject({
      slug: 'thanh-pho-ho-chi-minh',
      nameEn: 'Ho Chi Minh City',
      formedFrom: ['Bình Dương', 'Bà Rịa – Vũng Tàu'],
    });
    expect(byCode.get('24')).toMatchObject({ nameVi: 'Bắc Ninh', formedFrom: ['Bắc Giang'], seat: 'Bắc Giang' });
    expect(byCode.get('66')).toMatchObject({ slug: 'dak-lak', seat: 'Buôn Ma Thuột' });
    expect(byCode.get('01')?.formedFrom).toEqual([]);
    expect(PROVINCES.flatMap((p) => p.formedFrom ?? [])).toHaveLength(29);
  });
});

describe('buildDemoDataset', () => {
  it('is internally consistent', () => {
    expect(demo.provinces).toHaveLength(34);
    expectConsistent(demo);
  });

  it('is deterministic, and ids and slugs do not depend on the date', () => {
    expect(buildDemoDataset(NOW)).toEqual(demo);
    const later = buildDemoDataset(new Date('2027-03-01T00:00:00Z'));
    expect(later.products.map((p) => [p.id, p.slug, p.traceCode, p.gtin])).toEqual(
      demo.products.map((p) => [p.id, p.slug, p.traceCode, p.gtin]),
    );
    expect(later.cooperatives.map((c) => c.id)).toEqual(demo.cooperatives.map((c) => c.id));
    expect(later.batches.map((b) => b.id)).toEqual(demo.batches.map((b) => b.id));
  });

  it('has cooperatives of every kind across many provinces', () => {
    const coops = demo.cooperatives;
    expect(coops.length).toBeGreaterThanOrEqual(60);
    const kinds = countBy(coops, (c) => c.kind);
    for (const kind of COOPERATIVE_KINDS) expect(kinds.get(kind)).toBeGreaterThan(0);
    expect(kinds.get('hop_tac_xa')).toBeGreaterThan(coops.length / 2);
    expect(new Set(coops.map((c) => c.provinceCode)).size).toBeGreaterThanOrEqual(15);
    for (const c of coops) {
      expect(c.foundedYear).toBeGreaterThanOrEqual(1997);
      expect(c.foundedYear).toBeLessThanOrEqual(2024);
      expect(c.members).toBeGreaterThanOrEqual(7);
      expect(c.members).toBeLessThanOrEqual(800);
      expect(c.phone).toMatch(/^\+84[35789]\d{8}$/);
      expect(c.zalo).toBe(c.phone?.slice(1));
      expect(c.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.example\.vn$/);
      if (c.website != null) expect(c.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.vn$/);
      expect(c.isDemo).toBe(true);
      expect(c.status).toBe('active');
      expect(c.descriptionVi).not.toBe('');
      expect(c.descriptionEn).not.toBe('');
      if (c.classification != null) expect(c.classificationYear).toBe(2025);
    }
    expect(coops.filter((c) => c.verified).length).toBeGreaterThan(coops.length * 0.7);
    expect(coops.filter((c) => c.classification != null).length).toBeGreaterThan(coops.length * 0.7);
    expect(coops.some((c) => c.website != null)).toBe(true);
    const linked = new Set(demo.valueChainLinks.map((l) => l.cooperativeId)).size;
    expect(linked).toBeGreaterThan(coops.length * 0.3);
    expect(linked).toBeLessThan(coops.length * 0.7);
  });

  it('places cooperatives and products in communes of their provinces, as the reference spells them', () => {
    expect(placesInRealCommunes([...demo.cooperatives, ...demo.products])).toBeGreaterThan(demo.cooperatives.length);
  });

  it('has products of every OCOP group and star level', () => {
    const products = demo.products;
    expect(products.length).toBeGreaterThanOrEqual(300);
    const groups = new Set(products.map((p) => p.ocopGroup));
    for (const group of OCOP_GROUPS) expect(groups.has(group)).toBe(true);
    const stars = countBy(products, (p) => p.ocopStars ?? null);
    for (const s of [3, 4, 5]) expect(stars.get(s)).toBeGreaterThan(0);
    expect(stars.get(5) ?? 0).toBeLessThan(products.length * 0.1);
    expect(products.filter((p) => p.ocopStars != null).length).toBeGreaterThan(products.length * 0.8);
    const statuses = countBy(products, (p) => p.status);
    expect(statuses.get('published')).toBeGreaterThan(products.length * 0.9);
    expect(statuses.get('draft')).toBeGreaterThan(0);
    expect(statuses.get('submitted')).toBeGreaterThan(0);
    for (const p of products) {
      if (p.status === 'published') expect(time(p.publishedAt)).toBeLessThan(NOW.getTime());
      else expect(p.publishedAt ?? null).toBeNull();
      if (p.priceVnd != null) expect(Number.isInteger(p.priceVnd) && p.priceVnd > 0).toBe(true);
      expect(p.minOrder ?? 1).toBeGreaterThanOrEqual(1);
      expect(p.nameEn).not.toBe('');
      expect(p.descriptionEn).not.toBe('');
    }
    expect(products.some((p) => p.priceVnd == null)).toBe(true);
    expect(products.some((p) => p.seasonVi != null)).toBe(true);
    const withGtin = products.filter((p) => p.gtin != null).length / products.length;
    expect(withGtin).toBeGreaterThan(0.6);
    expect(withGtin).toBeLessThan(0.8);
    const coopProvince = new Map(demo.cooperatives.map((c) => [c.id, c.provinceCode]));
    expect(products.filter((p) => p.provinceCode === coopProvince.get(p.cooperativeId)).length).toBeGreaterThan(
      products.length * 0.8,
    );
    const formerly = new Set(products.map((p) => p.originFormerly));
    expect(formerly.has('Lục Ngạn, Bắc Giang')).toBe(true);
    expect(formerly.has('Phú Quốc, Kiên Giang')).toBe(true);
  });

  it('dates OCOP decisions from 2021 to last month, some past their 36 months', () => {
    for (const r of demo.ocopRatings) {
      expect(r.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.decisionDate >= '2021-01-01' && r.decisionDate <= '2026-10-31').toBe(true);
      expect(r.decisionNumber).toMatch(r.level === 'national' ? /^\d+\/QĐ-BNN-KTHT$/ : /^\d+\/QĐ-UBND$/);
    }
    const expired = demo.ocopRatings.filter((r) => r.decisionDate < '2023-11-24');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length).toBeLessThan(demo.ocopRatings.length);
  });

  it('gives geographic indications where they really exist', () => {
    const certs = demo.certifications;
    const kinds = new Set(certs.map((c) => c.kind));
    for (const kind of CERTIFICATION_KINDS) expect(kinds.has(kind)).toBe(true);
    expect(certs.some((c) => c.validUntil != null && c.validUntil < '2026-11-24')).toBe(true);
    expect(certs.some((c) => c.productId == null)).toBe(true);
    const kindsOf = (name: RegExp): Set<string> => {
      const ids = new Set(demo.products.filter((p) => name.test(p.nameVi)).map((p) => p.id));
      expect(ids.size).toBeGreaterThan(0);
      return new Set(certs.filter((c) => c.productId != null && ids.has(c.productId)).map((c) => c.kind));
    };
    for (const name of [
      /^Vải thiều Lục Ngạn/,
      /^Nước mắm Phú Quốc/,
      /^Chè .*Tân Cương/,
      /Buôn Ma Thuột/,
      /^Bưởi Năm Roi/,
      /^Nhãn lồng Hưng Yên/,
    ]) {
      expect(kindsOf(name).has('geographic_indication')).toBe(true);
    }
    const st25 = kindsOf(/^Gạo ST25/);
    expect(st25.has('collective_trademark')).toBe(true);
    expect(st25.has('geographic_indication')).toBe(false);
  });

  it('gives every physical product 1-3 batches with provenance', () => {
    const batchesByProduct = countBy(demo.batches, (b) => b.productId);
    for (const p of demo.products) {
      const n = batchesByProduct.get(p.id) ?? 0;
      if (p.ocopGroup === 'du_lich_cong_dong') expect(n).toBe(0);
      else {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(3);
      }
    }
    expect(unique(demo.batches.map((b) => `${b.productId}/${b.lotCode}`))).toBe(true);
    const located = demo.provenanceSteps.filter((s) => s.latitude != null && s.longitude != null);
    expect(located.length).toBeGreaterThan(0);
    for (const s of located) {
      expect(s.latitude).toBeGreaterThan(8.3);
      expect(s.latitude).toBeLessThan(23.5);
      expect(s.longitude).toBeGreaterThan(102);
      expect(s.longitude).toBeLessThan(110);
    }
    const actors = new Set(demo.provenanceSteps.map((s) => s.actorKind));
    expect([...actors].sort()).toEqual(['cooperative', 'inspection_body', 'partner']);
    expect(countBy(demo.provenanceSteps, (s) => s.batchId).size).toBe(demo.batches.length);
  });

  it('has events of every kind, past and over the next twelve months', () => {
    const events = demo.events;
    expect(events.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of EVENT_KINDS) expect(kinds.has(kind)).toBe(true);
    const past = events.filter((e) => time(e.endsAt) < NOW.getTime());
    const future = events.filter((e) => time(e.startsAt) > NOW.getTime());
    expect(past.length).toBeGreaterThan(0);
    expect(future.length).toBeGreaterThan(events.length / 2);
    for (const e of future) expect(time(e.startsAt)).toBeLessThan(NOW.getTime() + 370 * DAY);
    expect(events.some((e) => e.allDay && time(e.endsAt) - time(e.startsAt) >= 3 * DAY)).toBe(true);
    const online = events.filter((e) => e.onlineUrl != null);
    expect(online.length).toBeGreaterThan(0);
    for (const e of online) expect(e.provinceCode ?? null).toBeNull();
    const cancelled = events.filter((e) => e.status === 'cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.cancelReason).toBeTruthy();
    expect(events.filter((e) => e.status === 'published')).toHaveLength(events.length - 1);
    for (const e of events) {
      if (e.kind === 'fair' || e.kind === 'ocop_market') expect(e.boothCapacity).toBeGreaterThan(0);
      expect(e.isDemo).toBe(true);
      expect(e.titleEn).not.toBe('');
    }
    expect(events.some((e) => e.seriesId != null)).toBe(true);
    // Some events already have cooperatives confirmed, so their pages show who takes part.
    const confirmed = demo.eventRegistrations.filter((r) => r.status === 'confirmed');
    expect(new Set(confirmed.map((r) => r.eventId)).size).toBeGreaterThan(3);
    expect(demo.eventRegistrationProducts.length).toBeGreaterThan(0);
  });

  it('writes natural Vietnamese with diacritics, đ included', () => {
    const names = [
      ...demo.cooperatives.map((c) => c.name),
      ...demo.products.map((p) => p.nameVi),
      ...demo.events.map((e) => e.titleVi),
    ];
    expect(names.some((n) => /[đĐ]/.test(n))).toBe(true);
    expect(names.filter((n) => /[ăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(n)).length).toBeGreaterThan(
      names.length * 0.8,
    );
    expect(demo.cooperatives.map((c) => c.descriptionVi).join(' ')).toMatch(/đ/);
  });
});

describe('demo pictures', () => {
  it('knows the product type of every demo product, and every type has a drawing', () => {
    const demo = buildDemoDataset(NOW);
    expect(demo.productTypes.size).toBe(demo.products.length);
    for (const key of new Set(demo.productTypes.values())) expect(DRAWN_PRODUCT_TYPES).toContain(key);
    for (const seed of DEMO_COOPERATIVES) expect(seed.types[0]).toBeDefined();
  });
});

describe('generateScaleDataset', () => {
  const chunks = [...generateScaleDataset({ cooperatives: 500, products: 2000, events: 100, now: NOW })];
  const data: Omit<DemoDataset, 'provinces' | 'productTypes'> = {
    cooperatives: [],
    valueChainLinks: [],
    products: [],
    ocopRatings: [],
    certifications: [],
    batches: [],
    provenanceSteps: [],
    // Nor lab reports: the demo's two are on a demo member's batch.
    labReports: [],
    events: [],
    // The scale dataset has no registrations; the demo's are checked by expectConsistent too.
    eventRegistrations: [],
    eventRegistrationProducts: [],
  };
  for (const chunk of chunks) {
    switch (chunk.table) {
      case 'cooperatives':
        data.cooperatives.push(...chunk.rows);
        break;
      case 'valueChainLinks':
        data.valueChainLinks.push(...chunk.rows);
        break;
      case 'products':
        data.products.push(...chunk.rows);
        break;
      case 'ocopRatings':
        data.ocopRatings.push(...chunk.rows);
        break;
      case 'certifications':
        data.certifications.push(...chunk.rows);
        break;
      case 'batches':
        data.batches.push(...chunk.rows);
        break;
      case 'provenanceSteps':
        data.provenanceSteps.push(...chunk.rows);
        break;
      case 'events':
        data.events.push(...chunk.rows);
        break;
    }
  }

  it('yields the requested counts, parents before children', () => {
    expect(data.cooperatives).toHaveLength(500);
    expect(data.products).toHaveLength(2000);
    expect(data.events).toHaveLength(100);
    const firstProduct = chunks.findIndex((c) => c.table === 'products');
    const lastCooperative = chunks.map((c) => c.table).lastIndexOf('cooperatives');
    expect(lastCooperative).toBeLessThan(firstProduct);
    for (const c of chunks) expect(c.rows.length).toBeLessThanOrEqual(10_000);
    expect(new Set(data.cooperatives.map((c) => c.provinceCode)).size).toBe(34);
    expect(new Set(data.products.map((p) => p.cooperativeId)).size).toBe(500);
  });

  it('resolves every reference and keeps unique values unique', () => {
    expectConsistent(data);
  });

  it('places cooperatives and products in real communes of their provinces', () => {
    expect(placesInRealCommunes([...data.cooperatives, ...data.products])).toBeGreaterThanOrEqual(
      data.cooperatives.length,
    );
    // Spread over each province's communes, not one per province.
    expect(new Set(data.cooperatives.map((c) => c.commune)).size).toBeGreaterThan(PROVINCES.length * 3);
  });

  it('never collides with the demo dataset', () => {
    const pairs: [string, string[], string[]][] = [
      [
        'ids',
        Object.values(data)
          .flat()
          .flatMap((r) => ('id' in r ? [r.id] : [])),
        Object.values(demo)
          .flat()
          .flatMap((r) => ('id' in r ? [r.id] : [])),
      ],
      ['cooperative slugs', data.cooperatives.map((c) => c.slug), demo.cooperatives.map((c) => c.slug)],
      [
        'registration codes',
        data.cooperatives.map((c) => c.registrationCode),
        demo.cooperatives.map((c) => c.registrationCode),
      ],
      ['product slugs', data.products.map((p) => p.slug), demo.products.map((p) => p.slug)],
      ['trace codes', data.products.map((p) => p.traceCode), demo.products.map((p) => p.traceCode)],
      [
        'gtins',
        data.products.flatMap((p) => (p.gtin ? [p.gtin] : [])),
        demo.products.flatMap((p) => (p.gtin ? [p.gtin] : [])),
      ],
      ['event slugs', data.events.map((e) => e.slug), demo.events.map((e) => e.slug)],
    ];
    for (const [label, scale, fromDemo] of pairs) {
      const demoValues = new Set(fromDemo);
      expect(
        scale.filter((v) => demoValues.has(v)),
        label,
      ).toEqual([]);
    }
  });

  it('is deterministic per seed and streams without building everything first', () => {
    const again = generateScaleDataset({ cooperatives: 500, products: 2000, events: 100, now: NOW }).next();
    expect(again.value).toEqual(chunks[0]);
    const other = generateScaleDataset({ cooperatives: 10, products: 0, events: 0, now: NOW, seed: 2 }).next();
    expect(other.value?.rows[0]?.id).not.toBe(data.cooperatives[0]?.id);
    const started = Date.now();
    const national = generateScaleDataset({ cooperatives: 50_000, products: 200_000, events: 5_000, now: NOW });
    const first = national.next();
    expect(first.value?.table).toBe('cooperatives');
    expect(first.value?.rows).toHaveLength(1000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
