/**
 * Slugs for new events: readable (from the Vietnamese title), unique, and
 * never one of the officers' own page paths.
 */
import { like, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { events } from '../../db/schema';
import { isUniqueViolation } from '../../db/unique-violation';
import { slugify } from '../../search/slug';

/** Paths of the officers' pages that an event slug must not shadow (…/su-kien-quan-ly/moi, …/manage-events/new, the API's series). */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['moi', 'new', 'series']);

/** `base`, or the first of base-2, base-3… that no event has (nor an officers' page path). */
export async function unusedSlugs(db: Database, bases: readonly string[]): Promise<string[]> {
  const stems = [...new Set(bases.map((base) => base.slice(0, 40)))];
  const taken = new Set(
    (
      await db
        .select({ slug: events.slug })
        .from(events)
        .where(or(...stems.map((stem) => like(events.slug, `${stem}%`))))
    ).map((row) => row.slug),
  );
  return bases.map((base) => {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!taken.has(slug) && !RESERVED_SLUGS.has(slug)) {
        taken.add(slug);
        return slug;
      }
    }
  });
}

export function slugBase(title: string): string {
  return slugify(title).slice(0, 80).replace(/-+$/, '') || 'su-kien';
}

/** The (slug) UNIQUE index stopped an insert that raced another one for the same slug. */
const isSlugTaken = (error: unknown) => isUniqueViolation(error, [events.slug]);

/** Runs a write that picks free slugs, once more if another write took one of them meanwhile. */
export async function withFreshSlugs<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3 || !isSlugTaken(error)) throw error;
    }
  }
}
