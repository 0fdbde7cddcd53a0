/**
 * The door of every dashboard page: who is signed in, and whether they may
 * see this page. Refusals become pages, never partial content: not signed in
 * → sign-in (and back), wrong role or another cooperative's record → 403,
 * no such record → 404, database away → 503.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../src/i18n';
import { routes } from '../../src/i18n/routes';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { readDatabase } from './page-data';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UnavailableError } from '../../src/server/errors';
import { signedInOr } from './form-handling';

/**
 * Runs `load` for the signed-in user, mapping the guards' and loaders'
 * refusals to the pages that say so. `load` calls the guards itself (e.g.
 * findOwnedProduct), so the check and the read cannot drift apart.
 */
export async function gated<T>(
  page: AstroGlobal,
  locale: Locale,
  load: (db: Database, user: SessionUser) => Promise<T>,
): Promise<{ user: SessionUser; data: T } | Response> {
  const user = signedInOr(page, locale, routes.signIn[locale]);
  if (user instanceof Response) return user;
  try {
    return { user, data: await readDatabase((db) => load(db, user)) };
  } catch (error) {
    return refusalPage(page, error);
  }
}

/** The page for a refusal thrown by a guard or loader; anything else is a bug and is thrown again. */
export function refusalPage(page: AstroGlobal, error: unknown): Promise<Response> {
  if (error instanceof ForbiddenError || error instanceof UnauthenticatedError) return page.rewrite('/403');
  if (error instanceof NotFoundError) return page.rewrite('/404');
  if (error instanceof UnavailableError) return page.rewrite('/503');
  throw error;
}
