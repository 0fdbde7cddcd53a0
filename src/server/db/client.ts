/**
 * Builds the database handle. Everything above this file sees one type,
 * `Database`, whichever store is behind it:
 * - the Cloudflare D1 binding `DB` (default; wrangler keeps a local SQLite file in development),
 * - libSQL/Turso through @libsql/client when LIBSQL_URL is set.
 *
 * D1 has no interactive transactions, so multi-statement writes use `db.batch([...])`,
 * which both drivers run atomically.
 */
import type { Client } from '@libsql/client';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { countingD1 } from './query-stats';
import * as schema from './schema';

export type Schema = typeof schema;

export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

export function databaseFromD1(d1: D1Database): Database {
  return drizzleD1(d1, { schema });
}

export function databaseFromLibsql(client: Client): Database {
  return drizzleLibsql(client, { schema });
}

export interface DatabaseConfig {
  DB?: D1Database;
  /** Set by the benchmark: statements and rows read are counted per request (query-stats.ts). */
  QUERY_STATS?: string;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
}

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/**
 * The handle for a worker's environment. Handles are memoised per binding or
 * URL: a drizzle wrapper is cheap, but a libSQL client keeps connections.
 */
export async function databaseFromEnv(env: DatabaseConfig): Promise<Database> {
  if (env.LIBSQL_URL) {
    const key = `${env.LIBSQL_URL}\u0000${env.LIBSQL_AUTH_TOKEN ?? ''}`;
    let db = libsqlHandles.get(key);
    if (!db) {
      // The web client speaks HTTP/WebSocket only, which is what runs inside workerd.
      const { createClient } = await import('@libsql/client/web');
      db = databaseFromLibsql(createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }));
      libsqlHandles.set(key, db);
    }
    return db;
  }
  if (!env.DB) {
    throw new DatabaseConfigError('No database: bind a D1 database as DB or set LIBSQL_URL.');
  }
  let db = d1Handles.get(env.DB);
  if (!db) {
    db = databaseFromD1(env.QUERY_STATS ? countingD1(env.DB) : env.DB);
    d1Handles.set(env.DB, db);
  }
  return db;
}

const d1Handles = new WeakMap<D1Database, Database>();
const libsqlHandles = new Map<string, Database>();
