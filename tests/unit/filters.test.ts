import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkProductFilters,
  effectiveSort,
  MAX_PAGE,
  productFilterShape,
} from '../../src/server/products/product-filters';
import { directoryFilterShape } from '../../src/server/cooperatives/directory-filters';
import {
  canonicalListParams,
  filtersToQuery,
  formerProvincesAsked,
  parseLenient,
} from '../../src/server/search/params';

const strict = z.object(productFilterShape);

describe('product filters, strict (API)', () => {
  it('coerces query strings to typed filters and treats empty form fields as absent', () => {
    expect(
      strict.parse({
        q: '  mat ong ',
        stars: '4',
        minPrice: '50000',
        page: '2',
        province: 'bac-ninh',
        group: '',
        sort: '',
      }),
    ).toEqual({ q: 'mat ong', stars: 4, minPrice: 50000, page: 2, province: ['bac-ninh'] });
  });

  it.each([
    ['stars', '9'],
    ['stars', '2'],
    ['stars', '4.5'],
    ['page', '-1'],
    ['page', String(MAX_PAGE + 1)],
    ['limit', '101'],
    ['province', 'Bắc Ninh'],
    ['province', '../etc'],
    ['group', 'banh_keo'],
    ['minPrice', '1e12'],
    ['q', 'x'.repeat(201)],
  ])('refuses %s=%s', (field, value) => {
    const result = strict.safeParse({ [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('reports an upside-down price range on maxPrice', () => {
    expect(checkProductFilters({ minPrice: 500, maxPrice: 100 })).toEqual({
      maxPrice: { code: 'too_small', params: { min: 500 } },
    });
    expect(checkProductFilters({ minPrice: 100, maxPrice: 100 })).toEqual({});
  });
});

describe('product filters, lenient (pages)', () => {
  it('keeps the valid filters and names the ignored ones', () => {
    const params = new URLSearchParams('q=che&stars=9&page=-1&group=do_uong&province=atlantis&unknown=1');
    const { filters, ignored } = parseLenient(productFilterShape, params, checkProductFilters);
    expect(filters).toEqual({ q: 'che', group: ['do_uong'], province: ['atlantis'] });
    expect(ignored).toEqual(['stars', 'page']);
  });

  it('drops both ends of nothing but the field a person would fix in a bad range', () => {
    const { filters, ignored } = parseLenient(
      productFilterShape,
      new URLSearchParams('minPrice=500000&maxPrice=1000'),
      checkProductFilters,
    );
    expect(filters).toEqual({ minPrice: 500000 });
    expect(ignored).toEqual(['maxPrice']);
  });

  it('reads the cooperative directory filters, booleans included', () => {
    const { filters, ignored } = parseLenient(
      directoryFilterShape,
      new URLSearchParams('hasOcop=1&kind=hop_tac_xa&classification=xuat_sac'),
    );
    expect(filters).toEqual({ hasOcop: true, kind: ['hop_tac_xa'] });
    expect(ignored).toEqual(['classification']);
  });

  it('reads several values of a multi-value filter, keeping the valid ones of a mixed set', () => {
    const { filters, ignored } = parseLenient(
      productFilterShape,
      new URLSearchParams('group=thuc_pham&group=do_uong&group=thuc_pham&certification=bogus&certification=vietgap'),
    );
    expect(filters).toEqual({ group: ['do_uong', 'thuc_pham'], certification: ['vietgap'] });
    expect(ignored).toEqual(['certification']);
  });

  it('refuses an unknown value among several in the API, naming the field', () => {
    const result = strict.safeParse({ group: ['thuc_pham', 'banh_keo'] });
    expect(result.error?.issues[0]?.path).toEqual(['group']);
    expect(strict.parse({ province: ['son-la', 'ha-noi'], ocop: 'true' })).toEqual({
      province: ['ha-noi', 'son-la'],
      ocop: true,
    });
  });

  it('writes the applied filters back as a query string without the page', () => {
    expect(filtersToQuery({ province: ['ha-noi', 'son-la'], group: [] }).toString()).toBe(
      'province=ha-noi&province=son-la',
    );
    expect(filtersToQuery({ q: 'mat ong', stars: 4, page: 3, hasOcop: true, group: undefined }).toString()).toBe(
      'q=mat+ong&stars=4&hasOcop=true',
    );
  });
});

describe('clean list addresses', () => {
  it('drops the empty fields a GET form sends, keeping the rest in order', () => {
    expect(canonicalListParams(new URLSearchParams('q=mat+ong&province=&group=&stars=4&sort='))?.toString()).toBe(
      'q=mat+ong&stars=4',
    );
    expect(canonicalListParams(new URLSearchParams('q=+++'))?.toString()).toBe('');
  });

  it('lists a repeated parameter once per value, in sorted order', () => {
    expect(
      canonicalListParams(
        new URLSearchParams('q=che&province=son-la&province=ha-noi&province=son-la&group=do_uong'),
      )?.toString(),
    ).toBe('q=che&province=ha-noi&province=son-la&group=do_uong');
    expect(canonicalListParams(new URLSearchParams('province=ha-noi&province=son-la'))).toBeNull();
  });

  it('names a province by its current slug: a pre-2025 or renamed one by the unit it is part of now', () => {
    // `formerly` carries the name asked for, for the page's note ("Hà Giang nay thuộc Tuyên Quang").
    expect(canonicalListParams(new URLSearchParams('q=che&province=ha-giang'))?.toString()).toBe(
      'q=che&province=tuyen-quang&formerly=ha-giang',
    );
    expect(
      canonicalListParams(
        new URLSearchParams('province=tien-giang&province=dong-thap&province=thua-thien-hue'),
      )?.toString(),
    ).toBe('province=dong-thap&province=hue&formerly=thua-thien-hue&formerly=tien-giang');
    // Only the province filter: a search for the old name is read by the search (places.ts).
    expect(canonicalListParams(new URLSearchParams('q=ha-giang'))).toBeNull();
  });

  it('keeps `formerly` only for a former province of a province chosen', () => {
    expect(canonicalListParams(new URLSearchParams('province=tuyen-quang&formerly=ha-giang'))).toBeNull();
    expect(canonicalListParams(new URLSearchParams('province=ha-giang&formerly=ha-giang'))?.toString()).toBe(
      'province=tuyen-quang&formerly=ha-giang',
    );
    // Not one of the province chosen, no province at all, not a former province, empty.
    expect(canonicalListParams(new URLSearchParams('province=son-la&formerly=ha-giang'))?.toString()).toBe(
      'province=son-la',
    );
    expect(canonicalListParams(new URLSearchParams('q=che&formerly=ha-giang'))?.toString()).toBe('q=che');
    expect(canonicalListParams(new URLSearchParams('province=ha-noi&formerly=ha-noi'))?.toString()).toBe(
      'province=ha-noi',
    );
    expect(canonicalListParams(new URLSearchParams('province=ha-noi&formerly='))?.toString()).toBe('province=ha-noi');
  });

  it('names the former provinces a canonical query asks for, with the unit each is part of now', () => {
    const asked = formerProvincesAsked(new URLSearchParams('province=tuyen-quang&formerly=ha-giang&formerly=ha-giang'));
    expect(asked.map((former) => [former.nameVi, former.successor.slug])).toEqual([['Hà Giang', 'tuyen-quang']]);
    expect(formerProvincesAsked(new URLSearchParams('province=son-la&formerly=ha-giang'))).toEqual([]);
    expect(formerProvincesAsked(new URLSearchParams('formerly=<script>'))).toEqual([]);
  });

  it('leaves a clean address alone (null: no redirect)', () => {
    expect(canonicalListParams(new URLSearchParams('q=mat+ong&stars=4'))).toBeNull();
    expect(canonicalListParams(new URLSearchParams(''))).toBeNull();
  });
});

describe('sorting rules', () => {
  it('ranks by relevance only when there are words to rank by', () => {
    expect(effectiveSort({}, false)).toBe('newest');
    expect(effectiveSort({ q: 'mat' }, true)).toBe('relevance');
    expect(effectiveSort({ q: '!!!', sort: 'relevance' }, false)).toBe('newest');
    expect(effectiveSort({ q: 'mat', sort: 'price_asc' }, true)).toBe('price_asc');
  });
});
