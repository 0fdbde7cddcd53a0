/**
 * wrangler.toml configures the import queue; src/server/imports/import-queue.ts
 * counts on it: the consumer gives a run up after the last retry the queue
 * makes, so the two numbers must agree, and a consumer must exist for the
 * producer's queue (or large imports would wait for ever).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_QUEUE_MAX_RETRIES } from '../../src/server/imports/import-queue';

const wrangler = readFileSync(resolve(import.meta.dirname, '../../wrangler.toml'), 'utf8');
/** A [[queues.*]] table's lines, up to the next table. */
const tablesOf = (name: string) =>
  [...wrangler.matchAll(new RegExp(`^\\[\\[queues\\.${name}\\]\\]\\n((?:[^[].*\\n?)*)`, 'gm'))].map((m) => m[1]!);
const valueIn = (table: string, key: string) => new RegExp(`^${key}\\s*=\\s*"?([^"\\n]+)"?`, 'm').exec(table)?.[1];

describe('the import queue in wrangler.toml', () => {
  it('has a producer bound as IMPORT_QUEUE and a consumer of the same queue', () => {
    const [producer] = tablesOf('producers').filter((table) => valueIn(table, 'binding') === 'IMPORT_QUEUE');
    expect(producer).toBeDefined();
    const queue = valueIn(producer!, 'queue');
    expect(tablesOf('consumers').map((table) => valueIn(table, 'queue'))).toContain(queue);
  });

  it('retries a failed chunk as often as the consumer expects before it gives the run up', () => {
    const [consumer] = tablesOf('consumers');
    expect(Number(valueIn(consumer!, 'max_retries'))).toBe(IMPORT_QUEUE_MAX_RETRIES);
  });
});
