/**
 * Resolving what a package carries to a public product: a GS1 Digital Link
 * (/01/{gtin}) or the portal's short trace code (/truy-xuat/{code}).
 * Only published products of active cooperatives resolve.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, products } from '../db/schema';
import { type GtinProblem, parseGtin } from './gtin';

export type Resolution =
  | { kind: 'product'; slug: string }
  | { kind: 'malformed'; problem: GtinProblem }
  | { kind: 'unknown' };

async function publicProductSlug(db: Database, where: ReturnType<typeof eq>): Promise<string | null> {
  const [row] = await db
    .select({ slug: products.slug })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(and(where, eq(products.status, 'published'), eq(cooperatives.status, 'active')))
    .limit(1);
  return row?.slug ?? null;
}

export async function resolveGtin(db: Database, input: string): Promise<Resolution> {
  const parsed = parseGtin(input);
  if (!parsed.ok) return { kind: 'malformed', problem: parsed.problem };
  const slug = await publicProductSlug(db, eq(products.gtin, parsed.gtin14));
  return slug ? { kind: 'product', slug } : { kind: 'unknown' };
}

/** Trace codes are printed in capitals without ambiguous characters; people type them in any case. */
export async function resolveTraceCode(db: Database, code: string): Promise<Resolution> {
  const normalised = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,16}$/.test(normalised)) return { kind: 'unknown' };
  const slug = await publicProductSlug(db, eq(products.traceCode, normalised));
  return slug ? { kind: 'product', slug } : { kind: 'unknown' };
}
