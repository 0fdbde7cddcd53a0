/**
 * List filters arrive as query strings, from the API and from page URLs. One
 * zod schema per list describes them; the API parses strictly (a bad value is
 * a 400 naming the field), pages parse leniently (a bad value is dropped and
 * named in a notice, the rest of the filters still apply).
 */
import { z } from 'zod';
import type { FieldIssues } from '../errors';

/** Form fields left empty ("all provinces") arrive as ""; they mean "no filter". */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const slugParam = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export interface LenientResult<T> {
  filters: T;
  /** Names of the parameters that were present but not understood, and so ignored. */
  ignored: string[];
}

/** Parses field by field, keeping what is valid. Cross-field rules are the schema's `check`. */
export function parseLenient<Shape extends z.ZodRawShape>(
  shape: Shape,
  params: URLSearchParams,
  check?: (filters: Partial<z.infer<z.ZodObject<Shape>>>) => FieldIssues,
): LenientResult<Partial<z.infer<z.ZodObject<Shape>>>> {
  const filters: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const raw = params.get(key);
    if (raw === null) continue;
    const result = (schema as z.ZodType).safeParse(raw);
    if (result.success) {
      if (result.data !== undefined) filters[key] = result.data;
    } else {
      ignored.push(key);
    }
  }
  const typed = filters as Partial<z.infer<z.ZodObject<Shape>>>;
  for (const key of Object.keys(check?.(typed) ?? {})) {
    delete filters[key];
    ignored.push(key);
  }
  return { filters: typed, ignored };
}

/** The applied filters back as query parameters (for pagination and links), without the page. */
export function filtersToQuery(filters: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page' || value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  return query;
}

/**
 * The same query without its empty parameters, or null when it has none. A GET
 * form sends every field, so "all provinces" arrives as `province=`; pages
 * redirect to the clean address so that links, caches and search engines see
 * one URL per list.
 */
export function withoutEmptyParams(params: URLSearchParams): URLSearchParams | null {
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of params) {
    if (value.trim() === '') dropped = true;
    else kept.append(key, value);
  }
  return dropped ? kept : null;
}
