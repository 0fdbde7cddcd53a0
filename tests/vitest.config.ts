import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Files that replace modules (`vi.mock`) or globals: they run each in a fresh
 * module graph of their own. Every other unit and API file shares one per
 * worker (`isolate: false`): evaluating the app's module graph again for each
 * file was two thirds of their run. Found by reading the files, so a new mock
 * cannot end up in a shared graph by oversight.
 */
const REPLACES_MODULES = /\bvi\.(mock|doMock|stubGlobal)\(/;
const replacingModules = globSync('tests/{unit,api}/**/*.test.ts', { cwd: import.meta.dirname + '/..' }).filter(
  (file) => REPLACES_MODULES.test(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')),
);

/**
 * The layers, in one run (`npm test`):
 * - unit: pure functions, no I/O;
 * - api: the Hono API app called directly, on a real migrated SQLite (libSQL),
 *   plus the D1-in-workerd parity check;
 * - isolated: the unit and API files that replace modules (above);
 * - e2e: the built worker in workerd over HTTP;
 * - browser: Chromium on the built worker (a server of its own).
 */
export default defineConfig({
  test: {
    // Vitest's default for a run is one worker fewer than the cores: a single worker on CI's two.
    maxWorkers: '100%',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: replacingModules, isolate: false },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          exclude: replacingModules,
          isolate: false,
          // Migrates the template D1 once; each file's local D1 is a copy of it.
          globalSetup: ['tests/support/d1-template-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'isolated',
          include: replacingModules,
          globalSetup: ['tests/support/d1-template-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Two projects, two servers: each starts its own worker on its own seeded D1 (e2e/global-setup.ts) and
      // runs its files one after another. In one Vitest run the two would queue behind each other (Vitest puts
      // every project without file parallelism in one sequential group): `npm run test:e2e` runs them side by
      // side, one process each (scripts/run-e2e.ts).
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
