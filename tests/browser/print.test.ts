/**
 * Pages on paper: Chromium lays out product and trace pages for print
 * (public/styles/print.css through media="print"), at a phone's width and a
 * desktop's: the site's navigation, search, footer, share block and forms are
 * gone, text is black on white, nothing runs off the page, and the trace
 * page keeps its QR code while its download links go.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';
import { readJson } from '../support/http';

const baseUrl = inject('baseUrl');
const browser = chromiumForTests();
let product: { slug: string; traceCode: string; latestBatch: { lotCode: string } };

beforeAll(async () => {
  const list = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=50`));
  for (const card of list.items as { slug: string }[]) {
    const found = await readJson(await fetch(`${baseUrl}/api/v1/products/${card.slug}`));
    if (found.latestBatch) {
      product = found;
      return;
    }
  }
  throw new Error('no product with a batch');
});

async function printed(path: string, width: number): Promise<Page> {
  const context = await browser().newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  expect((await page.goto(`${baseUrl}${path}`))?.status()).toBe(200);
  await page.emulateMedia({ media: 'print' });
  return page;
}

const visible = (page: Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length);

describe('print stylesheet', () => {
  const pages = () => [
    ['product (vi)', `/san-pham/${product.slug}`],
    ['trace (en)', `/en/trace/${product.traceCode}/lot/${encodeURIComponent(product.latestBatch.lotCode)}`],
  ];

  it.each([360, 1280])(
    'hides the chrome and forms, black on white, nothing wider than the page, at %i px',
    async (width) => {
      for (const [name, path] of pages()) {
        const page = await printed(path!, width);
        for (const selector of [
          '.site-header nav',
          '.site-search',
          '.site-footer',
          '.share',
          'main form',
          '.skip-link',
        ])
          expect(await visible(page, selector), `${name}: ${selector}`).toBe(0);
        expect(await visible(page, 'main h1'), name).toBe(1);
        const colours = await page.evaluate(() => ({
          body: getComputedStyle(document.body).backgroundColor,
          heading: getComputedStyle(document.querySelector('main h1')!).color,
        }));
        expect(colours, name).toEqual({ body: 'rgb(255, 255, 255)', heading: 'rgb(0, 0, 0)' });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, name).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    },
  );

  it('keeps the trace page’s QR code on paper, without its download links', async () => {
    const page = await printed(pages()[1]![1]!, 1280);
    expect(await visible(page, '.qr__image')).toBe(1);
    expect(await visible(page, '.qr__downloads')).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    await page.context().close();
  });

  it('prints every picture paper needs: the trace page’s QR code and each catalogue product’s photo, loaded', async () => {
    // A browser prints only the images it has loaded: Chromium's print to PDF left a lazy one below the fold blank.
    const events = await readJson(await fetch(`${baseUrl}/api/v1/events?limit=50`));
    let catalogue: string | null = null;
    for (const { slug } of events.items as { slug: string }[]) {
      const html = await (await fetch(`${baseUrl}/su-kien/${slug}/danh-muc`)).text();
      if (html.includes('class="catalogue__photo"')) catalogue = `/su-kien/${slug}/danh-muc`;
      if (catalogue) break;
    }
    expect(catalogue, 'a fair with products').not.toBeNull();
    for (const [path, selector] of [
      [pages()[1]![1]!, '.qr__image'],
      [catalogue!, '.catalogue__photo'],
    ] as const) {
      const page = await printed(path, 360);
      await page.waitForLoadState('load');
      const images = await page.$$eval(selector, (nodes) =>
        nodes.map((node) => {
          const image = node as HTMLImageElement;
          return { lazy: image.loading === 'lazy', loaded: image.complete && image.naturalWidth > 0 };
        }),
      );
      expect(images.length, path).toBeGreaterThan(0);
      expect(images, path).toEqual(images.map(() => ({ lazy: false, loaded: true })));
      await page.context().close();
    }
  });

  it('writes out where a link to another site leads', async () => {
    const page = await printed(`/san-pham/${product.slug}`, 1280);
    const after = await page.$$eval('main a[href^="http"]', (links) =>
      links.map((link) => getComputedStyle(link, '::after').content),
    );
    for (const content of after) expect(content).toMatch(/^" \(" attr\(href\) "\)"$|^" \(http/);
    await page.context().close();
  });
});
