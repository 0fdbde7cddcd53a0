import { beforeAll, describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { readJson } from '../support/http';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');

interface TracedProduct {
  slug: string;
  nameVi: string;
  nameEn: string;
  gtin: string | null;
  traceCode: string;
  latestBatch: { lotCode: string; steps: { occurredAt: string }[] } | null;
}

let withGtin: TracedProduct & { latestBatch: NonNullable<TracedProduct['latestBatch']> };
let withoutGtin: TracedProduct & { latestBatch: NonNullable<TracedProduct['latestBatch']> };

beforeAll(async () => {
  const list = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=100`));
  const details: TracedProduct[] = await Promise.all(
    list.items.map(async (item: { slug: string }) => readJson(await fetch(`${baseUrl}/api/v1/products/${item.slug}`))),
  );
  const traced = details.filter((d) => d.latestBatch && d.latestBatch.steps.length >= 3);
  withGtin = traced.find((d) => d.gtin) as typeof withGtin;
  withoutGtin = traced.find((d) => !d.gtin) as typeof withoutGtin;
  expect(withGtin && withoutGtin).toBeTruthy();
});

function get(path: string, language = 'vi-VN,vi;q=0.9') {
  return fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { 'accept-language': language } });
}

const lotOf = (p: TracedProduct) => encodeURIComponent(p.latestBatch?.lotCode ?? '');

describe('GS1 Digital Link with a lot, /01/{gtin}/10/{lot}', () => {
  it('leads to the batch’s trace page in the scanner’s language', async () => {
    const vi = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}`);
    expect(vi.status).toBe(307);
    expect(vi.headers.get('location')).toBe(`/truy-xuat/${withGtin.traceCode}/lo/${lotOf(withGtin)}`);
    expect(vi.headers.get('vary')).toContain('Accept-Language');
    const en = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}`, 'en-US,en;q=0.8');
    expect(en.headers.get('location')).toBe(`/en/trace/${withGtin.traceCode}/lot/${lotOf(withGtin)}`);
    const asked = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}?lang=en`);
    expect(asked.headers.get('location')).toBe(`/en/trace/${withGtin.traceCode}/lot/${lotOf(withGtin)}`);
  });

  it('says the lot is unknown (404) and links to the product, when the GTIN is known', async () => {
    const res = await get(`/01/${withGtin.gtin}/10/NO-SUCH-LOT`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(textOf(html)).toContain(`Sản phẩm “${withGtin.nameVi}” không có lô mang mã “NO-SUCH-LOT”.`);
    expect(html).toContain(`href="/san-pham/${withGtin.slug}"`);
  });

  it('says the product is unknown (404) when the GTIN is, and malformed (400) when the GTIN is wrong', async () => {
    const unknown = await get('/01/4006381333931/10/X1', 'en');
    expect(unknown.status).toBe(404);
    expect(textOf(await unknown.text())).toContain('No product on sale on Chợ HTX carries the GTIN 4006381333931.');
    const gtin = withGtin.gtin as string;
    const typo = gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10);
    const malformed = await get(`/01/${typo}/10/${lotOf(withGtin)}`);
    expect(malformed.status).toBe(400);
    expect(textOf(await malformed.text())).toContain('Chữ số kiểm tra');
  });
});

