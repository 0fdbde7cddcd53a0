import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FORMER_PROVINCES } from '../../src/server/provinces/reference';
import { readJson, redirectOf } from '../support/http';
import { executableScripts, textOf } from '../support/html';

const baseUrl = inject('baseUrl');

async function page(path: string) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  return { res, html: await res.text() };
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

function types(html: string) {
  return jsonLd(html).map((block) => block['@type']);
}

interface Card {
  slug: string;
  nameVi: string;
  nameEn: string;
  name: string;
}

let product: Card;
let cooperative: Card;

beforeAll(async () => {
  // Real slugs, found the way an API client would.
  const res = await fetch(`${baseUrl}/api/v1/provinces/ha-noi`);
  expect(res.status).toBe(200);
  const body = await readJson(res);
  product = body.products[0];
  cooperative = body.cooperatives[0];
  expect(product?.slug).toBeTruthy();
  expect(cooperative?.slug).toBeTruthy();
});

describe('product page', () => {
  it('shows the product in Vietnamese with breadcrumbs, OCOP, origin, provenance and a way to contact', async () => {
    const { res, html } = await page(`/san-pham/${product.slug}`);
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="vi"');
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*aria-label="Đường dẫn trang"/);
    const text = textOf(html);
    expect(text).toContain(product.nameVi);
    expect(text).toContain('Chứng nhận OCOP');
    expect(text).toContain('Xuất xứ');
    expect(text).toContain('Liên hệ về sản phẩm này');
    expect(html).toMatch(/href="tel:\+84\d+"/);
    expect(html).toMatch(/href="\/tinh\/ha-noi"/);
    expect(html).toContain('<meta property="og:type" content="product"');
    expect(html).toContain('<meta name="twitter:card" content="summary"');
    expect(html).toContain(`<link rel="canonical" href="${baseUrl}/san-pham/${product.slug}"`);
  });

  it('carries Product and BreadcrumbList JSON-LD that parses, and no script a browser would run', async () => {
    const { html } = await page(`/san-pham/${product.slug}`);
    expect(types(html)).toEqual(['Product', 'BreadcrumbList']);
    const [ld, trail] = jsonLd(html);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      name: product.nameVi,
      url: `${baseUrl}/san-pham/${product.slug}`,
    });
    expect(ld?.brand).toMatchObject({ '@type': 'Organization' });
    expect(ld).not.toHaveProperty('aggregateRating');
    expect((trail?.itemListElement as unknown[]).length).toBe(3);
    expect(executableScripts(html)).toEqual([]);
  });

  it('is served in English at /en/products/{slug}', async () => {
    const { res, html } = await page(`/en/products/${product.slug}`);
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en"');
    const text = textOf(html);
    expect(text).toContain(product.nameEn || product.nameVi);
    expect(text).toContain('OCOP certification');
    expect(text).toContain('Ask about this product');
    expect(html).toMatch(/<a class="lang-switch" href="\/san-pham\//);
  });

  it('fits HTML and CSS in the first 14 KB round trip, compressed', async () => {
    const { html } = await page(`/san-pham/${product.slug}`);
    // The print sheet (media="print") does not block rendering: browsers fetch it later, at low priority.
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"(?! media="print")/g)].map(
      (m) => m[1] ?? '',
    );
    const css = await Promise.all(styles.map(async (href) => (await fetch(`${baseUrl}${href}`)).text()));
    const bytes = gzipSync(html).length + css.reduce((sum, sheet) => sum + gzipSync(sheet).length, 0);
    expect(bytes).toBeLessThan(14 * 1024);
  });
});

