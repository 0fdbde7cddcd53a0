/**
 * How list pages read their URL: leniently. Malformed values and slugs that
 * name nothing are dropped and reported (the page shows a notice), the rest of
 * the filters still apply, and nothing a visitor types can cause a 500.
 */
import type { z } from 'zod';
import { type FieldIssues, InvalidFilterError } from '../errors';
import { parseLenient } from './params';

export interface ListPageRead<Filters, Result> {
  filters: Filters;
  ignored: string[];
  result: Result;
  /** The search words as typed, even when refused (too long): the search box shows them again, to correct. */
  typedQuery: string;
}

export async function readListPage<Shape extends z.ZodRawShape, Result>(
  shape: Shape,
  params: URLSearchParams,
  list: (filters: Partial<z.infer<z.ZodObject<Shape>>>) => Promise<Result>,
  check?: (filters: Partial<z.infer<z.ZodObject<Shape>>>) => FieldIssues,
): Promise<ListPageRead<Partial<z.infer<z.ZodObject<Shape>>>, Result>> {
  const { filters, ignored } = parseLenient(shape, params, check);
  const typedQuery = params.get('q') ?? '';
  try {
    return { filters, ignored, typedQuery, result: await list(filters) };
  } catch (error) {
    if (!(error instanceof InvalidFilterError)) throw error;
    const kept = { ...filters };
    for (const field of Object.keys(error.fields)) delete kept[field as keyof typeof kept];
    return {
      filters: kept,
      ignored: [...ignored, ...Object.keys(error.fields)],
      typedQuery,
      result: await list(kept),
    };
  }
}
