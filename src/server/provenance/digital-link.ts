/**
 * The language-neutral addresses printed on packages (in QR codes). They are
 * resolvers: each answers with a 307 to the page in the scanner's language.
 * - with a GTIN: the GS1 Digital Link forms /01/{gtin} and /01/{gtin}/10/{lot}
 *   (GTIN as stored, 14 digits, which GS1 Digital Link names as canonical);
 * - without one: the portal's short code, /truy-xuat/{code} and /truy-xuat/{code}/{lot}.
 */
import { encodeLotCode, isLotCode } from './lot-code';

export interface LabelledProduct {
  gtin: string | null;
  traceCode: string;
}

export function productLabelPath(product: LabelledProduct): string {
  return product.gtin ? `/01/${product.gtin}` : `/truy-xuat/${product.traceCode}`;
}

export function batchLabelPath(product: LabelledProduct, lotCode: string): string {
  return `${productLabelPath(product)}/${product.gtin ? '10/' : ''}${encodeLotCode(lotCode)}`;
}

/**
 * The key qualifiers GS1 Digital Link allows after a GTIN, in the one order
 * it allows them (GS1 Digital Link URI Syntax §4.4): 22 consumer product
 * variant, 10 batch/lot, 21 serial number. All three are 1 to 20 characters
 * of character set 82, the lot code's syntax (`lot-code.ts`).
 */
export const GTIN_QUALIFIERS = ['22', '10', '21'] as const;
export type GtinQualifier = (typeof GTIN_QUALIFIERS)[number];

export type QualifierProblem =
  /** Not (AI, value) pairs of the allowed AIs, each at most once and in order. */
  | { problem: 'qualifier_path' }
  /** A value the AI's syntax does not allow (a space, more than 20 characters, …). */
  | { problem: 'qualifier_value'; ai: GtinQualifier; value: string };

export type ParsedQualifiers =
  { ok: true; values: Partial<Record<GtinQualifier, string>> } | ({ ok: false } & QualifierProblem);

/**
 * The qualifiers of a /01/{gtin}/… address: the path segments after the GTIN,
 * each already percent-decoded once. A syntax error is the scanner's to fix
 * (400), unlike a well-formed value the portal does not know.
 */
export function parseGtinQualifiers(segments: readonly string[]): ParsedQualifiers {
  if (segments.length % 2 !== 0) return { ok: false, problem: 'qualifier_path' };
  const values: Partial<Record<GtinQualifier, string>> = {};
  let previous = -1;
  for (let i = 0; i < segments.length; i += 2) {
    const ai = segments[i] as GtinQualifier;
    const order = GTIN_QUALIFIERS.indexOf(ai);
    if (order <= previous) return { ok: false, problem: 'qualifier_path' };
    previous = order;
    const value = segments[i + 1]!;
    if (!isLotCode(value)) return { ok: false, problem: 'qualifier_value', ai, value };
    values[ai] = value;
  }
  return { ok: true, values };
}
