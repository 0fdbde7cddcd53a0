/**
 * List filters arrive as query strings, from the API and from page URLs. One
 * zod schema per list describes them; the API parses strictly (a bad value is
 * a 400 naming the field), pages parse leniently (a bad value is dropped and
 * named in a notice, the rest of the filters still apply).
 */
import { z } from 'zod';
import type { FieldIssues } from '../errors';
import { type FormerProvince, formerProvinceBySlug } from '../provinces/reference';

/** Form fields left empty ("all provinces") arrive as ""; they mean "no filter". */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/**
 * A filter that takes several values: `?province=a&province=b` (the router
 * hands a repeated parameter over as an array). Empty values are dropped,
 * repeats collapse, and the values come back sorted, so one set of choices
 * has one URL. None left means "no filter".
 */
export function multiParam<T extends z.ZodType<string>>(value: T, maxValues: number) {
  return z
    .preprocess(
      (raw) => {
        const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => typeof v !== 'string' || v.trim() !== '');
        return values.length === 0 ? undefined : values;
      },
      z
        .array(z.string())
        .max(maxValues)
        // Each value checked on its own, and a refusal reported on the parameter (not `group.1`).
        .superRefine((values, context) => {
          for (const one of values) {
            const result = value.safeParse(one);
            if (!result.success) {
              for (const issue of result.error.issues) context.addIssue({ ...issue, path: [] } as never);
              return;
            }
          }
        })
        .transform((values) => [...new Set(values as z.infer<T>[])].sort())
        .optional(),
    )
    .optional();
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
    const values = params.getAll(key);
    if (values.length === 0) continue;
    const parse = (raw: unknown) => (schema as z.ZodType).safeParse(raw);
    const result = parse(values.length === 1 ? values[0] : values);
    if (result.success) {
      if (result.data !== undefined) filters[key] = result.data;
      continue;
    }
    ignored.push(key);
    // Of several values, the valid ones still apply (a multi-value filter with one stale slug).
    const valid = values.filter((value) => parse([value]).success);
    const kept = valid.length > 0 && values.length > 1 ? parse(valid) : undefined;
    if (kept?.success && kept.data !== undefined) filters[key] = kept.data;
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
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, String(one));
  }
  return query;
}

/**
 * The parameter that carries a pre-2025 province asked for (`ha-giang`) across the redirect to the
 * unit it is part of now, so the page can say "Hà Giang nay thuộc Tuyên Quang": on a province's page
 * (/tinh/ha-giang) and on a list filtered by it (`province=ha-giang`).
 */
export const FORMERLY_PARAM = 'formerly';

/**
 * The canonical form of a list's query, or null when it is canonical already:
 * no empty parameters, a province by its current slug (a pre-2025 one,
 * `province=ha-giang`, by the unit it is part of now, so the filter shows as
 * a chip and a ticked box, with `formerly=ha-giang` for the page's note), and
 * a repeated parameter's values once each, sorted
 * (`province=b&province=a&province=b` is `province=a&province=b`). A GET form
 * sends every field, so "all provinces" arrives as `province=`; pages redirect
 * to the clean address so that links, caches and search engines see one URL
 * per list. A `formerly` naming no former province of a province chosen says
 * nothing, and goes.
 */
export function canonicalListParams(params: URLSearchParams): URLSearchParams | null {
  const byKey = new Map<string, string[]>();
  const add = (key: string, value: string) => byKey.set(key, [...(byKey.get(key) ?? []), value]);
  for (const [key, value] of params) {
    if (value.trim() === '' || key === FORMERLY_PARAM) continue;
    const former = key === 'province' ? formerProvinceBySlug(value) : undefined;
    add(key, former?.successor.slug ?? value);
    if (former) add(FORMERLY_PARAM, former.slug);
  }
  const chosen = byKey.get('province') ?? [];
  for (const value of params.getAll(FORMERLY_PARAM)) if (formerOfChosen(value, chosen)) add(FORMERLY_PARAM, value);
  const kept = new URLSearchParams();
  for (const [key, values] of byKey) {
    for (const value of values.length > 1 ? [...new Set(values)].sort() : values) kept.append(key, value);
  }
  return kept.toString() === params.toString() ? null : kept;
}

/** The pre-2025 provinces a list's canonical query names (`formerly`), each with the unit it is part of now. */
export function formerProvincesAsked(params: URLSearchParams): FormerProvince[] {
  const chosen = params.getAll('province');
  return [...new Set(params.getAll(FORMERLY_PARAM))]
    .map((slug) => formerOfChosen(slug, chosen))
    .filter((former): former is FormerProvince => former !== undefined);
}

/**
 * The former province `slug` names, when the unit it is part of is among the province slugs
 * `chosen`: a `formerly` naming another province's says nothing (a list's, a province page's).
 */
export function formerOfChosen(slug: string, chosen: readonly string[]): FormerProvince | undefined {
  const former = formerProvinceBySlug(slug);
  return former && chosen.includes(former.successor.slug) ? former : undefined;
}