describe('wholesale terms', () => {
  it('lists export-ready products, shows their terms, and states them as Offers in JSON-LD and the API', async () => {
    const list = await readJson(await fetch(`${baseUrl}/api/v1/products?exportReady=true&limit=100`));
    const all = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=100`));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.length).toBeLessThan(all.total);
    // A product with tiers: the demo gives them to priced products of a few types (seed/content/wholesale.ts).
    let detail: Awaited<ReturnType<typeof readJson>>;
    for (const item of list.items as { slug: string }[]) {
      const candidate = await readJson(await fetch(`${baseUrl}/api/v1/products/${item.slug}`));
      expect(candidate.exportReady).toBe(true);
      if (candidate.wholesale.priceTiers.length > 0 && candidate.priceVnd !== null) {
        detail = candidate;
        break;
      }
    }
    expect(detail).toBeDefined();
    const terms = detail.wholesale;

    const { html } = await page(`/san-pham/${detail.slug}`);
    expect(textOf(html)).toContain('Mua sỉ');
    const [ld] = jsonLd(html);
    const [retail, wholesale] = ld?.offers as Awaited<ReturnType<typeof readJson>>[];
    expect(retail).toMatchObject({
      '@type': 'Offer',
      price: detail.priceVnd,
      availability: 'https://schema.org/InStock',
    });
    expect(wholesale).toMatchObject({
      '@type': 'Offer',
      priceCurrency: 'VND',
      availability: 'https://schema.org/InStock',
      eligibleQuantity: { '@type': 'QuantitativeValue', minValue: terms.wholesaleMinOrder, unitText: detail.unitVi },
    });
    expect(wholesale?.priceSpecification).toEqual(
      terms.priceTiers.map((tier: { minQuantity: number; priceVnd: number }) =>
        expect.objectContaining({
          '@type': 'UnitPriceSpecification',
          price: tier.priceVnd,
          priceCurrency: 'VND',
          eligibleQuantity: expect.objectContaining({ '@type': 'QuantitativeValue', minValue: tier.minQuantity }),
        }),
      ),
    );
    const english = await page(`/en/products/${detail.slug}`);
    expect(textOf(english.html)).toContain('Wholesale');
  });

  it('states minimum orders as quantities of the unit, and none when it is one', async () => {
    const list = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=100`));
    type Detail = { slug: string; minOrder: number; unitVi: string; unitEn: string };
    const details: Detail[] = [];
    for (const item of list.items as { slug: string }[]) {
      details.push(await readJson(await fetch(`${baseUrl}/api/v1/products/${item.slug}`)));
      if (details.some((d) => d.minOrder === 1) && details.some((d) => d.minOrder > 1 && d.unitEn === 'kg')) break;
    }
    const one = details.find((d) => d.minOrder === 1);
    const kg = details.find((d) => d.minOrder > 1 && d.unitEn === 'kg');
    expect(one && kg).toBeTruthy();

    const onePages = [
      textOf((await page(`/san-pham/${one!.slug}`)).html),
      textOf((await page(`/en/products/${one!.slug}`)).html),
    ];
    expect(onePages[0]).not.toContain('Đặt tối thiểu');
    expect(onePages[1]).not.toContain('Minimum order');
    const vi = textOf((await page(`/san-pham/${kg!.slug}`)).html);
    const en = textOf((await page(`/en/products/${kg!.slug}`)).html);
    expect(vi).toContain(`Đặt tối thiểu ${kg!.minOrder} kg`);
    expect(en).toContain(`Minimum order ${kg!.minOrder} kg`);
    for (const text of [...onePages, vi, en]) expect(text).not.toMatch(/\d × (kg|chiếc|piece)\b/);
  });
});

describe('cooperative profile', () => {
  it('shows the cooperative in both languages with Organization JSON-LD', async () => {
    for (const [path, lang, heading] of [
      [`/hop-tac-xa/${cooperative.slug}`, 'vi', 'Sản phẩm của hợp tác xã'],
      [`/en/cooperatives/${cooperative.slug}`, 'en', 'Products'],
    ] as const) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(textOf(html)).toContain(cooperative.name);
      expect(textOf(html)).toContain(heading);
      expect(types(html)).toEqual(['Organization', 'BreadcrumbList']);
      const [org] = jsonLd(html);
      expect(org).toMatchObject({
        name: cooperative.name,
        address: { '@type': 'PostalAddress', addressCountry: 'VN' },
      });
      expect(executableScripts(html)).toEqual([]);
    }
  });
});

