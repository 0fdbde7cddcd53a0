/**
 * The demo catalogue: fictional cooperatives in real provinces, real product
 * types, fairs around `now`. Every id, slug and code comes from a random
 * stream keyed by the row's place in the content (not by `now`), so seeding
 * again on another day finds the same rows and inserts nothing twice.
 */
import type { ProductStatus } from '../../products/vocabulary';
import { UniqueDraws, demoTraceCode } from './codes';
import { claimsInReview, demoLabReports } from './claims';
import { buildCooperative, type ChildTable, type NextId } from './cooperative';
import { DEMO_COOPERATIVES } from './content/cooperatives';
import { EVENT_TEMPLATES, type EventTemplate } from './content/events';
import { buildEvent, type EventPlan } from './events';
import { gtin14FromBody } from './gtin';
import { type BundleShape, buildProductBundle, productNames } from './product';
import { PROVINCES } from '../../provinces/reference';
import { hashSeed, Rng } from './random';
import { buildRegistrations } from './registrations';
import { slugify } from '../../search/slug';
import { localDay, vnInstant, vnMidnight } from './time';
import type { DemoDataset } from './types';
import { DEMO_WHOLESALE, demoWholesaleTerms } from './content/wholesale';

export type { DemoDataset } from './types';

const DEMO_SEED = 'cho-htx-demo-1';

const DEMO_SHAPE: BundleShape = { batches: [1, 3], steps: [3, 6], ratedShare: 0.93, extraCertChance: 0.3 };

function keyed(...key: readonly (string | number)[]): Rng {
  return new Rng(hashSeed(DEMO_SEED, ...key));
}

/** Child ids keyed by owner, table and position, e.g. the second batch of a product. */
function childIds(...owner: readonly (string | number)[]): NextId {
  const counters = new Map<ChildTable, number>();
  return (table) => {
    const n = counters.get(table) ?? 0;
    counters.set(table, n + 1);
    return keyed('id', ...owner, table, n).id();
  };
}

/** A few products are still in moderation, so the moderation queue has work. */
function demoStatus(index: number): ProductStatus {
  if (index % 40 === 17) return 'submitted';
  if (index % 53 === 31) return 'draft';
  return 'published';
}

/** Provinces that host the demo's one-off events, in rotation. */
const EVENT_PROVINCES = [
  '24',
  '66',
  '79',
  '48',
  '92',
  '19',
  '56',
  '68',
  '40',
  '46',
  '31',
  '91',
  '15',
  '37',
  '82',
  '01',
  '22',
  '86',
  '52',
  '33',
];
const ONE_OFF_EVENTS = 28;
const SERIES_MONTHS = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

function template(kind: EventTemplate['kind'], titleStart: string): EventTemplate {
  const found = EVENT_TEMPLATES.find((t) => t.kind === kind && t.titleVi.startsWith(titleStart));
  if (!found) throw new Error(`no ${kind} template "${titleStart}"`);
  return found;
}

/** The second Friday of a local month: Hà Nội's monthly OCOP market runs Friday to Sunday. */
function secondFriday(year: number, month: number): Date {
  const first = vnInstant(year, month, 1);
  const weekday = new Date(first.getTime() + 7 * 3_600_000).getUTCDay();
  return vnInstant(year, month, 1 + ((5 - weekday + 7) % 7) + 7);
}

function eventPlans(now: Date): EventPlan[] {
  const plans: EventPlan[] = [];
  const { year, month } = localDay(now);
  const market = template('ocop_market', 'Phiên chợ OCOP');
  const seriesId = keyed('id', 'series', 'ha-noi-ocop-market').id();
  for (const offset of SERIES_MONTHS) {
    const first = vnInstant(year, month + offset, 1);
    const local = localDay(first);
    plans.push({ template: market, provinceCode: '01', firstDay: secondFriday(local.year, local.month), seriesId });
  }
  const oneOff = EVENT_TEMPLATES.filter((t) => t !== market);
  let future = 0;
  for (let i = 0; i < ONE_OFF_EVENTS; i++) {
    const rng = keyed('event-plan', i);
    const dayOffset = Math.round(-150 + (i * 515) / (ONE_OFF_EVENTS - 1)) + rng.int(-5, 5);
    if (dayOffset > 0) future++;
    plans.push({
      template: oneOff[i % oneOff.length] as EventTemplate,
      provinceCode: EVENT_PROVINCES[i % EVENT_PROVINCES.length] ?? '01',
      firstDay: vnMidnight(now, dayOffset),
      // One upcoming event is called off, so calendars and pages show a cancellation.
      cancelled: dayOffset > 0 && future === 3,
    });
  }
  return plans;
}

