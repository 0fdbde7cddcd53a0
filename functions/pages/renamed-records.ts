/**
 * Pages addressed by a record's slug. A slug the record had before a rename
 * (src/server/slug-history) answers 301 to the same page at the record's
 * current slug, with the query kept, when the person asking may see the
 * record there; a slug some record holds now is always that record's page.
 * - The public pages of products, cooperatives and events (and an event's
 *   catalogue) read the history only when no record holds the slug, so pages
 *   found at once cost nothing more: loadRenamableRecordPage.
 * - A page that names a record in its query (the console report's
 *   `?event=<slug>` downloads) reads it through readRenamedParameter.
 * - The signed-in areas' pages of one record (the dashboard's product pages,
 *   an event's pages for officers and for exhibitors, a cooperative's console
 *   pages) are answered before they render, from one table of the areas
 *   (RENAMABLE_RECORD_AREAS): renamedRecordAreaRedirect, called by Astro's
 *   middleware. Their finders may follow an old slug themselves (a save
 *   posted from the page it came from), so a page could not tell.
 */
import type { AstroGlobal } from 'astro';
import { LOCALES, type Locale } from '../../src/i18n';
import {
  cooperativeOversightPaths,
  cooperativePaths,
  dashboardProductPaths,
  eventPaths,
  type LocalizedPaths,
  managedRegistrationsPaths,
  myRegistrationPaths,
  productPaths,
} from '../../src/i18n/routes';
import type { SessionUser } from '../../src/server/accounts/users';
import { cooperativeForOfficer } from '../../src/server/cooperatives/oversight';
import type { Database } from '../../src/server/db/client';
import { findManagedEvent } from '../../src/server/events/event-admin/managed-event';
import { findRegistrableEvent } from '../../src/server/events/registrations/registrable-event';
import { asDomainError } from '../../src/server/errors';
import { findOwnedProduct } from '../../src/server/products/owned-product';
import { openableCurrentSlug, readOrRenamed, RenamedTo } from '../../src/server/slug-history/slug-history';
import type { RenamableKind } from '../../src/server/slug-history/vocabulary';
import { movedPermanently } from './form-handling';
import type { RequestServices } from '../request-services';
import { loadPage, readDatabase } from './handle-page';

/** Each kind's public page, by slug. */
export const RENAMABLE_PAGE_PATHS: Record<RenamableKind, (slug: string) => LocalizedPaths> = {
  product: productPaths,
  cooperative: cooperativePaths,
  event: eventPaths,
};

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
  const data = await loadPage(page, locale, (db) => readOrRenamed(db, kind, slug, (held) => load(db, held)));
  if (data instanceof RenamedTo) return movedPermanently(`${paths(data.slug)[locale]}${page.url.search}`);
  return data;
}

/** Where a page naming a renamed record in its query moves to. */
export class MovedTo {
  constructor(readonly location: string) {}
}

/**
 * `read(slug)` for the record the query parameter `name` names, or, when a
 * record had that slug before a rename and `read` shows it at its current
 * one, this address with the parameter set to the current slug (a MovedTo,
 * for the page to answer with movedPermanently).
 */
export async function readRenamedParameter<T>(
  db: Database,
  url: URL,
  name: string,
  kind: RenamableKind,
  read: (slug: string) => Promise<T>,
): Promise<T | MovedTo> {
  const found = await readOrRenamed(db, kind, url.searchParams.get(name) ?? '', read);
  if (!(found instanceof RenamedTo)) return found;
  const query = new URLSearchParams(url.searchParams);
  query.set(name, found.slug);
  return new MovedTo(`${url.pathname}?${query.toString()}`);
}

/** The pages of one record in a signed-in area: every address under `root` (its own included). */
interface RecordArea {
  kind: RenamableKind;
  root: (slug: string) => LocalizedPaths;
  /**
   * The gate the area's pages pass the record through (the area's own finder),
   * throwing unless `user` may see the record with this slug there.
   */
  gate: (db: Database, user: SessionUser, slug: string) => Promise<unknown>;
}

/** Every signed-in page addressed by a record's slug is under one of these roots. */
export const RENAMABLE_RECORD_AREAS: readonly RecordArea[] = [
  // The dashboard's product form, batches, lab reports, certificates, OCOP ratings and labels: its cooperative's members.
  { kind: 'product', root: (slug) => dashboardProductPaths(slug).edit, gate: findOwnedProduct },
  // An event's registrations, edit page, preview and fair report: trade officers.
  { kind: 'event', root: managedRegistrationsPaths, gate: findManagedEvent },
  // A cooperative's registration, catalogue file and fair report: the event is public, its pages say who may act.
  { kind: 'event', root: myRegistrationPaths, gate: (db, _user, slug) => findRegistrableEvent(db, slug) },
  // A cooperative's console page and its product import: trade officers.
  { kind: 'cooperative', root: cooperativeOversightPaths, gate: cooperativeForOfficer },
];

const SLUG_MARK = ':slug';

/** Each area's address before the slug, per locale: `/tai-khoan/san-pham/`, `/en/account/products/`… */
const AREA_PREFIXES = RENAMABLE_RECORD_AREAS.flatMap((area) =>
  LOCALES.map((locale) => {
    const root = area.root(SLUG_MARK)[locale];
    return { area, locale, prefix: root.slice(0, root.indexOf(SLUG_MARK)) };
  }),
);

/** The area page `pathname` names: its area, locale, slug and the rest of the path after the slug. */
function areaPageOf(pathname: string) {
  for (const { area, locale, prefix } of AREA_PREFIXES) {
    if (!pathname.startsWith(prefix)) continue;
    const tail = pathname.slice(prefix.length);
    const end = tail.indexOf('/');
    const slug = end === -1 ? tail : tail.slice(0, end);
    if (slug) return { area, locale, slug, rest: end === -1 ? '' : tail.slice(end) };
  }
  return null;
}

/**
 * The answer to a signed-in page at a record's old slug: the same page at its
 * current slug, the query kept, if the area's gate lets `user` see the record
 * there; else null, and the page answers as it would (as at the current slug:
 * the gates follow an old slug, or refuse both alike). GET and HEAD get 301.
 * A form posted from a page opened before the rename gets 308, which keeps
 * the method and the body: the browser posts it again to the current address,
 * where it is saved as any other (not a 404, nor a form lost).
 * Costs one lookup of the slug history (its primary key) per such page.
 */
export async function renamedRecordAreaRedirect(
  url: URL,
  method: string,
  user: SessionUser,
  services: RequestServices,
): Promise<Response | null> {
  const page = areaPageOf(url.pathname);
  if (!page) return null;
  const { area, locale, slug, rest } = page;
  let current: string | null;
  try {
    current = await readDatabase(services, (db) =>
      openableCurrentSlug(db, area.kind, slug, (held) => area.gate(db, user, held)),
    );
  } catch (error) {
    // A database that cannot answer: the page itself says so (503).
    if (asDomainError(error)) return null;
    throw error;
  }
  if (current === null) return null;
  const location = `${area.root(current)[locale]}${rest}${url.search}`;
  if (method === 'GET' || method === 'HEAD') return movedPermanently(location);
  return new Response(null, { status: 308, headers: { Location: location } });
}
