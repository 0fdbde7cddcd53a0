/**
 * The SVG QR code as people see it: Chromium renders it (small on the public
 * product page, with its downloads on the cooperative's dashboard, and opened
 * on its own), a screenshot is decoded by jsQR, and the result must be exactly
 * the label address the page names.
 */
import { decode as decodePng } from 'fast-png';
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';
import { readJson } from '../support/http';

const baseUrl = inject('baseUrl');

interface ProductJson {
  slug: string;
  gtin: string | null;
  traceCode: string;
  latestBatch: { lotCode: string } | null;
}

/** A product of the demo with (or without) a GTIN, as an API client finds it. */
async function productWith(gtin: boolean): Promise<ProductJson> {
  for (let page = 1; page <= 5; page++) {
    const list = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=100&page=${page}`));
    for (const card of list.items as { slug: string }[]) {
      const product: ProductJson = await readJson(await fetch(`${baseUrl}/api/v1/products/${card.slug}`));
      if ((product.gtin !== null) === gtin && product.latestBatch) return product;
    }
  }
  throw new Error(`no product ${gtin ? 'with' : 'without'} a GTIN and a batch`);
}

/** What jsQR reads in a screenshot of an element. */
async function decodeScreenshot(element: Locator): Promise<string | undefined> {
  const image = decodePng(await element.screenshot());
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, o = 0; i < image.data.length; i += image.channels, o += 4) {
    rgba[o] = image.data[i]!;
    rgba[o + 1] = image.data[i + 1]!;
    rgba[o + 2] = image.data[i + 2]!;
    rgba[o + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height)?.data;
}

describe('QR codes in Chromium', () => {
  const browser = chromiumForTests();

  it.each([
    ['vi', true],
    ['en', false],
  ] as const)(
    'the %s product page shows a small QR code that scans to its label address, without printing tools (GTIN: %s)',
    async (locale, gtin) => {
      const product = await productWith(gtin);
      const context = await browser().newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${baseUrl}${locale === 'vi' ? '/san-pham/' : '/en/products/'}${product.slug}`);
      const image = page.locator('.share__qr img');
      await image.scrollIntoViewIfNeeded();
      await expect(
        image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
      ).resolves.toBeGreaterThan(0);
      const expected = gtin ? `${baseUrl}/01/${product.gtin}` : `${baseUrl}/truy-xuat/${product.traceCode}`;
      expect(await decodeScreenshot(image)).toBe(expected);
      expect(await image.getAttribute('alt')).toMatch(locale === 'vi' ? /^Mã QR dẫn tới / : /^QR code leading to /);
      // The label tools are the cooperative's (its dashboard), not the buyer's.
      expect(await page.locator('.qr__downloads').count()).toBe(0);
      // A link to copy, and a share link that needs no script of Facebook's.
      expect(await page.inputValue('#share-link')).toMatch(new RegExp(`/${product.slug}$`));
      expect(await page.getAttribute('.share a[href^="https://www.facebook.com/sharer/"]', 'href')).toContain(
        encodeURIComponent(product.slug),
      );
      // Shown under the page's Content-Security-Policy without complaint.
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('a published product’s dashboard page offers its label QR code with SVG and PNG downloads', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/sign-in`);
    await page.fill('#field-email', 'quanly1@cho-htx.test');
    await page.fill('#field-password', 'demo-manager-2026');
    await Promise.all([page.waitForURL(/\/account$/), page.click('main button[type=submit]')]);
    await page.goto(`${baseUrl}/en/account/products`);
    // The first published product in the list (its row carries the published status).
    const href = await page
      .locator('tr:has(.status--published) a[href^="/en/account/products/"]')
      .first()
      .getAttribute('href');
    const slug = href!.split('/').pop()!;
    const product: ProductJson = await readJson(await fetch(`${baseUrl}/api/v1/products/${slug}`));
    await page.goto(`${baseUrl}${href}`);
    const image = page.locator('img.qr__image');
    await image.scrollIntoViewIfNeeded();
    await image.evaluate((img: HTMLImageElement) => img.decode());
    const expected = product.gtin ? `${baseUrl}/01/${product.gtin}` : `${baseUrl}/truy-xuat/${product.traceCode}`;
    expect(await decodeScreenshot(image)).toBe(expected);
    expect(await page.locator('.qr__address').textContent()).toBe(expected);
    // Both downloads are files, named by the trace code.
    const links = await page.locator('.qr__downloads a[download]').all();
    expect(links).toHaveLength(2);
    for (const link of links) {
      const res = await fetch(new URL((await link.getAttribute('href'))!, baseUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${product.traceCode}\\.(svg|png)"$`),
      );
    }
    await context.close();
  });

  it('opens a batch’s SVG on its own at a scannable size, titled with its address', async () => {
    const product = await productWith(true);
    const lot = product.latestBatch!.lotCode;
    const context = await browser().newContext();
    const page = await context.newPage();
    const response = await page.goto(
      `${baseUrl}/api/v1/products/${product.slug}/batches/${encodeURIComponent(lot)}/qr.svg`,
    );
    expect(response?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    const expected = `${baseUrl}/01/${product.gtin}/10/${encodeURIComponent(lot)}`;
    const svg = page.locator('svg');
    expect((await svg.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    expect(await decodeScreenshot(svg)).toBe(expected);
    expect(await page.title()).toBe(expected);
    await context.close();
  });
});
