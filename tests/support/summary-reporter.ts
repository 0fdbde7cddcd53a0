import { readFileSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface SummaryCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Adds this run's counts to those of earlier runs kept in `file` and keeps the sum there.
 * CI runs the unit and API tests, then builds, then runs the end-to-end tests (.ci/run);
 * its closing line must count both runs, so each run reads and rewrites the same file.
 */
export function carryCounts(file: string, counts: SummaryCounts): SummaryCounts {
  let earlier: Partial<SummaryCounts> = {};
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8') || '{}') as Partial<SummaryCounts>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const total = {
    passed: counts.passed + (earlier.passed ?? 0),
    failed: counts.failed + (earlier.failed ?? 0),
    skipped: counts.skipped + (earlier.skipped ?? 0),
  };
  writeFileSync(file, JSON.stringify(total));
  return total;
}

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", which CI
 * reads to count the tests whatever the runner's own summary looks like. With
 * TEST_SUMMARY_FILE set, the line counts the earlier runs of that file too.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let counts: SummaryCounts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) counts.failed++;
    }
    const file = process.env.TEST_SUMMARY_FILE;
    if (file) counts = carryCounts(file, counts);
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
