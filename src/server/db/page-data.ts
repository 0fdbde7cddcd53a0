/**
 * How pages read the database: bounded in time, and with a database that
 * cannot be reached reported as UnavailableError (a 503 page), not as a bug.
 */
import { UnavailableError } from '../errors';
import type { Database } from './client';
import { withTimeout } from './health';
import { requestDatabase } from './request';

export async function loadPageData<T>(load: (db: Database) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await requestDatabase();
  } catch (error) {
    throw new UnavailableError(error instanceof Error ? error.message : String(error));
  }
  return withTimeout(load(db));
}