describe('province pages', () => {
  it('shows a province with its cooperatives, products and breadcrumbs', async () => {
    const { res, html } = await page('/tinh/ha-noi');
    expect(res.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Hà Nội');
    expect(text).toContain(cooperative.name);
    expect(html).toContain(`href="/san-pham/${product.slug}"`);
    expect(types(html)).toEqual(['BreadcrumbList']);
    expect((await page('/en/provinces/ha-noi')).res.status).toBe(200);
  });

  it('lists all 34 units, 6 cities then 28 provinces, with merged provinces named', async () => {
    for (const [path, prefix, cities, provinces, merged] of [
      [
        '/tinh',
        '/tinh/',
        'Thành phố trực thuộc trung ương (6)',
        'Tỉnh (28)',
        'Hợp nhất với Bình Dương và Bà Rịa – Vũng Tàu',
      ],
      [
        '/en/provinces',
        '/en/provinces/',
        'Centrally run cities (6)',
        'Provinces (28)',
        'Merged with Binh Duong and Ba Ria – Vung Tau',
      ],
    ] as const) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      const links = new Set(
        [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((href) => href?.startsWith(prefix)),
      );
      expect(links.size, path).toBe(34);
      const text = textOf(html);
      expect(text.indexOf(cities)).toBeGreaterThan(-1);
      expect(text.indexOf(provinces)).toBeGreaterThan(text.indexOf(cities));
      expect(text).toContain(merged);
    }
  });
});

describe('provinces merged on 1 July 2025', () => {
  it('answers every former province slug, vi and en, with 301 to the unit it joined', async () => {
    expect(FORMER_PROVINCES).toHaveLength(29);
    for (const former of FORMER_PROVINCES) {
      for (const [from, to] of [
        [`/tinh/${former.slug}`, `/tinh/${former.successor.slug}?formerly=${former.slug}`],
        [`/en/provinces/${former.slug}`, `/en/provinces/${former.successor.slug}?formerly=${former.slug}`],
      ]) {
        expect(await redirectOf(`${baseUrl}${from}`), from).toEqual({ status: 301, location: to });
      }
    }
  });

  it('keeps the visitor’s parameters across the redirect, and reads a capitalised address', async () => {
    for (const [from, to] of [
      ['/tinh/ha-giang?utm_source=zalo', '/tinh/tuyen-quang?utm_source=zalo&formerly=ha-giang'],
      ['/en/provinces/Ha-Giang', '/en/provinces/tuyen-quang?formerly=ha-giang'],
      ['/tinh/Tuyen-Quang?utm_source=zalo', '/tinh/tuyen-quang?utm_source=zalo'],
    ]) {
      expect(await redirectOf(`${baseUrl}${from}`), from).toEqual({ status: 301, location: to });
    }
    expect((await page('/tinh/Atlantis')).res.status).toBe(404);
  });

  it('answers the address of a province renamed before the reform (Thừa Thiên Huế, now Huế) the same way', async () => {
    for (const [from, to] of [
      ['/tinh/thua-thien-hue', '/tinh/hue?formerly=thua-thien-hue'],
      ['/en/provinces/thua-thien-hue', '/en/provinces/hue?formerly=thua-thien-hue'],
    ]) {
      expect(await redirectOf(`${baseUrl}${from}`), from).toEqual({ status: 301, location: to });
    }
    expect(textOf((await page('/tinh/hue?formerly=thua-thien-hue')).html)).toContain('Thừa Thiên Huế nay thuộc Huế');
  });

  it('takes an old province in a list filter to the unit it joined, where it shows as a chip', async () => {
    for (const [from, to] of [
      ['/san-pham?q=che&province=ha-giang', '/san-pham?q=che&province=tuyen-quang&formerly=ha-giang'],
      [
        '/en/cooperatives?province=tien-giang&province=dong-thap',
        '/en/cooperatives?province=dong-thap&formerly=tien-giang',
      ],
      ['/su-kien?province=ha-giang', '/su-kien?province=tuyen-quang&formerly=ha-giang'],
    ]) {
      expect(await redirectOf(`${baseUrl}${from}`), from).toEqual({ status: 301, location: to });
    }
  });

  it('says on a list filtered by an old province where it is now, once, with the province chosen', async () => {
    for (const [path, said] of [
      ['/san-pham?q=che&province=tuyen-quang&formerly=ha-giang', 'Hà Giang nay thuộc Tuyên Quang'],
      ['/en/cooperatives?province=dong-thap&formerly=tien-giang', 'Tien Giang is now part of Dong Thap'],
      ['/su-kien?province=tuyen-quang&formerly=ha-giang', 'Hà Giang nay thuộc Tuyên Quang'],
    ] as const) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect(textOf(html).split(said), path).toHaveLength(2);
    }
    // The words name it too: said once, not twice.
    const both = textOf((await page('/san-pham?q=ha+giang&province=tuyen-quang&formerly=ha-giang')).html);
    expect(both.split('Hà Giang nay thuộc Tuyên Quang')).toHaveLength(2);
    expect(textOf((await page('/san-pham?province=tuyen-quang')).html)).not.toContain('nay thuộc');
  });

  it('says on the page where the visitor came from, and nothing for a name that is not its own', async () => {
    const vi = textOf((await page('/tinh/tuyen-quang?formerly=ha-giang')).html);
    expect(vi).toContain('Hà Giang nay thuộc Tuyên Quang');
    const en = textOf((await page('/en/provinces/tuyen-quang?formerly=ha-giang')).html);
    expect(en).toContain('Ha Giang is now part of Tuyen Quang');
    expect(textOf((await page('/tinh/tuyen-quang?formerly=tien-giang')).html)).not.toContain('nay thuộc');
  });

  it('reads an old province in a search as the province it joined, and says so', async () => {
    const { res, html } = await page('/san-pham?q=h%C3%A0+giang');
    expect(res.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Hà Giang nay thuộc Tuyên Quang');
    expect(html).toContain('href="/tinh/tuyen-quang"');
    expect(html).toMatch(/<h2 class="card__title"[^>]*><a href="\/san-pham\/mat-ong-bac-ha-meo-vac"/);
    expect(textOf((await page('/en/products?q=ha+giang')).html)).toContain('Ha Giang is now part of Tuyen Quang');
  });
});

describe('unknown detail pages', () => {
  it('answer 404 with the real error page in the language of the path', async () => {
    for (const [path, lang, heading] of [
      ['/san-pham/khong-co-san-pham-nay', 'vi', 'Không tìm thấy trang'],
      ['/en/products/no-such-product', 'en', 'Page not found'],
      ['/hop-tac-xa/khong-co', 'vi', 'Không tìm thấy trang'],
      ['/en/cooperatives/no-such-cooperative', 'en', 'Page not found'],
      ['/tinh/atlantis', 'vi', 'Không tìm thấy trang'],
      ['/en/provinces/atlantis', 'en', 'Page not found'],
    ] as const) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(404);
      expect(html, path).toContain(`<html lang="${lang}"`);
      expect(textOf(html), path).toContain(heading);
    }
  });
});

