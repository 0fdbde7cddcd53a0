import { defineConfig } from 'vitest/config';

/**
 * Three layers, one run (`npm test`):
 * - unit: pure functions, no I/O;
 * - api: the Hono API app called directly, on a real migrated SQLite (libSQL),
 *   plus the D1-in-workerd parity check;
 * - e2e: the built worker in workerd over HTTP, and Chromium on top of it
 *   (one server started by e2e/global-setup.ts for both).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          // Migrates the template D1 once; each file's local D1 is a copy of it.
          globalSetup: ['tests/support/d1-template-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One worker and one browser on a 2-core machine: run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
