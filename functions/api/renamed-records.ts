/**
 * The public item routes of products, cooperatives and events, addressed by
 * slug: a slug the record had before a rename (src/server/slug-history)
 * answers 301 to the same route with the record's current slug, the query
 * kept. The history is read only when no record holds the slug.
 */
import type { Context } from 'hono';
import type { Database } from '../../src/server/db/client';
import { NotFoundError } from '../../src/server/errors';
import { currentSlug } from '../../src/server/slug-history/slug-history';
import type { RenamableKind } from '../../src/server/slug-history/vocabulary';
import type { ApiEnv } from './context';

/** The OpenAPI answer of an old slug. */
export const renamedResponse = {
  description: 'The record was renamed: `Location` is the same route at its current slug',
  headers: { Location: { schema: { type: 'string' as const } } },
};

/** `read(slug)`, or the 301 to the route at the current slug of the record that had `slug` before a rename. */
export async function readRenamable<T>(
  c: Context<ApiEnv>,
  kind: RenamableKind,
  slug: string,
  read: (db: Database, slug: string) => Promise<T>,
): Promise<T | Response> {
  const db = c.get('db');
  try {
    return await read(db, slug);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const current = await currentSlug(db, kind, slug);
    if (current === null) throw error;
    const url = new URL(c.req.url);
    // The slug is the last segment (before `.ics`); an old slug is a plain ASCII slug, encoded as itself.
    const at = url.pathname.lastIndexOf('/');
    const last = url.pathname.slice(at + 1).replace(slug, current);
    return c.redirect(`${url.pathname.slice(0, at + 1)}${last}${url.search}`, 301);
  }
}
