import { describe, expect, it } from 'vitest';
import { publicImageUrls } from '../../src/server/products/image-urls';
import { publicContact } from '../../src/server/cooperatives/contact';
import { breadcrumbListLd, gtinProperty, productLd, serializeJsonLd, webSiteLd } from '../../src/server/seo/json-ld';
import { urlSetXml, xmlEscape } from '../../src/server/seo/sitemap-xml';
import { mailLinkOrigin, resolveOrigin } from '../../src/server/seo/urls';

describe('serializeJsonLd', () => {
  it('cannot end its script element or open a comment, and still parses to the same value', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029 "quoted"' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(json).toContain('\\u2028');
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('webSiteLd', () => {
  it('declares the product search as the site search action, with q as its parameter', () => {
    const ld = webSiteLd({
      name: 'Chợ HTX',
      url: 'https://x/en/',
      searchUrl: 'https://x/en/products',
      inLanguage: 'en',
    });
    expect(ld).toMatchObject({
      '@type': 'WebSite',
      url: 'https://x/en/',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'https://x/en/products?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});

describe('productLd', () => {
  const base = {
    name: 'Chè Tân Cương',
    description: 'Chè xanh',
    url: 'https://x/san-pham/che',
    images: [],
    sku: 'ABC12345',
    gtin: '08931234567890',
    category: 'Đồ uống',
    cooperative: { name: 'HTX Chè Tân Cương', url: 'https://x/hop-tac-xa/htx-che' },
    properties: [],
  };

  it('states an Offer in VND only when there is a price, and never ratings or reviews', () => {
    const priced = productLd({ ...base, offer: { priceVnd: 250000, unit: 'gói', minOrder: 10 } });
    expect(priced.offers).toMatchObject({ '@type': 'Offer', price: 250000, priceCurrency: 'VND' });
    const onRequest = productLd({ ...base, offer: null });
    expect(onRequest).not.toHaveProperty('offers');
    expect(onRequest).not.toHaveProperty('aggregateRating');
    expect(onRequest).not.toHaveProperty('review');
    expect(onRequest.brand).toMatchObject({ '@type': 'Organization', name: 'HTX Chè Tân Cương' });
  });

  it('adds a wholesale Offer with its minimum order, one UnitPriceSpecification per tier and the lead time', () => {
    const wholesale = {
      unit: 'gói',
      minOrder: 100,
      tiers: [
        { minQuantity: 100, priceVnd: 220000 },
        { minQuantity: 500, priceVnd: 200000 },
      ],
      leadTimeDays: 7,
    };
    const ld = productLd({ ...base, offer: { priceVnd: 250000, unit: 'gói', minOrder: 10 }, wholesale });
    const [retail, bulk] = ld.offers as Record<string, unknown>[];
    expect(retail).toMatchObject({ price: 250000, availability: 'https://schema.org/InStock' });
    expect(bulk).toMatchObject({
      '@type': 'Offer',
      price: 220000,
      priceCurrency: 'VND',
      availability: 'https://schema.org/InStock',
      eligibleQuantity: { '@type': 'QuantitativeValue', minValue: 100, unitText: 'gói' },
      deliveryLeadTime: { '@type': 'QuantitativeValue', value: 7, unitCode: 'DAY' },
    });
    expect(bulk?.priceSpecification).toEqual([
      expect.objectContaining({
        '@type': 'UnitPriceSpecification',
        price: 220000,
        eligibleQuantity: expect.objectContaining({ minValue: 100 }),
      }),
      expect.objectContaining({ price: 200000, eligibleQuantity: expect.objectContaining({ minValue: 500 }) }),
    ]);
    // Without a retail price the wholesale Offer stands alone; without any terms there is none.
    expect(productLd({ ...base, offer: null, wholesale }).offers).toMatchObject({ price: 220000 });
    const none = { ...wholesale, minOrder: null, tiers: [] };
    expect(productLd({ ...base, offer: null, wholesale: none })).not.toHaveProperty('offers');
  });

  it('names GTIN-13 and GTIN-14 by their length as printed', () => {
    expect(gtinProperty('08931234567890')).toEqual({ gtin13: '8931234567890' });
    expect(gtinProperty('18931234567897')).toEqual({ gtin14: '18931234567897' });
    expect(gtinProperty(null)).toEqual({});
    expect(gtinProperty('123')).toEqual({});
  });

  it('numbers breadcrumb items from 1', () => {
    const ld = breadcrumbListLd([
      { name: 'A', url: 'https://x/' },
      { name: 'B', url: 'https://x/b' },
    ]);
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'A', item: 'https://x/' },
      { '@type': 'ListItem', position: 2, name: 'B', item: 'https://x/b' },
    ]);
  });
});

describe('sitemap XML', () => {
  it('escapes everything it writes', () => {
    expect(xmlEscape(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
    const xml = urlSetXml('https://x', [{ paths: { vi: '/tinh?a=1&b=2', en: '/en/provinces?a=1&b=2' } }]);
    expect(xml).toContain('<loc>https://x/tinh?a=1&amp;b=2</loc>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

describe('links made from cooperatives’ own data', () => {
  it('keeps only what is safe to put in an href', () => {
    expect(
      publicContact({ phone: '+84 912 345 678', email: 'a@b.vn', website: 'https://htx.vn', zalo: '84912345678' }),
    ).toEqual({
      phone: '+84912345678',
      email: 'a@b.vn',
      website: 'https://htx.vn/',
      zaloUrl: 'https://zalo.me/84912345678',
    });
    expect(
      publicContact({ phone: 'call me', email: 'not an email', website: 'javascript:alert(1)', zalo: 'abc' }),
    ).toEqual({ phone: null, email: null, website: null, zaloUrl: null });
    expect(
      publicImageUrls([
        '/media/a.jpg',
        'https://cdn.x/b.png',
        '//evil/c.png',
        'data:image/png;base64,xx',
        'javascript:x',
      ]),
    ).toEqual(['/media/a.jpg', 'https://cdn.x/b.png']);
  });

  it('builds absolute links on PUBLIC_ORIGIN when it is set and usable', () => {
    const request = new URL('http://127.0.0.1:4321/san-pham');
    expect(resolveOrigin('https://chohtx.vn/', request)).toBe('https://chohtx.vn');
    expect(resolveOrigin(undefined, request)).toBe('http://127.0.0.1:4321');
    expect(resolveOrigin('ftp://x', request)).toBe('http://127.0.0.1:4321');
  });

  it('builds links sent by mail on PUBLIC_ORIGIN only, refusing to guess one from the request', () => {
    expect(mailLinkOrigin('https://chohtx.vn/')).toBe('https://chohtx.vn');
    expect(() => mailLinkOrigin(undefined)).toThrow(/PUBLIC_ORIGIN/);
    expect(() => mailLinkOrigin('')).toThrow(/PUBLIC_ORIGIN/);
    expect(() => mailLinkOrigin('chohtx.vn')).toThrow(/PUBLIC_ORIGIN/);
  });
});
