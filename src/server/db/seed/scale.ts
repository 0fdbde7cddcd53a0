/**
 * A national-scale catalogue streamed in chunks, for load tests and query
 * plans: cooperatives first (with their links and certificates), then products
 * with their children, then events. Every row is a pure function of (seed,
 * index), so a product can find its cooperative by recomputing it instead of
 * keeping 50,000 cooperatives in memory. Provinces must already be inserted.
 */
import type { ProductStatus } from '../../products/vocabulary';
import type { CooperativeKind } from '../../cooperatives/vocabulary';
import { scaleGtinBody, scaleId, scaleRegistrationCode, scaleTraceCode } from './codes';
import { type BuiltCooperative, buildCooperative, type ChildTable, type NextId } from './cooperative';
import { type CooperativeSeed, KIND_WORDS, LOCALITIES } from './content/cooperatives';
import { EVENT_TEMPLATES } from './content/events';
import { PRODUCT_TYPES, type ProductType } from './content/products';
import { buildDemoDataset } from './demo';
import { buildEvent } from './events';
import { gtin14FromBody } from './gtin';
import { type BundleShape, buildProductBundle, productNames } from './product';
import { type CommuneKind, communesOf } from '../../provinces/communes';
import { PROVINCES } from '../../provinces/reference';
import { hashSeed, Rng } from './random';
import { slugify } from '../../search/slug';
import { vnMidnight } from './time';
import type {
  BatchRow,
  CertificationRow,
  CooperativeRow,
  EventRow,
  OcopRatingRow,
  ProductRow,
  ProvenanceStepRow,
  ValueChainLinkRow,
} from './types';

export type ScaleChunk =
  | { table: 'cooperatives'; rows: CooperativeRow[] }
  | { table: 'valueChainLinks'; rows: ValueChainLinkRow[] }
  | { table: 'products'; rows: ProductRow[] }
  | { table: 'ocopRatings'; rows: OcopRatingRow[] }
  | { table: 'certifications'; rows: CertificationRow[] }
  | { table: 'batches'; rows: BatchRow[] }
  | { table: 'provenanceSteps'; rows: ProvenanceStepRow[] }
  | { table: 'events'; rows: EventRow[] };

export interface ScaleOptions {
  cooperatives: number;
  products: number;
  events: number;
  seed?: number;
  now: Date;
}

const COOPERATIVE_CHUNK = 1000;
const PRODUCT_CHUNK = 2000;
const EVENT_CHUNK = 1000;
const SCALE_SHAPE: BundleShape = { batches: [1, 1], steps: [3, 3], ratedShare: 0.85, extraCertChance: 0.15 };

/** Separate id spaces per table (see scaleId). */
const TABLE_TAGS: Readonly<Record<ChildTable | 'cooperatives' | 'products' | 'events', number>> = {
  cooperatives: 1,
  valueChainLinks: 2,
  products: 3,
  ocopRatings: 4,
  certifications: 5,
  batches: 6,
  provenanceSteps: 7,
  events: 8,
};

const TYPES_BY_PROVINCE = new Map(
  PROVINCES.map((p) => {
    const goods = PRODUCT_TYPES.filter((t) => t.provinces.includes(p.code) && t.process !== 'service');
    const services = PRODUCT_TYPES.filter((t) => t.provinces.includes(p.code) && t.process === 'service');
    return [p.code, { goods, services }] as const;
  }),
);

/** Base-36 index after "-q": demo slugs end in a word or a plain number, never in this form. */
function scaleSlug(base: string, n: number, reserved: ReadonlySet<string>): string {
  const slug = `${base}-q${n.toString(36)}`;
  return reserved.has(slug) ? `${slug}-x` : slug;
}

function counterIds(seed: number): NextId {
  const counters = new Map<ChildTable, number>();
  return (table) => {
    const n = counters.get(table) ?? 0;
    counters.set(table, n + 1);
    return scaleId(seed, TABLE_TAGS[table], n);
  };
}

