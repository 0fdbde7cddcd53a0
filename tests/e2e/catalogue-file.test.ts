/**
 * A fair's catalogue PDF on the built worker: a trade officer downloads it
 * from the managed event page, it opens in an independent reader (pdf.js) as
 * A4 pages, and its QR codes decode to exactly the addresses the catalogue
 * page prints (each product's page with `?nguon=danh-muc.{event}`). A visitor
 * is asked to sign in, a member of a cooperative that does not exhibit is
 * refused, an unknown event is a 404, and a fair without a confirmed
 * exhibitor answers a page saying there is nothing to print, not a PDF.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEMO_COOPERATIVES } from '../../src/server/db/seed/content/cooperatives';
import { readJson } from '../support/http';
import { decodeQrIn, openPdf, pageText, rasteriseFills } from '../support/pdf';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, signIn } = site(baseUrl);

/** Published events' slugs with their public catalogue page's HTML. */
async function catalogues(): Promise<{ slug: string; html: string }[]> {
  const list = await readJson(await get('/api/v1/events?limit=50'));
  return Promise.all(
    (list.items as { slug: string }[]).map(async ({ slug }) => ({
      slug,
      html: await (await get(`/su-kien/${slug}/danh-muc`)).text(),
    })),
  );
}

const addressesOn = (html: string) =>
  [...html.matchAll(/<p class="catalogue__address"[^>]*>([^<]+)<\/p>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('fair catalogue PDF', async () => {
  const officer = await signIn('canbo@cho-htx.test');
  const all = await catalogues();
  const withProducts = all.find((c) => c.html.includes('class="catalogue__entry'));
  const withoutExhibitors = all.find((c) => !c.html.includes('class="catalogue__exhibitor'));
  if (!withProducts || !withoutExhibitors)
    throw new Error('the demo needs a fair with products and one without exhibitors');
  const pdfPath = `/tai-khoan/su-kien/${withProducts.slug}/danh-muc`;

  it('is linked from the managed event page', async () => {
    const html = await (await get(`/tai-khoan/su-kien-quan-ly/${withProducts.slug}`, officer)).text();
    expect(html).toContain(`href="${pdfPath}"`);
  });

  it('downloads as A4 pages whose QR codes decode to the addresses the catalogue page prints', async () => {
    const res = await get(pdfPath, officer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${withProducts.slug}-danh-muc.pdf"`);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const pdf = await openPdf(new Uint8Array(await res.arrayBuffer()));
    const decoded: (string | null)[] = [];
    let text = '';
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      expect(page.view[2]).toBeCloseTo(595.28, 1);
      expect(page.view[3]).toBeCloseTo(841.89, 1);
      const bitmap = await rasteriseFills(page, 3);
      decoded.push(...bitmap.forms.map((box) => decodeQrIn(bitmap, page.view[3]!, box)));
      text += (await pageText(page)).join(' ');
    }
    const expected = addressesOn(withProducts.html);
    expect(expected.length).toBeGreaterThan(0);
    for (const address of expected) expect(address).toMatch(new RegExp(`\\?nguon=danh-muc\\.${withProducts.slug}$`));
    expect(decoded).toEqual(expected);
    expect(text).toContain('Danh mục gian hàng');
  });

  it('is in English from the English address, with the English product pages', async () => {
    const res = await get(`/en/account/events/${withProducts.slug}/catalogue`, officer);
    expect(res.status).toBe(200);
    const pdf = await openPdf(new Uint8Array(await res.arrayBuffer()));
    const page = await pdf.getPage(1);
    const bitmap = await rasteriseFills(page, 3);
    const first = decodeQrIn(bitmap, page.view[3]!, bitmap.forms[0]!);
    expect(first).toMatch(new RegExp(`/en/products/[a-z0-9-]+\\?nguon=danh-muc\\.${withProducts.slug}$`));
    expect((await pageText(page)).join(' ')).toContain('Exhibitor catalogue');
  });

  it('asks a visitor to sign in, and refuses a member of a cooperative that does not exhibit', async () => {
    const visitor = await get(pdfPath);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent(pdfPath)}`);
    const first = DEMO_COOPERATIVES[0]!.name;
    const elsewhere = all.find((c) => c.html.includes('class="catalogue__exhibitor') && !c.html.includes(first));
    if (!elsewhere) throw new Error('the demo needs a fair where the first cooperative does not exhibit');
    const manager = await signIn('quanly1@cho-htx.test');
    const res = await get(`/tai-khoan/su-kien/${elsewhere.slug}/danh-muc`, manager);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers 404 for an event that does not exist', async () => {
    expect((await get('/tai-khoan/su-kien/khong-co-su-kien-nay/danh-muc', officer)).status).toBe(404);
  });

  it('shows a page saying there is nothing to print yet when no exhibitor is confirmed', async () => {
    const res = await get(`/tai-khoan/su-kien/${withoutExhibitors.slug}/danh-muc`, officer);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('chưa có danh mục để in');
  });
});
