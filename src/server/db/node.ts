/**
 * Node-only database helpers for scripts and tests: libSQL files, `:memory:`
 * or a remote Turso URL, and the migrator that applies migrations/*.sql to them.
 * Never import this from worker code (it uses node:fs and the native client).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { type Database, databaseFromLibsql } from './client';
import { CREATE_LEDGER_SQL, MIGRATIONS_LEDGER, splitStatements } from './migrations';

export const MIGRATIONS_DIR = join(import.meta.dirname, '../../../migrations');

export interface LibsqlHandle {
  client: Client;
  db: Database;
}

export async function openLibsql(url: string, authToken?: string): Promise<LibsqlHandle> {
  const client = createClient({ url, authToken });
  // Local SQLite leaves foreign keys off per connection; D1 always enforces them, so match it.
  if (!/^(https?|wss?|libsql):/.test(url)) await client.execute('PRAGMA foreign_keys = ON');
  return { client, db: databaseFromLibsql(client) };
}

export interface MigrationFile {
  name: string;
  sql: string;
}

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
}

/**
 * Applies the migrations not yet in the ledger, each in one atomic batch with
 * its ledger row, so a failing migration leaves nothing half-applied.
 * Returns the names it applied.
 */
export async function migrateLibsql(client: Client, files?: MigrationFile[]): Promise<string[]> {
  await client.execute(CREATE_LEDGER_SQL);
  const done = new Set(
    (await client.execute(`SELECT name FROM ${MIGRATIONS_LEDGER}`)).rows.map((row) => String(row.name)),
  );
  const applied: string[] = [];
  for (const file of files ?? (await readMigrationFiles())) {
    if (done.has(file.name)) continue;
    await client.batch(
      [...splitStatements(file.sql), { sql: `INSERT INTO ${MIGRATIONS_LEDGER} (name) VALUES (?)`, args: [file.name] }],
      'write',
    );
    applied.push(file.name);
  }
  return applied;
}
