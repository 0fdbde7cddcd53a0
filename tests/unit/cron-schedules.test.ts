/**
 * wrangler.toml decides when the Cron Triggers fire; src/server/scheduled.ts
 * decides what each one does, by its schedule string. A schedule changed in
 * one place only would fire a trigger that does nothing but retry mail.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAILY_CRON, FREQUENT_CRON } from '../../src/server/scheduled';

const wrangler = readFileSync(resolve(import.meta.dirname, '../../wrangler.toml'), 'utf8');

describe('Cron Triggers', () => {
  it('wrangler.toml fires exactly the schedules scheduled.ts runs', () => {
    const line = /^crons\s*=\s*\[(.*)\]\s*$/m.exec(wrangler);
    expect(line, 'a crons = [...] line in wrangler.toml').not.toBeNull();
    const crons = [...line![1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(crons.sort()).toEqual([DAILY_CRON, FREQUENT_CRON].sort());
  });
});