describe('GS1 Digital Link with further qualifiers', () => {
  it('falls back to the batch for a serial number and to the product for a variant, which the portal does not keep', async () => {
    const batch = `/truy-xuat/${withGtin.traceCode}/lo/${lotOf(withGtin)}`;
    const serial = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}/21/SN-0001`);
    expect(serial.status).toBe(307);
    expect(serial.headers.get('location')).toBe(batch);
    const variantAndLot = await get(`/01/${withGtin.gtin}/22/V2/10/${lotOf(withGtin)}/21/7`);
    expect(variantAndLot.headers.get('location')).toBe(batch);
    const variant = await get(`/01/${withGtin.gtin}/22/V2`, 'en');
    expect(variant.status).toBe(307);
    expect(variant.headers.get('location')).toBe(`/en/products/${withGtin.slug}`);
  });

  it('answers a batch’s linkset with its trace page and trace JSON, which the API serves', async () => {
    const res = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}/21/SN-0001?linkType=linkset`);
    expect(res.status).toBe(200);
    const [set] = (await readJson(res)).linkset;
    const origin = new URL(baseUrl).origin;
    expect(set.anchor).toBe(`${origin}/01/${withGtin.gtin}/10/${lotOf(withGtin)}`);
    const trace = set['https://gs1.org/voc/traceability'] as { href: string; type: string }[];
    expect(trace.map((link) => link.type)).toEqual(['text/html', 'text/html', 'application/json']);
    expect(trace[0]!.href).toBe(`${origin}/truy-xuat/${withGtin.traceCode}/lo/${lotOf(withGtin)}`);
    const json = await fetch(trace[2]!.href.replace(origin, baseUrl), { headers: { origin: 'https://app.example' } });
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    expect(json.status).toBe(200);
    expect((await readJson(json)).batch.lotCode).toBe(withGtin.latestBatch.lotCode);
  });

  it('sends a scanning app that asks for the product information of a batch to the product page', async () => {
    const origin = new URL(baseUrl).origin;
    const res = await get(`/01/${withGtin.gtin}/10/${lotOf(withGtin)}?linkType=gs1:pip`, 'en');
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${origin}/en/products/${withGtin.slug}`);
  });

  it('says a value that breaks the syntax is malformed (400), not unknown', async () => {
    const spaced = await get(`/01/${withGtin.gtin}/10/LOT%20ONE`);
    expect(spaced.status).toBe(400);
    expect(textOf(await spaced.text())).toContain('Giá trị “LOT ONE” của mã 10 không hợp lệ');
    const long = await get(`/01/${withGtin.gtin}/10/${'A'.repeat(21)}`, 'en');
    expect(long.status).toBe(400);
    expect(textOf(await long.text())).toContain(`The value “${'A'.repeat(21)}” of AI 10 is not valid`);
    const disordered = await get(`/01/${withGtin.gtin}/21/7/10/${lotOf(withGtin)}`, 'en');
    expect(disordered.status).toBe(400);
    expect(textOf(await disordered.text())).toContain('After the GTIN may only come, in this order');
  });
});

describe('short code with a lot, /truy-xuat/{code}/{lot}', () => {
  it('leads to the trace page, whatever the case typed', async () => {
    const res = await get(`/truy-xuat/${withoutGtin.traceCode.toLowerCase()}/${lotOf(withoutGtin)}`, 'en');
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`/en/trace/${withoutGtin.traceCode}/lot/${lotOf(withoutGtin)}`);
  });

  it('says which part is unknown', async () => {
    const lot = await get(`/truy-xuat/${withoutGtin.traceCode}/NOPE`);
    expect(lot.status).toBe(404);
    expect(textOf(await lot.text())).toContain('không có lô mang mã “NOPE”');
    const code = await get(`/truy-xuat/ZZZZ9999/${lotOf(withoutGtin)}`);
    expect(code.status).toBe(404);
    expect(textOf(await code.text())).toContain('Không có sản phẩm nào mang mã truy xuất “ZZZZ9999”');
  });
});

describe('the trace page', () => {
  it('shows the batch, its timeline in order with Viet Nam times, and links both languages', async () => {
    const res = await get(`/truy-xuat/${withGtin.traceCode}/lo/${lotOf(withGtin)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain(withGtin.nameVi);
    expect(text).toContain(withGtin.latestBatch.lotCode);
    expect(text).toContain('Hành trình của lô hàng');
    // The trust summary comes before the timeline and says what an officer decided.
    const trust = html.indexOf('id="trust-heading"');
    expect(trust).toBeGreaterThan(0);
    expect(trust).toBeLessThan(html.indexOf('id="timeline-heading"'));
    expect(text).toContain('Những gì đã được xác minh');
    expect(text).toMatch(/Hợp tác xã (Đã được Sở Công Thương .+ xác minh|Chưa được xác minh)/);
    const times = [
      ...html.matchAll(/<li class="timeline__step"[\s\S]*?<time datetime="([^"]+)"[^>]*>([^<]+)<\/time>/g),
    ];
    expect(times.map((m) => m[1])).toEqual(withGtin.latestBatch.steps.map((s) => new Date(s.occurredAt).toISOString()));
    // Each time is printed as read on a clock in Viet Nam (UTC+7).
    for (const [, iso, shown] of times) {
      const clock = new Date(Date.parse(iso as string) + 7 * 3600_000).toISOString().slice(11, 16);
      expect(shown).toContain(clock);
    }
    expect(html).toContain(`hreflang="en" href="http://127.0.0.1`);
    expect(html).toContain(`/en/trace/${withGtin.traceCode}/lot/${lotOf(withGtin)}"`);
    expect(text).toMatch(/Hiệu lực tính theo ngày \d+ tháng \d+, \d{4}/);
    // The batch's own label code, to scan or print with the page, encoding the batch's Digital Link; printing it on
    // labels (and its downloads) is the cooperative's, on the dashboard.
    expect(html).toContain(`src="/api/v1/products/${withGtin.slug}/batches/${lotOf(withGtin)}/qr.svg"`);
    expect(text).toContain(`/01/${withGtin.gtin}/10/${withGtin.latestBatch.lotCode}`);
    expect(html).not.toContain('?download=1');
    expect(text).toContain('Mã QR của lô hàng này');
    expect(text).not.toContain('In mã này lên nhãn');
  });

  it('carries JSON-LD for the batch with its GTIN, lot and steps', async () => {
    const html = await (await get(`/en/trace/${withGtin.traceCode}/lot/${lotOf(withGtin)}`)).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1] as string),
    );
    const batch = blocks.find((b) => b['@type'] === 'SomeProducts');
    expect(batch).toBeTruthy();
    expect(batch.sku).toBe(withGtin.latestBatch.lotCode);
    expect(batch.gtin13 ?? batch.gtin14).toBeTruthy();
    expect(batch.additionalProperty).toHaveLength(withGtin.latestBatch.steps.length);
    expect(blocks.some((b) => b['@type'] === 'BreadcrumbList')).toBe(true);
  });

  it('is a 404 for an unknown lot or code, and answers in English under /en/', async () => {
    expect((await get(`/truy-xuat/${withGtin.traceCode}/lo/NOPE`)).status).toBe(404);
    expect((await get(`/en/trace/ZZZZ9999/lot/${lotOf(withGtin)}`)).status).toBe(404);
    const en = await get(`/en/trace/${withoutGtin.traceCode}/lot/${lotOf(withoutGtin)}`);
    expect(en.status).toBe(200);
    expect(textOf(await en.text())).toContain('Journey of the batch');
  });

  it('is linked from the product page’s provenance summary', async () => {
    const html = await (await get(`/san-pham/${withGtin.slug}`)).text();
    expect(html).toContain(`href="/truy-xuat/${withGtin.traceCode}/lo/${lotOf(withGtin)}"`);
  });
});

