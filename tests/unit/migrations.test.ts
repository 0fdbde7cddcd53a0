import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { D1_MAX_BOUND_PARAMETERS, rowsPerStatement } from '../../src/server/db/insert';
import { EXPECTED_MIGRATIONS, splitStatements } from '../../src/server/db/migrations';
import { MIGRATIONS_DIR } from '../../src/server/db/node';
import * as schema from '../../src/server/db/schema';

const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));

describe('migrations', () => {
  it('the journal and the .sql files in migrations/ name the same migrations, in order', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect([...EXPECTED_MIGRATIONS]).toEqual(files);
  });

  it('are up to date with the schema: drizzle-kit finds nothing new to generate', async () => {
    // drizzle-kit only accepts an --out relative to the working directory.
    await mkdir('node_modules/.cache', { recursive: true });
    const scratch = relative(process.cwd(), await mkdtemp('node_modules/.cache/drift-'));
    try {
      await cp(MIGRATIONS_DIR, scratch, { recursive: true });
      const run = spawnSync(
        'drizzle-kit',
        ['generate', '--dialect', 'sqlite', '--schema', 'src/server/db/schema.ts', '--out', scratch],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('No schema changes');
      expect((await readdir(scratch)).filter((name) => name.endsWith('.sql')).length).toBe(EXPECTED_MIGRATIONS.length);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('splits drizzle-kit files into statements at the breakpoint markers', () => {
    expect(splitStatements('CREATE TABLE a (x);\n--> statement-breakpoint\nCREATE INDEX i ON a (x);\n')).toEqual([
      'CREATE TABLE a (x);',
      'CREATE INDEX i ON a (x);',
    ]);
    expect(splitStatements('  \n')).toEqual([]);
  });
});

describe('bulk inserts stay within D1 limits', () => {
  it.each(tables.map((table) => [getTableConfig(table).name, table] as const))(
    '%s: rows per statement times columns is at most 100 bound parameters',
    (_name, table) => {
      const columns = getTableConfig(table).columns.length;
      const rows = rowsPerStatement(table);
      expect(rows).toBeGreaterThanOrEqual(1);
      expect(rows * columns).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
      expect((rows + 1) * columns).toBeGreaterThan(D1_MAX_BOUND_PARAMETERS);
    },
  );
});
