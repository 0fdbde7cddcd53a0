/**
 * The portal's GS1 Digital Link addresses, checked against an independent
 * implementation of the standard's grammar (digital-link.js) as well as
 * against our own parser of the qualifiers that follow a GTIN.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { batchLabelPath, parseGtinQualifiers, productLabelPath } from '../../src/server/provenance/digital-link';

// A CommonJS package without types: only the two calls used here are typed.
const { DigitalLink } = createRequire(import.meta.url)('digital-link.js') as {
  DigitalLink: (uri: string) => { isValid(): boolean; getKeyQualifiers(): Record<string, string> };
};

const ORIGIN = 'https://cho-htx.example';
const GTIN = '04006381333931';

/** Our verdict on an address's path: the segments after the GTIN, each decoded once, as the route reads them. */
function ours(path: string) {
  return parseGtinQualifiers(path.split('/').slice(3).map(decodeURIComponent));
}

describe('label addresses', () => {
  it.each(['L2024-01', 'A/B?C&D', "50%'()*+", 'ABCDEFGHIJKLMNOPQRST'])(
    'of a batch with lot %s are valid GS1 Digital Links that carry the lot',
    (lot) => {
      const path = batchLabelPath({ gtin: GTIN, traceCode: 'ABCD1234' }, lot);
      const link = DigitalLink(`${ORIGIN}${path}`);
      expect(link.isValid()).toBe(true);
      expect(decodeURIComponent(link.getKeyQualifiers()['10']!)).toBe(lot);
      expect(ours(path)).toEqual({ ok: true, values: { '10': lot } });
    },
  );

  it('of a product is a valid GS1 Digital Link', () => {
    expect(DigitalLink(`${ORIGIN}${productLabelPath({ gtin: GTIN, traceCode: 'ABCD1234' })}`).isValid()).toBe(true);
  });
});

describe('qualifiers after a GTIN', () => {
  it.each([
    [`/01/${GTIN}/10/AB-1/21/77`, { '10': 'AB-1', '21': '77' }],
    [`/01/${GTIN}/22/V1/10/AB`, { '22': 'V1', '10': 'AB' }],
    [`/01/${GTIN}/22/V1`, { '22': 'V1' }],
    [`/01/${GTIN}/22/V1/10/AB/21/S-9`, { '22': 'V1', '10': 'AB', '21': 'S-9' }],
  ])('%s is valid for the library and for us', (path, values) => {
    expect(DigitalLink(`${ORIGIN}${path}`).isValid()).toBe(true);
    expect(ours(path)).toEqual({ ok: true, values });
  });

  it.each([
    [`/01/${GTIN}/10/A%20B`, { problem: 'qualifier_value', ai: '10', value: 'A B' }],
    [`/01/${GTIN}/10/ABCDEFGHIJKLMNOPQRSTU`, { problem: 'qualifier_value', ai: '10', value: 'ABCDEFGHIJKLMNOPQRSTU' }],
    [`/01/${GTIN}/10/AB/21/${'9'.repeat(21)}`, { problem: 'qualifier_value', ai: '21', value: '9'.repeat(21) }],
    [`/01/${GTIN}/21/77/10/AB`, { problem: 'qualifier_path' }],
    [`/01/${GTIN}/17/270101`, { problem: 'qualifier_path' }],
  ])('%s is invalid for the library, and for us: %o', (path, problem) => {
    expect(DigitalLink(`${ORIGIN}${path}`).isValid()).toBe(false);
    expect(ours(path)).toEqual({ ok: false, ...problem });
  });

  it('a lone AI without its value, or an AI twice, is refused', () => {
    expect(ours(`/01/${GTIN}/10`)).toEqual({ ok: false, problem: 'qualifier_path' });
    // The library's grammar lets an AI repeat; the syntax does not (§4.4), and two lots would be ambiguous.
    expect(ours(`/01/${GTIN}/10/AB/10/CD`)).toEqual({ ok: false, problem: 'qualifier_path' });
  });
});