/**
 * A real commune of the province (the imports and forms refuse any other, and the map places a
 * cooperative without coordinates at its centre): the one named like the locality when there is
 * one, else one of `kind` (four in five are xã, as before) chosen by the cooperative's number.
 * It draws nothing from the generator's random stream, so the rest of the dataset is unchanged.
 */
function scaleCommune(provinceCode: string, locality: string, kind: CommuneKind, j: number): string {
  const communes = communesOf(provinceCode);
  const named = communes.find((commune) => commune.name === locality);
  if (named) return named.label;
  const ofKind = communes.filter((commune) => commune.kind === kind);
  const pool = ofKind.length > 0 ? ofKind : communes;
  return pool[j % Math.max(pool.length, 1)]?.label ?? `xã ${locality}`;
}

function cooperativeSeed(rng: Rng, j: number): CooperativeSeed {
  // 13 is coprime with 34, so consecutive cooperatives walk through every province.
  const province = PROVINCES[(j * 13) % PROVINCES.length];
  if (!province) throw new Error('no provinces');
  const choices = TYPES_BY_PROVINCE.get(province.code);
  const locality = rng.pick(LOCALITIES[province.code] ?? [province.nameVi]);
  const kind = rng.weighted<CooperativeKind>([
    ['hop_tac_xa', 85],
    ['to_hop_tac', 12],
    ['lien_hiep_htx', 3],
  ]);
  const service = rng.chance(0.08) && (choices?.services.length ?? 0) > 0;
  const pool: readonly ProductType[] = service ? (choices?.services ?? []) : (choices?.goods ?? []);
  const types = rng.sample(pool, rng.chance(0.3) ? 2 : 1);
  const first = types[0] ?? rng.pick(PRODUCT_TYPES);
  const kindWord = kind === 'hop_tac_xa' ? rng.pick(['Hợp tác xã', 'HTX']) : KIND_WORDS[kind][0];
  const name =
    kind === 'lien_hiep_htx' ? `${kindWord} ${first.stem} ${province.nameVi}` : `${kindWord} ${first.stem} ${locality}`;
  return {
    kind,
    name,
    provinceCode: province.code,
    commune: scaleCommune(province.code, locality, rng.chance(0.8) ? 'xa' : 'phuong', j),
    place: locality,
    types: (types.length > 0 ? types : [first]).map((t) => t.key),
  };
}

function scaleCooperative(
  seed: number,
  j: number,
  now: Date,
  reserved: ReadonlySet<string>,
  nextId: NextId,
): BuiltCooperative {
  const rng = new Rng(hashSeed('scale-cooperative', seed, j));
  const coopSeed = cooperativeSeed(rng, j);
  return buildCooperative(
    rng,
    coopSeed,
    {
      id: scaleId(seed, TABLE_TAGS.cooperatives, j),
      slug: scaleSlug(slugify(coopSeed.name), j, reserved),
      registrationCode: scaleRegistrationCode(coopSeed.provinceCode, j),
    },
    now,
    nextId,
  );
}

function scaleStatus(rng: Rng): ProductStatus {
  return rng.weighted<ProductStatus>([
    ['published', 97],
    ['submitted', 2],
    ['draft', 1],
  ]);
}