describe('sitemaps and robots.txt', () => {
  it('serve a sitemap index whose product sitemap lists the product in both languages', async () => {
    const res = await fetch(`${baseUrl}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const index = await res.text();
    expect(index).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/,
    );
    expect(index.trimEnd()).toMatch(/<\/sitemapindex>$/);
    const children = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(children).toContain(`${baseUrl}/sitemaps/products-1.xml`);
    expect(children).toContain(`${baseUrl}/sitemaps/cooperatives-1.xml`);

    const xml = await (await fetch(`${baseUrl}/sitemaps/products-1.xml`)).text();
    expect(xml).toMatch(
      /^<\?xml [^>]+\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/,
    );
    expect(xml.match(/<url>/g)?.length).toBe(xml.match(/<\/url>/g)?.length);
    expect(xml).toContain(`<loc>${baseUrl}/san-pham/${product.slug}</loc>`);
    expect(xml).toContain(`<loc>${baseUrl}/en/products/${product.slug}</loc>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${baseUrl}/en/products/${product.slug}"/>`);
    expect((await fetch(`${baseUrl}/sitemaps/products-2.xml`)).status).toBe(404);
  });

  it('list only addresses that name themselves canonical (a sample of each sitemap: first, last and between)', async () => {
    const unescape = (text: string) =>
      text
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => unescape(m[1] ?? ''));
    const sitemaps = locs(await (await fetch(`${baseUrl}/sitemap.xml`)).text());
    expect(sitemaps.length).toBeGreaterThan(2);
    const PER_SITEMAP = 20;
    const checked: string[] = [];
    for (const sitemap of sitemaps) {
      const urls = locs(await (await fetch(sitemap)).text());
      expect(urls.length, sitemap).toBeGreaterThan(0);
      const step = Math.max(1, Math.floor((urls.length - 1) / (PER_SITEMAP - 1)));
      const sample = [
        ...new Set([...urls.filter((_, i) => i % step === 0).slice(0, PER_SITEMAP - 1), urls.at(-1) as string]),
      ];
      for (const url of sample) {
        const res = await fetch(url, { redirect: 'manual' });
        expect(res.status, url).toBe(200);
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(await res.text())?.[1];
        expect(canonical && unescape(canonical), url).toBe(url);
        checked.push(url);
      }
    }
    expect(checked).toContain(`${baseUrl}/thong-ke`);
  });

  it('serve robots.txt that keeps crawlers out of the API and names the sitemap', async () => {
    const res = await fetch(`${baseUrl}/robots.txt`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Disallow: /api/');
    expect(text).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
  });
});
