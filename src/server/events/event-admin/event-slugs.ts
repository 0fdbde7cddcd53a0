/**
 * Slugs for new events: readable (from the Vietnamese title), unique, and
 * never one of the officers' own page paths.
 */
import { like, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { events } from '../../db/schema';
import { firstFreeSlug, SLUG_BASE_MAX_BYTES } from '../../search/slug';
import { nameSlugBase, RESERVED_SLUGS, withFreeSlug } from '../../slug-history/slug-history';

/** `base`, or the first of base-2, base-3… that no event has (nor an officers' page path). */
export async function unusedSlugs(db: Database, bases: readonly string[]): Promise<string[]> {
  // A series' bases end in their dates and may pass the limit: cut to it, each LIKE pattern stays within D1's.
  const stems = [...new Set(bases.map((base) => base.slice(0, SLUG_BASE_MAX_BYTES)))];
  const rows = await db
    .select({ slug: events.slug })
    .from(events)
    .where(or(...stems.map((stem) => like(events.slug, `${stem}%`))));
  const taken = new Set([...RESERVED_SLUGS.event, ...rows.map((row) => row.slug)]);
  return bases.map((base) => {
    const slug = firstFreeSlug(base, taken);
    taken.add(slug);
    return slug;
  });
}

export function eventSlugBase(title: string): string {
  return nameSlugBase('event', title);
}

/** Runs a write that picks free slugs, once more if another write took one of them meanwhile. */
export function withFreshSlugs<T>(write: () => Promise<T>): Promise<T> {
  return withFreeSlug('event', write);
}
