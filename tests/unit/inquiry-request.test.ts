/** A request to several cooperatives: its products grouped into one thread per cooperative, and its fields checked like an inquiry's. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/server/errors';
import { INQUIRY_LIMITS, parseInquiryRequest } from '../../src/server/inquiries/input';
import {
  distinctSlugs,
  groupByCooperative,
  type RequestedProduct,
  shareSubject,
} from '../../src/server/inquiries/request';

const product = (slug: string, cooperative: string): RequestedProduct => ({
  id: `id-${slug}`,
  slug,
  nameVi: `Tên ${slug}`,
  nameEn: `Name ${slug}`,
  cooperativeId: `coop-${cooperative}`,
  cooperativeSlug: cooperative,
  cooperativeName: `HTX ${cooperative}`,
});

describe('groupByCooperative', () => {
  it('gives each cooperative one share, in the order its first product was named', () => {
    const shares = groupByCooperative([
      product('mat-ong', 'u-minh'),
      product('tra', 'ta-xua'),
      product('sap-ong', 'u-minh'),
    ]);
    expect(shares.map((share) => share.cooperativeSlug)).toEqual(['u-minh', 'ta-xua']);
    expect(shares[0]?.products.map((p) => p.slug)).toEqual(['mat-ong', 'sap-ong']);
    expect(shares[1]?.products.map((p) => p.slug)).toEqual(['tra']);
  });

  it('makes one share of products that all come from one cooperative', () => {
    const shares = groupByCooperative([product('a', 'x'), product('b', 'x')]);
    expect(shares).toHaveLength(1);
    expect(shareSubject(shares[0]!)).toBe('Tên a, Tên b');
  });

  it('names a product once however often it is listed', () => {
    const shares = groupByCooperative([product('a', 'x'), product('a', 'x')]);
    expect(shares[0]?.products).toHaveLength(1);
  });

  it('gives nothing for nothing', () => {
    expect(groupByCooperative([])).toEqual([]);
  });
});

describe('distinctSlugs', () => {
  it('keeps the first of each, in order', () => {
    expect(distinctSlugs(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});

describe('parseInquiryRequest', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const body = {
    products: ['mat-ong', 'tra'],
    name: 'Lan',
    email: 'Lan@Example.com',
    country: 'vn',
    message: 'Xin báo giá sỉ cho cả hai sản phẩm.',
    consent: true,
  };
  const issuesOf = (raw: unknown) => {
    try {
      parseInquiryRequest(raw, now, 'vi');
    } catch (error) {
      if (error instanceof ValidationError) return error.fields;
      throw error;
    }
    return null;
  };

  it('reads the buyer’s fields as an inquiry’s, and the products as given', () => {
    const input = parseInquiryRequest(body, now, 'en');
    expect(input).toMatchObject({ productSlugs: ['mat-ong', 'tra'], email: 'lan@example.com', country: 'VN' });
    expect(input.locale).toBe('en');
  });

  it('needs at least one product and refuses more than the limit', () => {
    expect(issuesOf({ ...body, products: [] })?.products?.code).toBe('products_required');
    const many = Array.from({ length: INQUIRY_LIMITS.requestProductsMax + 1 }, (_, i) => `p-${i}`);
    expect(issuesOf({ ...body, products: many })?.products).toEqual({
      code: 'too_many_products',
      params: { max: INQUIRY_LIMITS.requestProductsMax },
    });
  });

  it('reports the other fields’ problems together with the list’s', () => {
    const fields = issuesOf({ ...body, products: 'mat-ong', email: null, consent: false });
    expect(Object.keys(fields ?? {}).sort()).toEqual(['consent', 'email', 'products']);
  });

  it('refuses a single product field: the request names its products in the list', () => {
    expect(issuesOf({ ...body, product: 'mat-ong' })?.product?.code).toBe('unknown_field');
  });
});
