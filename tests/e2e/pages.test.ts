import { readJson, redirectOf } from '../support/http';
import { site } from '../support/site';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const { signIn } = site(baseUrl);
const seeded = inject('seeded');

async function page(path: string) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  return { res, html: await res.text() };
}

/** Text content with tags removed and entities decoded that our pages use. */
function text(html: string) {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('home page', () => {
  it('serves Vietnamese at / with header, navigation, language switch and footer', async () => {
    const { res, html } = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="vi"');
    expect(html).toMatch(/<nav aria-label="Điều hướng chính">/);
    expect(html).toMatch(/<a class="lang-switch" href="\/en\/"/);
    expect(html).toContain('<link rel="alternate" hreflang="en"');
    expect(html).toContain('<footer');
    expect(html).toContain('href="#main"');
  });

  it('shows real catalogue content from the database: counts and featured OCOP products', async () => {
    const { html } = await page('/');
    const { summary } = seeded;
    expect(summary.products).toBeGreaterThanOrEqual(300);
    // Other files of this project approve products and import cooperatives into the same database while this
    // one runs: the figures may have grown a little since the seed was counted, never shrunk.
    const figure = (label: string) =>
      Number(new RegExp(`<dt>${label}</dt><dd>([\\d.]+)</dd>`).exec(html)?.[1]?.replaceAll('.', ''));
    for (const [label, seededCount] of [
      ['hợp tác xã', summary.cooperatives],
      ['sản phẩm', summary.products],
      ['sản phẩm OCOP', summary.ocopProducts],
    ] as const) {
      expect(figure(label), label).toBeGreaterThanOrEqual(seededCount);
      expect(figure(label), label).toBeLessThanOrEqual(seededCount + 20);
    }
    expect(html).toContain(`<dt>tỉnh, thành phố</dt><dd>${summary.provinces}</dd>`);
    const content = text(html);
    for (const name of seeded.featuredVi) expect(content).toContain(name);
    expect(seeded.featuredVi.length).toBe(8);
  });

  it('marks the demo dataset as demo in the footer', async () => {
    expect(text((await page('/')).html)).toContain('Dữ liệu minh hoạ');
    expect(text((await page('/en/')).html)).toContain('Demo data');
  });

  it('serves English at /en/ with English text and a switch back to Vietnamese', async () => {
    const { res, html } = await page('/en/');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<a class="lang-switch" href="\/"/);
    const content = text(html);
    expect(content).toContain('Featured OCOP products');
    expect(content).toContain('Upcoming events');
    for (const name of seeded.featuredEn) expect(content).toContain(name);
  });

  it('ships no client JavaScript', async () => {
    for (const path of ['/', '/en/'])
      expect((await page(path)).html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});

describe('search on every page', () => {
  /** The header's search form: a GET to the product list whose only field is q. */
  const headerSearch = (action: string) =>
    new RegExp(
      `<form class="site-search site-search--header" method="get" action="${action.replace(/\//g, '\\/')}" role="search" aria-label="[^"]+">[\\s\\S]*?name="q"[\\s\\S]*?<button class="button" type="submit">`,
    );

  it.each([
    ['/', '/san-pham', 'Tìm'],
    ['/hop-tac-xa', '/san-pham', 'Tìm'],
    ['/su-kien', '/san-pham', 'Tìm'],
    ['/tinh/tuyen-quang', '/san-pham', 'Tìm'],
    ['/en/', '/en/products', 'Search'],
    ['/en/events', '/en/products', 'Search'],
  ])('%s has the header search box leading to %s, its button "%s"', async (path, action, button) => {
    const { res, html } = await page(path);
    expect(res.status).toBe(200);
    expect(html).toMatch(headerSearch(action));
    const form = /<form class="site-search site-search--header"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect([...form.matchAll(/name="([^"]+)"/g)].map((m) => m[1])).toEqual(['q']);
    expect(text(form)).toContain(button);
  });

  it('has a large search box and WebSite + SearchAction JSON-LD on the home page', async () => {
    for (const [path, list] of [
      ['/', '/san-pham'],
      ['/en/', '/en/products'],
    ] as const) {
      const { html } = await page(path);
      expect(html).toContain('class="site-search site-search--hero"');
      const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
        JSON.parse(m[1] as string),
      );
      const site = ld.find((item) => item['@type'] === 'WebSite');
      expect(site?.potentialAction?.target?.urlTemplate).toMatch(new RegExp(`${list}\\?q=\\{search_term_string\\}$`));
    }
  });

  it('sends a list URL with empty fields (as a GET form sends them) to its clean address', async () => {
    for (const [from, to] of [
      ['/san-pham?q=&province=&group=do_uong&stars=', '/san-pham?group=do_uong'],
      ['/san-pham?q=', '/san-pham'],
      ['/en/products?q=honey&sort=', '/en/products?q=honey'],
      ['/hop-tac-xa?q=&kind=', '/hop-tac-xa'],
    ]) {
      expect(await redirectOf(`${baseUrl}${from}`), from).toEqual({ status: 301, location: to });
    }
  });
});

describe('error pages', () => {
  it('answers an unknown page with a real 404 page in Vietnamese', async () => {
    const { res, html } = await page('/khong-co-trang-nay');
    expect(res.status).toBe(404);
    expect(html).toContain('<html lang="vi"');
    expect(text(html)).toContain('Không tìm thấy trang');
  });

  it('answers an unknown English page with the 404 page in English', async () => {
    const { res, html } = await page('/en/no-such-page');
    expect(res.status).toBe(404);
    expect(html).toContain('<html lang="en"');
    expect(text(html)).toContain('Page not found');
  });
});

describe('API through the worker', () => {
  it('reports health to anyone, and the D1 database and the applied migration to officers only', async () => {
    const anonymous = await fetch(`${baseUrl}/api/v1/health`);
    expect(anonymous.status).toBe(200);
    expect((await readJson(anonymous)).database).toEqual({ reachable: true, latencyMs: expect.any(Number) });
    const res = await fetch(`${baseUrl}/api/v1/health`, { headers: { cookie: await signIn('canbo@cho-htx.test') } });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.database).toMatchObject({ driver: 'd1', reachable: true });
    expect(body.database.migrations.upToDate).toBe(true);
    expect(body.database.migrations.latestApplied).toBe(body.database.migrations.expectedLatest);
  });

  it('serves the OpenAPI 3.1 document and a readable reference page in both languages', async () => {
    const doc = await readJson(await fetch(`${baseUrl}/api/v1/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health');
    const vi = await page('/tai-lieu-api');
    expect(vi.res.status).toBe(200);
    expect(text(vi.html)).toContain('GET /api/v1/health');
    const en = await page('/en/api-docs');
    expect(en.res.status).toBe(200);
    expect(text(en.html)).toContain('Chợ HTX API documentation');
  });

  it('answers unknown /api paths with JSON 404, never the HTML page', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/health', '/api/']) {
      const res = await fetch(`${baseUrl}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/json');
      expect((await readJson(res)).error.code, path).toBe('route_not_found');
    }
  });
});

describe('scheduled work', () => {
  it('the Cron Trigger handler runs in the worker without error', async () => {
    // wrangler's local endpoint that dispatches a scheduled event to the worker.
    const res = await fetch(`${baseUrl}/cdn-cgi/local/scheduled?cron=5+17+*+*+*&format=json`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ outcome: 'ok' });
  });
});

describe('security headers', () => {
  const expected = {
    'content-security-policy': /script-src 'self'.*frame-ancestors 'none'/,
    'strict-transport-security': /max-age=\d{8}/,
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'permissions-policy': /camera=\(\)/,
    'cross-origin-opener-policy': /^same-origin$/,
    'x-frame-options': /^DENY$/,
  };

  it.each([
    ['a page', '/'],
    ['an English page', '/en/products'],
    ['the 404 page', '/khong-co'],
    ['an API answer', '/api/v1/health'],
    ['an API error', '/api/v1/nope'],
    ['a static file', '/favicon.svg'],
    ['the sitemap', '/sitemap.xml'],
  ])('are on %s', async (_kind, path) => {
    const res = await fetch(`${baseUrl}${path}`);
    for (const [name, pattern] of Object.entries(expected))
      expect(res.headers.get(name), `${path} ${name}`).toMatch(pattern);
  });

  it('hashed build files are cached for a year; pages and unhashed files are revalidated', async () => {
    const html = await (await fetch(`${baseUrl}/san-pham`)).text();
    const stylesheet = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const asset = await fetch(`${baseUrl}${stylesheet}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    for (const path of ['/san-pham', '/favicon.svg']) {
      expect((await fetch(`${baseUrl}${path}`)).headers.get('cache-control') ?? '', path).not.toContain('immutable');
    }
  });

  it('pages link their styles instead of inlining them, so style-src can stay strict', async () => {
    const html = await (await fetch(`${baseUrl}/san-pham`)).text();
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/_astro\/[^"]+\.css">/);
  });
});