export function buildDemoDataset(now: Date): DemoDataset {
  const data: DemoDataset = {
    provinces: PROVINCES.map((p) => ({ ...p, formedFrom: [...(p.formedFrom ?? [])] })),
    cooperatives: [],
    valueChainLinks: [],
    products: [],
    ocopRatings: [],
    certifications: [],
    batches: [],
    provenanceSteps: [],
    labReports: [],
    events: [],
    eventRegistrations: [],
    eventRegistrationProducts: [],
    productTypes: new Map(),
  };
  const unique = new UniqueDraws();
  let productIndex = 0;
  /** Product types whose first published product got the demo wholesale terms (./content/wholesale.ts). */
  const withWholesale = new Set<string>();

  DEMO_COOPERATIVES.forEach((seed, ci) => {
    const identity = keyed('identity', 'cooperative', ci);
    const id = identity.id();
    const registrationCode = unique.draw(
      'registration',
      () => `${seed.provinceCode}${identity.int(0, 8)}${identity.digits(7)}`,
    );
    // One GS1 company prefix per cooperative (893 + 4 digits), item references counted from a random start.
    const companyPrefix = unique.draw('gs1', () => `893${identity.int(0, 4)}${identity.digits(3)}`);
    let itemReference = identity.int(0, 90_000);
    const coop = buildCooperative(
      keyed('cooperative', ci),
      seed,
      { id, slug: unique.slug('cooperative', slugify(seed.name)), registrationCode },
      now,
      childIds('cooperative', ci),
    );
    data.cooperatives.push(coop.row);
    data.valueChainLinks.push(...coop.links);
    data.certifications.push(...coop.certifications);

    coop.context.types.forEach((type, ti) => {
      type.variants.forEach((variant, vi) => {
        const key = ['product', ci, ti, vi] as const;
        const productIdentity = keyed('identity', ...key);
        const productId = productIdentity.id();
        const traceCode = unique.draw('trace', () => demoTraceCode(productIdentity));
        const hasGtin = productIdentity.chance(0.7);
        const gtin = hasGtin
          ? gtin14FromBody(`${companyPrefix}${String(itemReference++ % 100_000).padStart(5, '0')}`)
          : null;
        const names = productNames(variant, coop.context);
        const bundle = buildProductBundle(
          keyed(...key),
          {
            coop: coop.context,
            type,
            variant,
            id: productId,
            slug: unique.slug('product', slugify(names.vi)),
            traceCode,
            gtin,
            status: demoStatus(productIndex++),
          },
          now,
          DEMO_SHAPE,
          childIds(...key),
        );
        const wholesale = DEMO_WHOLESALE[type.key];
        if (wholesale && bundle.product.status === 'published' && !withWholesale.has(type.key)) {
          withWholesale.add(type.key);
          Object.assign(
            bundle.product,
            demoWholesaleTerms(wholesale, bundle.product, variant.shelfDays ?? type.shelfDays),
          );
        }
        data.products.push(bundle.product);
        data.productTypes.set(productId, type.key);
        data.ocopRatings.push(...bundle.ratings);
        data.certifications.push(...bundle.certifications);
        data.batches.push(...bundle.batches);
        data.provenanceSteps.push(...bundle.steps);
      });
    });
  });

  // The demo members' cooperatives (./accounts.ts), so their dashboards show claims in review.
  const membersCooperatives = new Set(data.cooperatives.slice(0, 2).map((row) => row.id));
  const inReview = claimsInReview(
    data.products.filter((p) => membersCooperatives.has(p.cooperativeId)),
    now,
    (n) => keyed('id', 'claim-in-review', n).id(),
  );
  data.ocopRatings.push(...inReview.ratings);
  data.certifications.push(...inReview.certifications);
  data.labReports.push(
    ...demoLabReports(
      data.products.filter((p) => membersCooperatives.has(p.cooperativeId)),
      data.batches,
      now,
      (n) => keyed('id', 'lab-report', n).id(),
    ),
  );

  eventPlans(now).forEach((plan, i) => {
    const event = buildEvent(
      keyed('event', i),
      plan,
      { id: keyed('id', 'event', i).id(), slug: (title) => unique.slug('event', slugify(title)) },
      now,
    );
    data.events.push(event);
  });

  const publishedProductsOf = new Map<string, typeof data.products>();
  for (const product of data.products) {
    if (product.status !== 'published') continue;
    publishedProductsOf.set(product.cooperativeId, [
      ...(publishedProductsOf.get(product.cooperativeId) ?? []),
      product,
    ]);
  }
  data.events.forEach((event, i) => {
    let n = 0;
    const seeded = buildRegistrations(
      keyed('registrations', i),
      event,
      data.cooperatives,
      publishedProductsOf,
      now,
      () => keyed('id', 'registration', i, n++).id(),
    );
    event.boothsTaken = seeded.boothsTaken;
    data.eventRegistrations.push(...seeded.registrations);
    data.eventRegistrationProducts.push(...seeded.shown);
  });
  return data;
}
