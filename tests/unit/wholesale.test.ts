/** What wholesale and export buyers read: the rules of tiers, HS codes and markets, and the form's reading of them. */
import { describe, expect, it } from 'vitest';
import { productInputFrom, productValuesFrom, productValuesOf } from '../../functions/pages/dashboard/product-form';
import { productInputSchema } from '../../src/server/products/product-input';
import type { ProductFields } from '../../src/server/products/owner-list';
import {
  formatHsCode,
  hasWholesaleTerms,
  isExportReady,
  shelfLifeParts,
  type WholesaleFields,
} from '../../src/server/products/wholesale';
import { diffFields } from '../../src/server/moderation/revision-diff';
import { fieldIssuesOf, parseInput } from '../../src/server/validation';
import { validProductForm } from '../support/valid-input';
import { buildDemoDataset } from '../../src/server/db/seed/demo';

const base = productInputFrom(validProductForm());
const issues = (extra: Record<string, unknown>) => fieldIssuesOf(productInputSchema, { ...base, ...extra });
const codeAt = (extra: Record<string, unknown>, path: string) => issues(extra)[path]?.code;

const NONE: WholesaleFields = {
  wholesaleMinOrder: null,
  priceTiers: [],
  leadTimeDays: null,
  monthlyCapacity: null,
  packagingVi: null,
  packagingEn: null,
  shelfLifeDays: null,
  storageVi: null,
  storageEn: null,
  exportMarkets: [],
  hsCode: null,
};

describe('price tiers', () => {
  const tier = (minQuantity: number, priceVnd: number) => ({ minQuantity, priceVnd });

  it('accepts ascending quantities at falling or equal prices, and none at all', () => {
    expect(issues({ priceTiers: [tier(10, 100_000), tier(50, 90_000), tier(200, 90_000)] })).toEqual({});
    expect(parseInput(productInputSchema, { ...base, priceTiers: null }).priceTiers).toEqual([]);
  });

  it('names the tier whose quantity does not rise, or whose price does', () => {
    expect(codeAt({ priceTiers: [tier(50, 100_000), tier(50, 90_000)] }, 'priceTiers.1.minQuantity')).toBe(
      'tier_quantity_order',
    );
    expect(codeAt({ priceTiers: [tier(50, 100_000), tier(20, 90_000)] }, 'priceTiers.1.minQuantity')).toBe(
      'tier_quantity_order',
    );
    expect(codeAt({ priceTiers: [tier(10, 90_000), tier(50, 95_000)] }, 'priceTiers.1.priceVnd')).toBe(
      'tier_price_order',
    );
  });

  it('refuses a first tier below the wholesale minimum, more than four tiers, and a quantity of 0', () => {
    expect(codeAt({ wholesaleMinOrder: 100, priceTiers: [tier(50, 1)] }, 'priceTiers.0.minQuantity')).toBe(
      'tier_below_minimum',
    );
    expect(issues({ wholesaleMinOrder: 100, priceTiers: [tier(100, 1)] })).toEqual({});
    const five = [1, 2, 3, 4, 5].map((n) => tier(n * 10, 100 - n));
    expect(codeAt({ priceTiers: five }, 'priceTiers')).toBe('too_big');
    expect(codeAt({ priceTiers: [tier(0, 1)] }, 'priceTiers.0.minQuantity')).toBe('too_small');
  });
});

describe('HS code', () => {
  it('accepts 4, 6, 8 or 10 digits with or without dots, and stores the digits', () => {
    for (const [typed, stored] of [
      ['0409', '0409'],
      ['0901.21', '090121'],
      ['0901.21.10', '09012110'],
      ['09012110', '09012110'],
      [' 0409.00.00.00 ', '0409000000'],
    ] as const)
      expect(parseInput(productInputSchema, { ...base, hsCode: typed }).hsCode, typed).toBe(stored);
    expect(parseInput(productInputSchema, { ...base, hsCode: null }).hsCode).toBeNull();
  });

  it('refuses other shapes', () => {
    for (const typed of ['040', '09012', '0901.2', '0901..21', '0901.21.10.00.00', 'HS0901', '0901-21'])
      expect(codeAt({ hsCode: typed }, 'hsCode'), typed).toBe('hs_code');
  });

  it('shows the digits with dots between the pairs', () => {
    expect(formatHsCode('0409')).toBe('0409');
    expect(formatHsCode('09012110')).toBe('0901.21.10');
  });
});

describe('export markets', () => {
  it('upper-cases, keeps each once and sorts; unknown codes are named in one message', () => {
    expect(parseInput(productInputSchema, { ...base, exportMarkets: ['us', 'JP', 'us'] }).exportMarkets).toEqual([
      'JP',
      'US',
    ]);
    expect(issues({ exportMarkets: ['JP', 'XX', 'EU'] }).exportMarkets).toEqual({
      code: 'country_codes_unknown',
      params: { codes: 'XX, EU' },
    });
  });

  it('reads country names in either language as their codes', () => {
    expect(
      parseInput(productInputSchema, { ...base, exportMarkets: ['Nhật Bản', 'South Korea', 'Mỹ', 'japan'] })
        .exportMarkets,
    ).toEqual(['JP', 'KR', 'US']);
    expect(issues({ exportMarkets: ['Nhật Bản', 'Nhat Bam'] }).exportMarkets).toEqual({
      code: 'country_codes_unknown',
      params: { codes: 'Nhat Bam' },
    });
  });
});

