/**
 * How pages and endpoints read the database: bounded in time, and with a
 * database that cannot be reached or is too slow reported as such (503), not
 * as a bug (500).
 */
import { UnavailableError } from '../../src/server/errors';
import type { Database } from '../../src/server/db/client';
import { boundedDatabaseWork } from '../../src/server/db/health';
import { requestDatabase } from '../../src/server/db/request';

/** For endpoints: the data, or UnavailableError when the database cannot serve it. */
export async function readDatabase<T>(load: (db: Database) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await requestDatabase();
  } catch (error) {
    throw new UnavailableError(error instanceof Error ? error.message : String(error));
  }
  return boundedDatabaseWork(db, () => load(db));
}

/**
 * For pages, in their frontmatter: the data, or the 503 page to return
 * (`if (data instanceof Response) return data;`). Astro renders its 500 page
 * for any error a page throws, so the page itself must choose the 503, as it
 * does Astro.rewrite('/404') for a missing record.
 */
export async function loadPageData<T>(
  page: { rewrite(path: string): Promise<Response> },
  load: (db: Database) => Promise<T>,
): Promise<T | Response> {
  try {
    return await readDatabase(load);
  } catch (error) {
    if (error instanceof UnavailableError) return page.rewrite('/503');
    throw error;
  }
}
