/**
 * A directory search past COUNT_CAP (cooperatives/directory.ts, activeHitsAtLeast): the index holds
 * suspended cooperatives too (officers search them), so its hits alone may not say the active ones
 * are past the cap. Less every cooperative not active, they may: the total then reads "more than
 * 1,000" from the candidates' own statement, with no scan, and otherwise the rows are counted
 * exactly, as before.
 */
import type { InStatement } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { seedReferenceData } from '../../src/server/db/seeding';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { COUNT_CAP } from '../../src/server/search/list-query';
import { migratedMemoryDatabase } from '../support/libsql';

let db: Database;
/** The SQL of the statements sent since it was last emptied. */
const sent: string[] = [];
/** A statement that counts a list of its own: a facet scan or a count alone (search/facets.ts, list-query.ts). */
const COUNTS_ALONE =
  /^\s*(WITH (indexed AS MATERIALIZED \(.*\), )?scanned AS MATERIALIZED|SELECT \(SELECT count\(\*\))/s;
const TODAY = '2026-12-05';
/** Cooperatives whose name holds the word searched: 30 more than the cap. */
const NAMED = COUNT_CAP + 30;

beforeAll(async () => {
  const handle = await migratedMemoryDatabase();
  ({ db } = handle);
  await seedReferenceData(db);
  await db.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${NAMED})
    INSERT INTO cooperatives (id, slug, kind, name, registration_code, founded_year, province_code, commune,
      address, sector, members, search_name)
    SELECT 'coop-' || i, 'htx-sen-hong-' || i, 'hop_tac_xa', 'HTX Sen Hồng ' || i, 'SH' || i, 2020, '01',
      'xã Bát Tràng', '1 Đường Sen', 'trong_trot', 7, 'htx sen hong ' || i FROM n`);
  const execute = handle.client.execute.bind(handle.client);
  handle.client.execute = ((statement: InStatement) => {
    sent.push(typeof statement === 'string' ? statement : statement.sql);
    return execute(statement);
  }) as typeof execute;
});

/** Suspends the first `n` of them and lists "sen hong". */
async function searchWithSuspended(n: number) {
  await db.run(sql`UPDATE cooperatives SET status = CASE WHEN CAST(substr(id, 6) AS INTEGER) <= ${n}
    THEN 'suspended' ELSE 'active' END`);
  sent.length = 0;
  return listCooperatives(db, { q: 'sen hong' }, TODAY);
}

describe('a directory search past the cap', () => {
  it('says "more than 1,000" from the candidates\' statement when the active hits are surely past it', async () => {
    // 1,030 hits, 20 of them suspended: at least 1,010 active.
    const found = await searchWithSuspended(20);
    expect(found.totalIsCapped).toBe(true);
    expect(found.total).toBe(COUNT_CAP);
    expect(sent.filter((statement) => COUNTS_ALONE.test(statement))).toEqual([]);
    expect(sent).toHaveLength(1);
    for (const facet of Object.values(found.facets)) expect(facet).toEqual({ counts: {}, isCapped: true });
    expect(found.items).toHaveLength(24);
    expect(found.items.every((item) => !('indexed' in item))).toBe(true);
  });

  it('counts exactly when the suspended ones bring the active hits under it', async () => {
    // 1,030 hits, more than the cap, but 40 suspended: 990 active, counted row by row.
    const found = await searchWithSuspended(40);
    expect(found.totalIsCapped).toBe(false);
    expect(found.total).toBe(NAMED - 40);
    expect(sent.filter((statement) => COUNTS_ALONE.test(statement))).toHaveLength(1);
    expect(found.facets.province).toEqual({ counts: { 'ha-noi': NAMED - 40 }, isCapped: false });
    expect(found.items.map((item) => item.slug)).not.toContain('htx-sen-hong-1');
  });

  it('counts exactly with a filter beside the words, as before', async () => {
    await searchWithSuspended(0);
    sent.length = 0;
    const found = await listCooperatives(db, { q: 'sen hong', province: ['ha-noi'] }, TODAY);
    expect(found.totalIsCapped).toBe(true);
    expect(sent.filter((statement) => COUNTS_ALONE.test(statement)).length).toBeGreaterThan(0);
  });
});
