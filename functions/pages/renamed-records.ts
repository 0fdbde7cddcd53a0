/**
 * The public pages of products, cooperatives and events, addressed by slug.
 * A slug the record had before a rename (src/server/slug-history) answers 301
 * to the record's current address, with the query kept; a slug some record
 * holds now is always that record's page. The history is read only when no
 * record holds the slug, so pages found at once cost nothing more.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../src/i18n';
import { cooperativePaths, eventPaths, type LocalizedPaths, productPaths } from '../../src/i18n/routes';
import type { Database } from '../../src/server/db/client';
import { NotFoundError } from '../../src/server/errors';
import { currentSlug } from '../../src/server/slug-history/slug-history';
import type { RenamableKind } from '../../src/server/slug-history/vocabulary';
import { movedPermanently } from './form-handling';
import { loadPage } from './handle-page';

/** Each kind's public page, by slug. */
export const RENAMABLE_PAGE_PATHS: Record<RenamableKind, (slug: string) => LocalizedPaths> = {
  product: productPaths,
  cooperative: cooperativePaths,
  event: eventPaths,
};

/** A record's current slug, found by the slug it had before a rename. */
class Renamed {
  constructor(readonly slug: string) {}
}

/**
 * Reads the page of the record the address's slug names (`load` throws
 * NotFoundError when none holds it); the 301 to its current address when it
 * had that slug before a rename. `paths` is the page's own address by slug
 * (a record's subpage, e.g. an event's catalogue); the record's page by default.
 */
export async function loadRenamableRecordPage<T>(
  page: AstroGlobal,
  locale: Locale,
  kind: RenamableKind,
  load: (db: Database, slug: string) => Promise<T>,
  paths: (slug: string) => LocalizedPaths = RENAMABLE_PAGE_PATHS[kind],
): Promise<T | Response> {
  const slug = page.params.slug ?? '';
  const data = await loadPage(page, locale, async (db): Promise<T | Renamed> => {
    try {
      return await load(db, slug);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const current = await currentSlug(db, kind, slug);
      if (current === null) throw error;
      return new Renamed(current);
    }
  });
  if (data instanceof Renamed) return movedPermanently(`${paths(data.slug)[locale]}${page.url.search}`);
  return data;
}
