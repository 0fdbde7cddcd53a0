/**
 * A fair's printable catalogue on the built worker: public for a published
 * event in both languages, every confirmed exhibitor's products with an
 * inline vector QR code whose address is the product's page with the fair as
 * `?nguon=danh-muc.{event}` (decoded from the SVG's own path), a 404 for an unknown event.
 */
import jsQR from 'jsqr';
import { describe, expect, inject, it } from 'vitest';
import { readJson } from '../support/http';

const baseUrl = inject('baseUrl');
const get = (path: string) => fetch(`${baseUrl}${path}`, { redirect: 'manual' });

/** An upcoming published event with at least one product shown. */
async function eventWithProducts(): Promise<string> {
  const list = await readJson(await get('/api/v1/events?limit=50'));
  for (const item of list.items as { slug: string }[]) {
    const html = await (await get(`/su-kien/${item.slug}/danh-muc`)).text();
    if (html.includes('class="catalogue__entry')) return item.slug;
  }
  throw new Error('no event with exhibitors showing products');
}

/** jsQR's reading of an SVG path of unit squares (M x y h w v1 h-w z), painted at 4 px a module. */
function decodeSvgPath(width: number, path: string): string | null {
  const scale = 4;
  const size = width * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++)
      for (let px = Number(x) * scale; px < (Number(x) + Number(run)) * scale; px++)
        rgba.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3);
  }
  return jsQR(rgba, size, size)?.data ?? null;
}

describe('fair catalogue', async () => {
  const slug = await eventWithProducts();

  it.each([
    ['vi', `/su-kien/${slug}/danh-muc`, '/san-pham/'],
    ['en', `/en/events/${slug}/catalogue`, '/en/products/'],
  ])(
    'lists exhibitors and products (%s) with a vector QR code of each product page, the fair as source',
    async (_, path, productPath) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<link rel="stylesheet" href="/styles/print.css" media="print"');
      const entries = html.split('class="catalogue__entry').slice(1);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const link = /<a href="([^"]+)"/.exec(entry)?.[1] ?? '';
        expect(link).toMatch(new RegExp(`^${productPath}[a-z0-9-]+\\?nguon=danh-muc\\.${slug}$`));
        const svg =
          /<svg class="catalogue__qr"[^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<path fill="#000" d="([^"]+)"/s.exec(entry);
        expect(svg, 'an inline SVG QR code').not.toBeNull();
        expect(entry).not.toContain('<img class="catalogue__qr');
        const address = /<p class="catalogue__address"[^>]*>([^<]+)<\/p>/.exec(entry)?.[1] ?? '';
        expect(address).toMatch(/^https?:\/\//);
        expect(address.endsWith(link)).toBe(true);
        expect(decodeSvgPath(Number(svg![1]), svg![2]!)).toBe(address);
      }
    },
  );

  it('hands the fair on to the product page’s inquiry form; an unknown source is left out', async () => {
    const html = await (await get(`/su-kien/${slug}/danh-muc`)).text();
    const link = /class="catalogue__entry[\s\S]*?<a href="([^"]+)"/.exec(html)?.[1] ?? '';
    const product = await (await get(link)).text();
    expect(product).toMatch(new RegExp(`name="source" value="danh-muc\\.${slug}"`));
    const stranger = await (await get(link.replace(/\?.*/, '?nguon=%22%3E%3Cscript%3E'))).text();
    expect(stranger).not.toContain('name="source"');
  });

  it('is linked from the event page', async () => {
    expect(await (await get(`/su-kien/${slug}`)).text()).toContain(`href="/su-kien/${slug}/danh-muc"`);
  });

  it('answers 404 for an event that does not exist', async () => {
    expect((await get('/su-kien/khong-co-su-kien-nay/danh-muc')).status).toBe(404);
  });
});
