import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readJson } from '../support/http';
import { textOf } from '../support/html';

const baseUrl = inject('baseUrl');

interface Coded {
  slug: string;
  gtin: string | null;
  traceCode: string;
}

let withGtin: Coded;
let withoutGtin: Coded;

beforeAll(async () => {
  const list = await readJson(await fetch(`${baseUrl}/api/v1/products?limit=100`));
  const details: Coded[] = await Promise.all(
    list.items.map(async (item: { slug: string }) => readJson(await fetch(`${baseUrl}/api/v1/products/${item.slug}`))),
  );
  withGtin = details.find((d) => d.gtin) as Coded;
  withoutGtin = details.find((d) => !d.gtin) as Coded;
  expect(withGtin && withoutGtin).toBeTruthy();
});

function get(path: string, language = 'vi-VN,vi;q=0.9') {
  return fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { 'accept-language': language } });
}

describe('GS1 Digital Link /01/{gtin}', () => {
  it('leads to the product page in the scanner’s language, from GTIN-14 or the GTIN-13 on the label', async () => {
    const gtin14 = withGtin.gtin as string;
    for (const gtin of [gtin14, gtin14.replace(/^0/, '')]) {
      const vi = await get(`/01/${gtin}`);
      expect(vi.status).toBe(307);
      expect(vi.headers.get('location')).toBe(`/san-pham/${withGtin.slug}`);
      expect(vi.headers.get('vary')).toContain('Accept-Language');
      const en = await get(`/01/${gtin}`, 'en-GB,en;q=0.9');
      expect(en.headers.get('location')).toBe(`/en/products/${withGtin.slug}`);
    }
    const followed = await fetch(`${baseUrl}/01/${gtin14}`);
    expect(followed.status).toBe(200);
  });

  it('says a GTIN of the wrong length or with a wrong check digit is malformed (400)', async () => {
    const wrongLength = await get('/01/12345');
    expect(wrongLength.status).toBe(400);
    expect(textOf(await wrongLength.text())).toContain('Mã GTIN có 8, 12, 13 hoặc 14 chữ số; “12345” có 5.');
    const gtin = withGtin.gtin as string;
    const typo = gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10);
    const wrongCheck = await get(`/01/${typo}`, 'en');
    expect(wrongCheck.status).toBe(400);
    expect(textOf(await wrongCheck.text())).toContain(`The check digit of “${typo}” does not match`);
  });

  it('says which GTIN is unknown (404) when it is well-formed but not on the portal', async () => {
    const res = await get('/01/4006381333931');
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain(
      'Chưa có sản phẩm nào đang bán trên Chợ HTX mang mã GTIN 4006381333931.',
    );
  });
});

describe('short trace codes /truy-xuat/{code}', () => {
  it('lead to the product page, whatever the case typed', async () => {
    for (const code of [withoutGtin.traceCode, withoutGtin.traceCode.toLowerCase()]) {
      const res = await get(`/truy-xuat/${code}`);
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe(`/san-pham/${withoutGtin.slug}`);
    }
  });

  it('say an unknown code is unknown (404), without echoing markup', async () => {
    const res = await get(`/truy-xuat/${encodeURIComponent('<b>XYZ')}`, 'en');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('<b>XYZ');
    expect(html).toContain('“&lt;b&gt;XYZ”');
    expect(textOf(html)).toContain('No product carries the trace code “<b>XYZ”');
  });
});

describe('GS1-Conformant Resolver description, /.well-known/gs1resolver', () => {
  it('names this origin as the root of a resolver of GTINs with GS1 link types, readable from any origin', async () => {
    const res = await fetch(`${baseUrl}/.well-known/gs1resolver`, { headers: { origin: 'https://scanner.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      name: 'Chợ HTX',
      resolverRoot: new URL(baseUrl).origin,
      supportedPrimaryKeys: ['01'],
      supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }],
      linkTypeDefaultCanBeLinkset: false,
    });
  });
});

describe('linksets and Link headers (GS1-Conformant Resolver)', () => {
  const gs1 = (type: string) => `https://gs1.org/voc/${type}`;

  it('answers ?linkType=linkset and Accept: application/linkset+json with the product’s links, for any origin', async () => {
    const origin = new URL(baseUrl).origin;
    const byQuery = await get(`/01/${withGtin.gtin}?linkType=linkset`);
    const byAccept = await fetch(`${baseUrl}/01/${withGtin.gtin}`, {
      redirect: 'manual',
      headers: { accept: 'application/linkset+json' },
    });
    for (const res of [byQuery, byAccept]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/linkset+json');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const [set] = (await readJson(res)).linkset;
      expect(set.anchor).toBe(`${origin}/01/${withGtin.gtin}`);
      expect(set[gs1('pip')]).toEqual([
        expect.objectContaining({ href: `${origin}/san-pham/${withGtin.slug}`, type: 'text/html', hreflang: ['vi'] }),
        expect.objectContaining({ href: `${origin}/en/products/${withGtin.slug}`, hreflang: ['en'] }),
      ]);
      expect(set[gs1('certificationInfo')][0].href).toBe(`${origin}/san-pham/${withGtin.slug}#certificates-heading`);
      expect(set[gs1('defaultLink')]).toHaveLength(1);
      expect(set[gs1('traceability')]).toBeUndefined();
    }
  });

  it('redirects to the link type a scanning app asks for, in its language, and to the default for one it lacks', async () => {
    const origin = new URL(baseUrl).origin;
    const certificates = await get(`/01/${withGtin.gtin}?linkType=gs1:certificationInfo&lang=en`);
    expect(certificates.status).toBe(307);
    expect(certificates.headers.get('location')).toBe(`${origin}/en/products/${withGtin.slug}#certificates-heading`);
    const byUri = await get(`/01/${withGtin.gtin}?linkType=${encodeURIComponent(gs1('pip'))}`);
    expect(byUri.headers.get('location')).toBe(`${origin}/san-pham/${withGtin.slug}`);
    // A product without a lot has no traceability link: the default (the product page) answers.
    const missing = await get(`/01/${withGtin.gtin}?linkType=gs1:traceability&lang=en`);
    expect(missing.status).toBe(307);
    expect(missing.headers.get('location')).toBe(`/en/products/${withGtin.slug}`);
  });

  it('sends the links in a Link header on the redirect, and keeps the label’s query attributes', async () => {
    const res = await get(`/01/${withGtin.gtin}?17=271231&lang=en`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`/en/products/${withGtin.slug}?17=271231`);
    const link = res.headers.get('link') ?? '';
    expect(link).toContain(`/01/${withGtin.gtin}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
    expect(link).toContain(`/san-pham/${withGtin.slug}>; rel="${gs1('pip')}"; type="text/html"; hreflang="vi"`);
  });
});
