/**
 * Resolving what a package carries to a public page: a GS1 Digital Link
 * (/01/{gtin} with its qualifiers, e.g. /01/{gtin}/10/{lot}) or the portal's short trace code
 * (/truy-xuat/{code}, /truy-xuat/{code}/{lot}). Only published products of
 * active cooperatives, and their batches, resolve.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { batches, cooperatives, products } from '../db/schema';
import { parseGtinQualifiers, type QualifierProblem } from './digital-link';
import { type GtinProblem, parseGtin } from './gtin';
import { isLotCode } from './lot-code';

export interface ResolvedProduct {
  slug: string;
  gtin: string | null;
  traceCode: string;
  nameVi: string;
  nameEn: string;
}

export type Resolution =
  | { kind: 'product'; product: ResolvedProduct }
  | { kind: 'batch'; product: ResolvedProduct; lotCode: string }
  | { kind: 'malformed'; problem: GtinProblem }
  /** The GTIN is well-formed; what follows it is not GS1 Digital Link syntax. */
  | ({ kind: 'malformed_qualifiers' } & QualifierProblem)
  | { kind: 'unknown' }
  /** The product exists; the lot does not (or cannot be a lot code). */
  | { kind: 'unknown_lot'; product: ResolvedProduct; lotCode: string };

async function resolvePublic(db: Database, where: SQL, lotCode: string | undefined): Promise<Resolution> {
  // A lot that cannot be a GS1 lot code is not looked up, but the product still is, to say which part was wrong.
  const lookUpLot = lotCode !== undefined && isLotCode(lotCode);
  const [row] = await db
    .select({
      slug: products.slug,
      gtin: products.gtin,
      traceCode: products.traceCode,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      batchId: batches.id,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .leftJoin(batches, and(eq(batches.productId, products.id), eq(batches.lotCode, lookUpLot ? lotCode : '')))
    .where(and(where, eq(products.status, 'published'), eq(cooperatives.status, 'active')))
    .limit(1);
  if (!row) return { kind: 'unknown' };
  const { batchId, ...product } = row;
  if (lotCode === undefined) return { kind: 'product', product };
  return batchId && lookUpLot ? { kind: 'batch', product, lotCode } : { kind: 'unknown_lot', product, lotCode };
}

/**
 * A GS1 Digital Link address: the GTIN and the path segments after it (each
 * percent-decoded once). The portal keeps neither product variants (22) nor
 * serial numbers (21), so an address naming them answers with the most
 * specific thing it does know, the batch or else the product, as a GS1
 * resolver falls back to a less qualified link rather than saying 404.
 */
export async function resolveDigitalLink(
  db: Database,
  input: string,
  qualifierSegments: readonly string[] = [],
): Promise<Resolution> {
  const parsed = parseGtin(input);
  if (!parsed.ok) return { kind: 'malformed', problem: parsed.problem };
  const qualifiers = parseGtinQualifiers(qualifierSegments);
  if (!qualifiers.ok) {
    const { ok: _ok, ...problem } = qualifiers;
    return { kind: 'malformed_qualifiers', ...problem };
  }
  return resolvePublic(db, eq(products.gtin, parsed.gtin14), qualifiers.values['10']);
}

/** A product by its slug, as the portal's own links name it (e.g. for its QR code). */
export function resolveSlug(db: Database, slug: string, lotCode?: string): Promise<Resolution> {
  return resolvePublic(db, eq(products.slug, slug), lotCode);
}

/** Trace codes are printed in capitals; people type them in any case. */
export function normaliseTraceCode(code: string): string | null {
  const normalised = code.trim().toUpperCase();
  return /^[A-Z0-9]{4,16}$/.test(normalised) ? normalised : null;
}

export async function resolveTraceCode(db: Database, code: string, lotCode?: string): Promise<Resolution> {
  const normalised = normaliseTraceCode(code);
  if (!normalised) return { kind: 'unknown' };
  return resolvePublic(db, eq(products.traceCode, normalised), lotCode);
}
