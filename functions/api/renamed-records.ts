/**
 * The API's reads addressed by a record's slug (the public item routes of
 * products, cooperatives and events, an event's iCalendar file, its
 * registrations and their CSV files): a slug the record had before a rename
 * (src/server/slug-history)
 * answers 301 to the same route with the record's current slug, the query
 * kept, when the route shows the record at its current slug (a draft renamed
 * answers 404, as its current slug does). The history is read only when no
 * record holds the slug.
 */
import type { Context } from 'hono';
import type { Database } from '../../src/server/db/client';
import { NotFoundError } from '../../src/server/errors';
import { readOrRenamed, RenamedTo } from '../../src/server/slug-history/slug-history';
import type { RenamableKind } from '../../src/server/slug-history/vocabulary';
import type { ApiEnv } from './context';

/** The OpenAPI answer of an old slug. */
export const renamedResponse = {
  description: 'The record was renamed: `Location` is the same route at its current slug',
  headers: { Location: { schema: { type: 'string' as const } } },
};

/** `read(slug)`, or the 301 to the route at the current slug of the record that had `slug` before a rename (if `read` shows it there). */
export async function readRenamable<T>(
  c: Context<ApiEnv>,
  kind: RenamableKind,
  slug: string,
  read: (db: Database, slug: string) => Promise<T>,
): Promise<T | Response> {
  const db = c.get('db');
  const found = await readOrRenamed(db, kind, slug, (held) => read(db, held));
  if (!(found instanceof RenamedTo)) return found;
  const url = new URL(c.req.url);
  // The slug's segment is the route parameter it fills (`:slug`, or `:file` of `{slug}.ics`, its
  // pattern left out): the route's path and the URL's have their segments at the same places. An old
  // slug is a plain ASCII slug, encoded as itself.
  const pattern = c.req.routePath.replace(/\{[^}]*\}/g, '').split('/');
  const segments = url.pathname.split('/');
  const at = segments.findIndex(
    (segment, i) => pattern[i]?.startsWith(':') && (segment === slug || segment.startsWith(`${slug}.`)),
  );
  // No route of ours names a record without its slug in the path; should one, it answers as a slug none holds.
  if (at === -1) throw new NotFoundError(kind);
  segments[at] = `${found.slug}${segments[at]!.slice(slug.length)}`;
  return c.redirect(`${segments.join('/')}${url.search}`, 301);
}