describe('a lot code with characters URLs reserve', async () => {
  const { get: getAs, signIn } = site(baseUrl);
  const manager = await signIn('quanly1@cho-htx.test');
  // Every character GS1 allows that a URL reserves or RFC 3986 does not leave unreserved (20 at most).
  const lotCode = `${Date.now() % 1000}%/&:;=?+,!'()*"<>`;
  const encoded = lotCode.replace(
    /[^A-Za-z0-9._~-]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  let product: TracedProduct;

  beforeAll(async () => {
    const own = await (await getAs('/tai-khoan/san-pham', manager)).text();
    const slugs = [
      ...new Set([...own.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)\/lo-hang"/g)].map((m) => m[1] as string)),
    ];
    for (const slug of slugs) {
      const res = await fetch(`${baseUrl}/api/v1/products/${slug}`);
      const detail = res.ok ? ((await readJson(res)) as TracedProduct) : null;
      if (detail?.gtin) product = detail;
    }
    expect(product).toBeDefined();
    const step = (kind: string, at: string) => ({
      kind,
      occurredAt: at,
      provinceCode: '24',
      place: 'Xưởng đóng gói',
      actorName: 'HTX thử',
      actorKind: 'cooperative',
    });
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await fetch(`${baseUrl}/api/v1/products/${product.slug}/batches`, {
      method: 'POST',
      headers: { origin: new URL(baseUrl).origin, cookie: manager, 'content-type': 'application/json' },
      body: JSON.stringify({
        lotCode,
        productionDate: today,
        quantity: 12,
        quantityUnit: 'kg',
        steps: [
          step('harvested', `${today}T00:00:00Z`),
          step('processed', `${today}T00:01:00Z`),
          step('packaged', `${today}T00:02:00Z`),
        ],
      }),
    });
    expect(recorded.status).toBe(201);
  });

  it('encodes all of them in the label address, which leads to the trace pages', async () => {
    const qr = await fetch(`${baseUrl}/api/v1/products/${product.slug}/batches/${encoded}/qr.svg`);
    expect(qr.status).toBe(200);
    const label = `/01/${product.gtin}/10/${encoded}`;
    expect(textOf(await (await get(`/truy-xuat/${product.traceCode}/lo/${encoded}`)).text())).toContain(label);
    const scan = await get(label);
    expect(scan.status).toBe(307);
    expect(scan.headers.get('location')).toBe(`/truy-xuat/${product.traceCode}/lo/${encoded}`);
    const short = await get(`/truy-xuat/${product.traceCode}/${encoded}`, 'en');
    expect(short.headers.get('location')).toBe(`/en/trace/${product.traceCode}/lot/${encoded}`);
  });

  it('shows the batch on both trace pages, linked from the product page', async () => {
    for (const path of [
      `/truy-xuat/${product.traceCode}/lo/${encoded}`,
      `/en/trace/${product.traceCode}/lot/${encoded}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(textOf(await res.text()), path).toContain(lotCode);
    }
    const page = await (await get(`/san-pham/${product.slug}`)).text();
    expect(page).toContain(`href="/truy-xuat/${product.traceCode}/lo/${encoded}"`);
  });
});
