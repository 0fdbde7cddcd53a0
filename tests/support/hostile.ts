/** Generators of random and hostile input for property-based tests (fast-check). */
import fc from 'fast-check';

/** Strings people and attackers actually send, mixed with arbitrary unicode. */
const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE products; --",
  'NEAR(mat ong)',
  '"mat"* OR *',
  '{search_name}: x',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e',
  'Mật ong 🐝',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '',
  ' ',
  'a'.repeat(5000),
  'mat ong',
  'bac-ninh',
  '4',
  'thuc_pham',
];

export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const knownKeys = [
  'q',
  'province',
  'cooperative',
  'group',
  'stars',
  'certification',
  'cooperativeKind',
  'minPrice',
  'maxPrice',
  'sort',
  'page',
  'limit',
  'kind',
  'sector',
  'classification',
  'hasOcop',
  'lang',
  'format',
  'from',
  'to',
  'time',
  'view',
  'month',
];

/**
 * A query string with one to three parameters, mostly known ones, with
 * hostile values. Few at a time: with many, nearly every request would have
 * some invalid value and stop at validation before reaching the query code.
 */
export const hostileQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...knownKeys) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      ),
      hostileString,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) params.append(key, value);
    return params.toString();
  });

/** Every hostile value in every known parameter, one at a time: the deterministic part of each property. */
export const hostileExamples: [string][] = knownKeys.flatMap((key) =>
  HOSTILE_VALUES.map((value): [string] => [new URLSearchParams({ [key]: value }).toString()]),
);

/** A path segment (slug) of any shape, encoded. */
export const hostileSlug = hostileString.map((s) => encodeURIComponent(s || 'x'));

/** What must never appear in an answer: a stack trace, a raw database error, or a live script from input. */
export function leaks(body: string): string | null {
  if (/\bat .+\.(ts|js|mjs):\d+:\d+/.test(body)) return 'stack trace';
  if (/SQLITE_|LibsqlError|DrizzleQueryError|Failed query/.test(body)) return 'database error';
  if (/<script>alert\(1\)<\/script>|<img src=x onerror/i.test(body)) return 'unescaped echo';
  return null;
}

const inquiryKeys = [
  'product',
  'cooperative',
  'name',
  'organisation',
  'email',
  'phone',
  'country',
  'quantity',
  'unit',
  'wantedBy',
  'message',
  'locale',
  'consent',
  'website',
  'turnstileToken',
];

/** Any JSON value, hostile strings first. */
const hostileJsonValue = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 2 }) },
);

/**
 * A body for POST /inquiries: mostly an object of the known fields (a valid
 * one now and then, so the storing path runs too) with hostile values, or
 * any JSON at all.
 */
export const hostileInquiryBody = (cooperativeSlug: string) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.dictionary(fc.constantFrom(...inquiryKeys), hostileJsonValue, { maxKeys: 6 }), fc.boolean())
        .map(([fields, startValid]) => ({
          ...(startValid
            ? {
                cooperative: cooperativeSlug,
                name: 'Khách',
                email: 'khach@example.com',
                country: 'VN',
                message: 'Xin báo giá sản phẩm này.',
                consent: true,
              }
            : {}),
          ...fields,
        })),
    },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
