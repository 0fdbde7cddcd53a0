/**
 * Help for a list that found nothing or almost nothing: the query spelled
 * with the index's own words ("did you mean"), and the same search without
 * one filter: the filter named last, or when that gives no more, the one
 * before it, and so on, then those read from the words. Each comes with how many results it gives, and only
 * when that is more than the list has now, so a link never leads to less.
 * Nothing is read unless the list is near-empty.
 */
import type { Database } from '../db/client';
import { suggestQuery } from './did-you-mean';
import { searchTokens } from './fold';
import type { FtsTable } from './list-query';
import { filtersToQuery } from './params';

/** Fewer results than this and the list offers broader searches: two cards leave a shopper asking for more. */
export const NEAR_EMPTY = 3;

/** Query keys that say what to search or how to show it, not which results to keep. */
const NOT_FILTERS = new Set(['q', 'sort', 'page', 'limit']);

/** Another search of the same list: its query string (without a page) and its count. */
export interface OtherSearch {
  query: string;
  total: number;
  totalIsCapped: boolean;
}

export interface NearEmptyHelp {
  /** The query with its words replaced by the nearest words of the index. */
  suggestion: (OtherSearch & { q: string }) | null;
  /** The same search and filters without one filter: the last named in the request whose removal gives more. */
  withoutLastFilter: (OtherSearch & { filter: string }) | null;
}

export const NO_HELP: NearEmptyHelp = { suggestion: null, withoutLastFilter: null };

type Filters = { q?: string } & Record<string, unknown>;

/**
 * The applied filters, the one named last in the request first (`order`: its keys, in the
 * order given): the last is the one a visitor most likely added last, as forms and chips
 * keep the order of the fields. Filters the request does not name (a list's defaults) come last.
 */
export function filtersLastFirst(order: readonly string[], filters: Filters): string[] {
  const applied = (key: string) => !NOT_FILTERS.has(key) && filters[key] !== undefined;
  return [...new Set([...order.filter(applied).reverse(), ...Object.keys(filters).filter(applied).reverse()])];
}

/** Filters tried when the list is near-empty: each costs a count, and a list has few filters on. */
const FILTERS_TRIED = 4;

export async function nearEmptyHelp<F extends Filters>(options: {
  db: Database;
  table: FtsTable;
  /** The request's query keys in the order given. */
  order: readonly string[];
  filters: F;
  total: number;
  /** Counts the list for other filters. */
  count: (filters: F) => Promise<{ total: number; totalIsCapped: boolean }>;
  /**
   * Filters read from the words of `q` ("5 sao": filter-words.ts, FilterFromQuery), in the
   * order read, each with `q` without its words: tried after the filters the request names.
   */
  fromWords?: readonly { filter: string; q: string }[];
}): Promise<NearEmptyHelp> {
  const { db, table, order, filters, total, count, fromWords = [] } = options;
  if (total >= NEAR_EMPTY) return NO_HELP;
  const other = async (changed: F): Promise<OtherSearch | null> => {
    const { page: _page, ...kept } = changed;
    const { total: more, totalIsCapped } = await count(kept as F);
    return more > total ? { query: filtersToQuery(kept).toString(), total: more, totalIsCapped } : null;
  };
  const suggest = async () => {
    const q = await suggestQuery(db, table, searchTokens(filters.q ?? ''));
    const found = q === null ? null : await other({ ...filters, q });
    return found && q !== null ? { ...found, q } : null;
  };
  // One after the other, last named first: the first that gives more is offered.
  const widen = async () => {
    const tries = [
      ...filtersLastFirst(order, filters).map((filter) => ({ filter, changed: { ...filters, [filter]: undefined } })),
      ...[...fromWords].reverse().map(({ filter, q }) => ({ filter, changed: { ...filters, q: q || undefined } })),
    ];
    for (const { filter, changed } of tries.slice(0, FILTERS_TRIED)) {
      const found = await other(changed);
      if (found) return { ...found, filter };
    }
    return null;
  };
  const [suggestion, withoutLastFilter] = await Promise.all([suggest(), widen()]);
  return { suggestion, withoutLastFilter };
}