describe('export-ready and the page block', () => {
  it('is export-ready with markets served, or with an HS code and a wholesale minimum together', () => {
    expect(isExportReady({ ...NONE, exportMarkets: ['JP'] })).toBe(true);
    expect(isExportReady({ ...NONE, hsCode: '0409', wholesaleMinOrder: 100 })).toBe(true);
    expect(isExportReady({ ...NONE, hsCode: '0409' })).toBe(false);
    expect(isExportReady({ ...NONE, wholesaleMinOrder: 100 })).toBe(false);
  });

  it('has wholesale terms as soon as one field is given', () => {
    expect(hasWholesaleTerms(NONE)).toBe(false);
    expect(hasWholesaleTerms({ ...NONE, storageVi: 'Nơi khô ráo' })).toBe(true);
    expect(hasWholesaleTerms({ ...NONE, priceTiers: [{ minQuantity: 1, priceVnd: 1 }] })).toBe(true);
  });

  it('says shelf life in months from 60 days when it is whole months', () => {
    expect(shelfLifeParts(720)).toEqual({ count: 24, unit: 'months' });
    expect(shelfLifeParts(45)).toEqual({ count: 45, unit: 'days' });
    expect(shelfLifeParts(100)).toEqual({ count: 100, unit: 'days' });
  });
});

describe('the product form', () => {
  it('reads tier rows filled first, markets as typed codes, and blank wholesale fields as nothing', () => {
    const values = productValuesFrom(
      validProductForm({
        'priceTiers.0.minQuantity': '',
        'priceTiers.0.priceVnd': '',
        'priceTiers.1.minQuantity': '100',
        'priceTiers.1.priceVnd': '90.000',
        'priceTiers.3.minQuantity': '500',
        exportMarkets: 'jp, kr;us',
        hsCode: '0409.00',
      }),
    );
    expect(values['priceTiers.0.minQuantity']).toBe('100');
    expect(values['priceTiers.1.minQuantity']).toBe('500');
    expect(values['priceTiers.3.minQuantity']).toBe('');
    const input = productInputFrom(values);
    expect(input.priceTiers).toEqual([
      { minQuantity: 100, priceVnd: 90_000 },
      { minQuantity: 500, priceVnd: undefined },
    ]);
    expect(input.exportMarkets).toEqual(['jp', 'kr', 'us']);
    // A name with spaces stays one country; codes may also be written between spaces.
    const named = (typed: string) => productInputFrom(productValuesFrom(validProductForm({ exportMarkets: typed })));
    expect(named('Nhật Bản, Hàn Quốc').exportMarkets).toEqual(['Nhật Bản', 'Hàn Quốc']);
    expect(named('jp kr').exportMarkets).toEqual(['jp', 'kr']);
    // The half-filled row's missing price is named where the form shows it.
    expect(fieldIssuesOf(productInputSchema, input)['priceTiers.1.priceVnd']?.code).toBe('required');
    expect(productInputFrom(productValuesFrom(validProductForm()))).toMatchObject({
      wholesaleMinOrder: null,
      priceTiers: [],
      exportMarkets: [],
      hsCode: null,
    });
  });

  it('writes stored terms back into the form', () => {
    const stored = parseInput(productInputSchema, {
      ...base,
      priceTiers: [{ minQuantity: 100, priceVnd: 90_000 }],
      exportMarkets: ['JP', 'KR'],
      hsCode: '04090000',
    }) as ProductFields;
    const values = productValuesOf(stored);
    expect(values).toMatchObject({
      'priceTiers.0.minQuantity': '100',
      'priceTiers.0.priceVnd': '90000',
      'priceTiers.1.minQuantity': '',
      exportMarkets: 'JP, KR',
      hsCode: '0409.00.00',
    });
  });
});

describe('review diffs of lists', () => {
  it('compares tiers and markets by value, an empty list as nothing', () => {
    const published = { priceTiers: [{ minQuantity: 10, priceVnd: 5 }], exportMarkets: [] as string[] };
    const [tiers, markets] = diffFields(['priceTiers', 'exportMarkets'], published, {
      priceTiers: [{ minQuantity: 10, priceVnd: 5 }],
      exportMarkets: [],
    });
    expect(tiers?.changed).toBe(false);
    expect(markets).toMatchObject({ before: null, after: null, changed: false });
    const [changed] = diffFields(['exportMarkets'], published, { exportMarkets: ['JP'] });
    expect(changed).toMatchObject({ before: null, after: '["JP"]', changed: true });
  });
});

describe('the demo catalogue', () => {
  it('gives a handful of published products wholesale terms that pass the form’s rules, some export-ready', () => {
    const products = buildDemoDataset(new Date('2026-11-01T00:00:00Z')).products.filter(
      (p) => (p.priceTiers ?? []).length > 0 || p.wholesaleMinOrder,
    );
    expect(products.length).toBeGreaterThanOrEqual(4);
    expect(products.length).toBeLessThanOrEqual(10);
    for (const p of products) {
      expect(p.status).toBe('published');
      const terms = Object.fromEntries(Object.keys(NONE).map((name) => [name, p[name as keyof typeof p]]));
      expect(issues(terms), p.slug).toEqual({});
    }
    expect(products.filter((p) => isExportReady(p as unknown as WholesaleFields)).length).toBeGreaterThanOrEqual(3);
  });
});
