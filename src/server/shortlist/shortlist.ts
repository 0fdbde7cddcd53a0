/**
 * A buyer's shortlist of products, kept in a cookie: no account, no row in
 * the database, and the header counts it without a query. The cookie only
 * ever holds what passed these rules — slugs in their one shape, each once,
 * at most MAX_SHORTLIST — and a slug is added only after the product was
 * found published (`addToShortlist`'s caller checks); whatever else a
 * hand-made cookie holds is dropped when it is read.
 */
import { ConflictError } from '../errors';

export const MAX_SHORTLIST = 20;
/** Side by side on one screen; more columns stop being a comparison. */
export const MAX_COMPARED = 4;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 120;

export const isProductSlug = (value: string) => value.length <= MAX_SLUG_LENGTH && SLUG.test(value);

/** The slugs a cookie value holds, in the order they were added; anything malformed is left out. */
export function readShortlist(value: string | null | undefined): string[] {
  const slugs = (value ?? '').split('.').filter(isProductSlug);
  return [...new Set(slugs)].slice(0, MAX_SHORTLIST);
}

export function writeShortlist(slugs: readonly string[]): string {
  return slugs.join('.');
}

/** The list with `slug` added at its end (once); ConflictError when it is full. */
export function addToShortlist(slugs: readonly string[], slug: string): string[] {
  if (slugs.includes(slug)) return [...slugs];
  if (slugs.length >= MAX_SHORTLIST) throw new ConflictError('the shortlist is full');
  return [...slugs, slug];
}

export function removeFromShortlist(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((one) => one !== slug);
}
