import { describe, expect, it, vi } from 'vitest';
import { countingD1, countQueries, newQueryStats, queryStatsHeaders } from '../../src/server/db/query-stats';

/** Just enough of a D1 binding: every statement read `rowsRead` rows in `duration` ms. */
function fakeD1(rowsRead: number, duration = 0.25) {
  const statement = (query: string): D1PreparedStatement =>
    ({
      query,
      bind: (..._values: unknown[]) => statement(query),
      all: async () => ({ results: [{ n: 1 }], success: true, meta: { rows_read: rowsRead, duration } }),
      run: async () => ({ results: [], success: true, meta: { rows_read: rowsRead, duration } }),
      raw: async () => [[1]],
      first: async () => ({ n: 1 }),
    }) as unknown as D1PreparedStatement;
  const batched: unknown[] = [];
  const d1 = {
    prepare: statement,
    batch: async (statements: D1PreparedStatement[]) => {
      batched.push(...statements);
      return statements.map(() => ({ results: [], success: true, meta: { rows_read: rowsRead, duration } }));
    },
  } as unknown as D1Database;
  return { d1, batched };
}

describe('countingD1', () => {
  it("sums each request's statements and D1's rows_read, apart from other requests", async () => {
    const { d1 } = fakeD1(40);
    const counted = countingD1(d1);
    const first = newQueryStats();
    const second = newQueryStats();
    await Promise.all([
      countQueries(first, async () => {
        await counted.prepare('SELECT 1').bind(1).all();
        await counted.prepare('UPDATE x').run();
      }),
      countQueries(second, () => counted.prepare('SELECT 2').all()),
    ]);
    expect(first).toMatchObject({ queries: 2, rowsRead: 80, unmeasured: 0, sqlMs: 0.5 });
    expect(second).toMatchObject({ queries: 1, rowsRead: 40, sqlMs: 0.25 });
    expect(queryStatsHeaders(first)).toEqual({ 'X-Query-Count': '2', 'X-Rows-Read': '80', 'X-Sql-Ms': '0.5' });
  });

  it('counts raw() and first(), which carry no rows_read, and says the total is a lower bound', async () => {
    const counted = countingD1(fakeD1(5).d1);
    const stats = newQueryStats();
    const rows = await countQueries(stats, async () => {
      await counted.prepare('SELECT 1').first();
      return counted.prepare('SELECT 2').bind(2).raw();
    });
    expect(rows).toEqual([[1]]);
    expect(stats).toMatchObject({ queries: 2, rowsRead: 0, unmeasured: 2 });
    expect(queryStatsHeaders(stats)['X-Rows-Read']).toBe('0+');
    expect(queryStatsHeaders(stats)['X-Sql-Ms']).toBe('0.0+');
  });

  it("hands D1's batch its own statements and counts each of them", async () => {
    const { d1, batched } = fakeD1(3);
    const counted = countingD1(d1);
    const stats = newQueryStats();
    const wrapped = [counted.prepare('A'), counted.prepare('B').bind(1)];
    await countQueries(stats, () => counted.batch(wrapped));
    expect(stats).toMatchObject({ queries: 2, rowsRead: 6 });
    expect(batched.map((s) => (s as { query: string }).query)).toEqual(['A', 'B']);
    // D1 refuses statements it did not make: the proxies are unwrapped.
    expect(batched[0]).not.toBe(wrapped[0]);
    expect(batched[1]).not.toBe(wrapped[1]);
  });

  it('counts nothing outside a request, and warns of a statement after the headers', async () => {
    const counted = countingD1(fakeD1(1).d1);
    await counted.prepare('SELECT 1').all();
    const stats = newQueryStats();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await countQueries(stats, async () => {
      stats.sealed = true;
      await counted.prepare('SELECT late').all();
    });
    expect(warn).toHaveBeenCalledOnce();
    expect(stats.queries).toBe(1);
    warn.mockRestore();
  });
});