export function* generateScaleDataset(opts: ScaleOptions): Generator<ScaleChunk> {
  const { cooperatives, products, events, now } = opts;
  const seed = opts.seed ?? 1;
  if (products > 0 && cooperatives <= 0) throw new Error('products need at least one cooperative');
  const demo = buildDemoDataset(now);
  const reserved = new Set([...demo.cooperatives, ...demo.products, ...demo.events].map((r) => r.slug));
  const nextId = counterIds(seed);

  for (let start = 0; start < cooperatives; start += COOPERATIVE_CHUNK) {
    const rows: CooperativeRow[] = [];
    const links: ValueChainLinkRow[] = [];
    const certs: CertificationRow[] = [];
    for (let j = start; j < Math.min(start + COOPERATIVE_CHUNK, cooperatives); j++) {
      const coop = scaleCooperative(seed, j, now, reserved, nextId);
      rows.push(coop.row);
      links.push(...coop.links);
      certs.push(...coop.certifications);
    }
    yield { table: 'cooperatives', rows };
    if (links.length > 0) yield { table: 'valueChainLinks', rows: links };
    if (certs.length > 0) yield { table: 'certifications', rows: certs };
  }

  // Product i belongs to cooperative floor(i·C/P): each cooperative's products are contiguous.
  const ignoreChildren: NextId = () => '';
  let currentJ = -1;
  let currentCoop: BuiltCooperative | undefined;
  for (let start = 0; start < products; start += PRODUCT_CHUNK) {
    const chunk = {
      products: [] as ProductRow[],
      ratings: [] as OcopRatingRow[],
      certs: [] as CertificationRow[],
      batches: [] as BatchRow[],
      steps: [] as ProvenanceStepRow[],
    };
    for (let i = start; i < Math.min(start + PRODUCT_CHUNK, products); i++) {
      const j = Math.floor((i * cooperatives) / products);
      if (currentCoop === undefined || currentJ !== j) {
        currentCoop = scaleCooperative(seed, j, now, reserved, ignoreChildren);
        currentJ = j;
      }
      const { context } = currentCoop;
      const k = i - Math.ceil((j * products) / cooperatives);
      const type = context.types[k % context.types.length] ?? context.types[0];
      if (!type) throw new Error(`cooperative ${j} has no product types`);
      const variant = type.variants[Math.floor(k / context.types.length) % type.variants.length];
      if (!variant) throw new Error(`${type.key} has no variants`);
      const rng = new Rng(hashSeed('scale-product', seed, i));
      const gtin = rng.chance(0.7) ? gtin14FromBody(scaleGtinBody(i)) : null;
      const names = productNames(variant, context);
      const bundle = buildProductBundle(
        rng,
        {
          coop: context,
          type,
          variant,
          id: scaleId(seed, TABLE_TAGS.products, i),
          slug: scaleSlug(slugify(names.vi), i, reserved),
          traceCode: scaleTraceCode(i),
          gtin,
          status: scaleStatus(rng),
        },
        now,
        SCALE_SHAPE,
        nextId,
      );
      chunk.products.push(bundle.product);
      chunk.ratings.push(...bundle.ratings);
      chunk.certs.push(...bundle.certifications);
      chunk.batches.push(...bundle.batches);
      chunk.steps.push(...bundle.steps);
    }
    yield { table: 'products', rows: chunk.products };
    if (chunk.ratings.length > 0) yield { table: 'ocopRatings', rows: chunk.ratings };
    if (chunk.certs.length > 0) yield { table: 'certifications', rows: chunk.certs };
    if (chunk.batches.length > 0) yield { table: 'batches', rows: chunk.batches };
    if (chunk.steps.length > 0) yield { table: 'provenanceSteps', rows: chunk.steps };
  }

  for (let start = 0; start < events; start += EVENT_CHUNK) {
    const rows: EventRow[] = [];
    for (let i = start; i < Math.min(start + EVENT_CHUNK, events); i++) {
      const rng = new Rng(hashSeed('scale-event', seed, i));
      const template = rng.pick(EVENT_TEMPLATES);
      const province = rng.pick(PROVINCES);
      const firstDay = vnMidnight(now, rng.int(-180, 365));
      const cancelled = rng.chance(0.02);
      rows.push(
        buildEvent(
          rng,
          { template, provinceCode: province.code, firstDay, cancelled },
          { id: scaleId(seed, TABLE_TAGS.events, i), slug: (title) => scaleSlug(slugify(title), i, reserved) },
          now,
        ),
      );
    }
    yield { table: 'events', rows };
  }
}
