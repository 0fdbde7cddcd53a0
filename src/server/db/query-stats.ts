/**
 * What one request asks of the database, for the benchmark (bench/run.ts):
 * the statements run and the rows SQLite read for them (D1's
 * `meta.rows_read`). Off unless the worker's QUERY_STATS variable is set; then
 * the D1 binding is wrapped (countingD1) and src/worker.ts answers with the
 * totals in the `X-Query-Count` and `X-Rows-Read` headers.
 *
 * The totals are per request through AsyncLocalStorage, since the drizzle
 * handle is shared by every request of the isolate (db/client.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface QueryStats {
  /** Statements sent (a batch counts each of its statements). */
  queries: number;
  /** D1's rows_read, summed over the statements whose answer carries it. */
  rowsRead: number;
  /**
   * Statements whose answer has no `meta` (D1's `raw()` and `first()`, which
   * drizzle's query builder uses): counted in `queries`, not in `rowsRead`.
   */
  unmeasured: number;
  /**
   * D1's `meta.duration` summed: the milliseconds SQLite spent on the statements, so a
   * rendering's time splits into the database's part and the worker's own.
   */
  sqlMs: number;
  /** Set once the response's headers are written: a later statement would be missing from them. */
  sealed: boolean;
}

const current = new AsyncLocalStorage<QueryStats>();
const RAW = Symbol('the D1 statement behind a counting proxy');

export function newQueryStats(): QueryStats {
  return { queries: 0, rowsRead: 0, unmeasured: 0, sqlMs: 0, sealed: false };
}

/** Runs `work` with its database statements counted in `stats`. */
export function countQueries<T>(stats: QueryStats, work: () => T): T {
  return current.run(stats, work);
}

/**
 * The headers the benchmark reads: `X-Rows-Read` and `X-Sql-Ms` end in "+" when some
 * statements had no meta to read them from.
 */
export function queryStatsHeaders(stats: QueryStats): Record<string, string> {
  const more = stats.unmeasured > 0 ? '+' : '';
  return {
    'X-Query-Count': String(stats.queries),
    'X-Rows-Read': `${stats.rowsRead}${more}`,
    'X-Sql-Ms': `${stats.sqlMs.toFixed(1)}${more}`,
  };
}

function record(meta: StatementMeta | undefined): void {
  const stats = current.getStore();
  if (!stats) return;
  if (stats.sealed) {
    // Pages stream: a component that queried while rendering would make the headers undercount.
    console.warn('A database statement ran after the response headers: X-Query-Count undercounts.');
  }
  stats.queries += 1;
  if (meta?.rows_read === undefined) {
    stats.unmeasured += 1;
    return;
  }
  stats.rowsRead += meta.rows_read;
  stats.sqlMs += meta.duration ?? 0;
}

interface StatementMeta {
  rows_read?: number;
  duration?: number;
}

const metaOf = (result: unknown): StatementMeta | undefined => (result as { meta?: StatementMeta } | null)?.meta;

function countingStatement(statement: D1PreparedStatement): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, property) {
      if (property === RAW) return target;
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      switch (property) {
        case 'bind':
          return (...values: unknown[]) => countingStatement(target.bind(...values));
        case 'all':
        case 'run':
          return async (...args: unknown[]) => {
            const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            record(metaOf(result));
            return result;
          };
        case 'raw':
        case 'first':
          return async (...args: unknown[]) => {
            const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            record(undefined);
            return result;
          };
        default:
          return (value as (...a: unknown[]) => unknown).bind(target);
      }
    },
  });
}

/** The binding with every statement of the current request counted (see countQueries). */
export function countingD1(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'prepare') return (query: string) => countingStatement(target.prepare(query));
      if (property === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          // Statements made by our prepare() are proxies; D1 wants its own objects.
          const results = await target.batch(statements.map(unwrap));
          for (const result of results) record(metaOf(result));
          return results;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function unwrap(statement: D1PreparedStatement): D1PreparedStatement {
  return ((statement as unknown as Record<symbol, D1PreparedStatement | undefined>)[RAW] ??
    statement) as D1PreparedStatement;
}
