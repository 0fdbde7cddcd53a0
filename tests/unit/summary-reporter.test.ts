import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryCounts } from '../support/summary-reporter';

describe("the summary line's counts carried across CI's test runs", () => {
  const freshFile = () => join(mkdtempSync(join(tmpdir(), 'summary-')), 'counts.json');

  it('starts from nothing when the file is missing or empty, and keeps the counts', () => {
    const missing = freshFile();
    expect(carryCounts(missing, { passed: 3, failed: 1, skipped: 2 })).toEqual({ passed: 3, failed: 1, skipped: 2 });
    expect(JSON.parse(readFileSync(missing, 'utf8'))).toEqual({ passed: 3, failed: 1, skipped: 2 });
    const empty = freshFile();
    writeFileSync(empty, '');
    expect(carryCounts(empty, { passed: 5, failed: 0, skipped: 0 })).toEqual({ passed: 5, failed: 0, skipped: 0 });
  });

  it('adds a later run to the earlier ones', () => {
    const file = freshFile();
    carryCounts(file, { passed: 600, failed: 0, skipped: 1 });
    expect(carryCounts(file, { passed: 90, failed: 2, skipped: 0 })).toEqual({ passed: 690, failed: 2, skipped: 1 });
  });
});
