/**
 * The routes table (src/i18n/routes.ts) and the page files (src/pages) agree
 * both ways: every path the table builds has a page in both languages, and
 * every page is one the table builds, so no link points at nothing and no page
 * hides where no link reaches it. Parameters compare by position only
 * (`productPaths(slug)` and `san-pham/[slug].astro` are both `/san-pham/[]`).
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as table from '../../src/i18n/routes';

const root = resolve(import.meta.dirname, '../..');
const pagesFolder = join(root, 'src/pages');

/** A value that stands for any one path segment; plain letters, so encodeURIComponent keeps it. */
const PARAMETER = 'PARAMETERxyz';

/** Pages the table rightly does not name, each with its reason. */
const NOT_IN_THE_TABLE: Record<string, string> = {
  '/403': 'error page, rendered in place of the page refused',
  '/404': 'error page, rendered in place of a page that found nothing',
  '/500': 'error page, rendered by Astro for anything a page throws',
  '/503': 'error page, rendered when the database does not answer',
  '/dev/outbox': 'development only: a 404 unless DEV_OUTBOX is set',
  '/robots.txt': 'for crawlers, at the address they look for',
  '/sitemap.xml': 'for crawlers, named by robots.txt',
  '/sitemaps/[].xml': 'for crawlers, named by the sitemap index',
  '/01/[]/[]':
    'label address (GS1 Digital Link) with any qualifiers, one for both languages: src/server/provenance/digital-link.ts',
  '/truy-xuat/[]': 'label address (trace code), one for both languages: src/server/provenance/digital-link.ts',
  '/truy-xuat/[]/[]': 'label address (trace code), one for both languages: src/server/provenance/digital-link.ts',
};

/** Exports of the table that build no route of their own. */
const NOT_ROUTE_BUILDERS: Record<string, string> = {
  withQuery: 'adds a query string to a route another export builds',
  keepQuery: 'carries the query of the current request over to the language switch',
  isAccountArea: 'tells whether a path is in the signed-in area (no path of its own)',
  verifiedClaimsHref: 'adds the verified-list query to the claims queue, a route the table already has',
  showsVerifiedClaims: 'tells whether a request asks the claims queue for its verified list (no path of its own)',
};

/** `/tinh/[slug]` and `/tinh/PARAMETERxyz` both become `/tinh/[]`; no trailing slash but the root's. */
function normalised(path: string): string {
  const bare = path
    .split('?')[0]!
    .replaceAll(PARAMETER, '[]')
    .replace(/\[[^\]/]*\]/g, '[]');
  return bare.length > 1 ? bare.replace(/\/$/, '') : bare;
}

function pageRoutes(): string[] {
  return readdirSync(pagesFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
    .map((entry) => {
      const file = relative(pagesFolder, join(entry.parentPath, entry.name)).split('\\').join('/');
      return normalised(`/${file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '')}`);
    });
}

interface TableRoute {
  name: string;
  vi: string;
  en: string;
}

function isLocalized(value: unknown): value is { vi: string; en: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { vi?: unknown }).vi === 'string' &&
    typeof (value as { en?: unknown }).en === 'string'
  );
}

/** Every route a value builds: a path pair, a builder (called with a parameter per argument), or a group of them. */
function routesOf(name: string, value: unknown): TableRoute[] {
  if (isLocalized(value)) return [{ name, vi: normalised(value.vi), en: normalised(value.en) }];
  if (typeof value === 'function')
    return routesOf(name, value(...Array.from({ length: value.length }, () => PARAMETER)));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) => routesOf(`${name}.${key}`, inner));
  return [];
}

function tableRoutes(): TableRoute[] {
  return Object.entries(table)
    .filter(([name]) => !(name in NOT_ROUTE_BUILDERS))
    .flatMap(([name, value]) => routesOf(name, value));
}

describe('the routes table and the pages agree', () => {
  const pages = new Set(pageRoutes());
  const routes = tableRoutes();

  it('reads both sides (a broken reader would pass everything)', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/en/products/[]');
    expect(routes).toContainEqual({ name: 'productPaths', vi: '/san-pham/[]', en: '/en/products/[]' });
    expect(routes).toContainEqual({
      name: 'dashboardProductPaths.batch',
      vi: '/tai-khoan/san-pham/[]/lo-hang/[]',
      en: '/en/account/products/[]/batches/[]',
    });
    expect(routes).toContainEqual({ name: 'routes.home', vi: '/', en: '/en' });
  });

  it('every route the table names has a page in both languages', () => {
    const missing = routes.flatMap((route) =>
      (['vi', 'en'] as const)
        .filter((locale) => !pages.has(route[locale]))
        .map((locale) => `${route.name} (${locale}): ${route[locale]}`),
    );
    expect(missing).toEqual([]);
  });

  it('every page is named by the table, or listed here with its reason', () => {
    const named = new Set(routes.flatMap((route) => [route.vi, route.en]));
    const unnamed = [...pages].filter((page) => !named.has(page) && !(page in NOT_IN_THE_TABLE));
    expect(unnamed).toEqual([]);
  });

  it('lists no exception that is no longer a page, nor one the table names', () => {
    const named = new Set(routes.flatMap((route) => [route.vi, route.en]));
    const stale = Object.keys(NOT_IN_THE_TABLE).filter((page) => !pages.has(page) || named.has(page));
    expect(stale).toEqual([]);
  });
});

describe('the language switch keeps the query', () => {
  it('carries a search, filters, a sign-in’s next and an inquiry’s reference to the other language', () => {
    expect(table.keepQuery(table.routes.products, '?q=m%E1%BA%ADt+ong&stars=4')).toEqual({
      vi: '/san-pham?q=m%E1%BA%ADt+ong&stars=4',
      en: '/en/products?q=m%E1%BA%ADt+ong&stars=4',
    });
    expect(table.keepQuery(table.routes.signIn, '?next=%2Ftai-khoan%2Fhoi-hang').en).toBe(
      '/en/sign-in?next=%2Ftai-khoan%2Fhoi-hang',
    );
    expect(table.keepQuery(table.routes.inquiryStatus, '?reference=HTX-7K3M-Q9PD').en).toBe(
      '/en/inquiries/status?reference=HTX-7K3M-Q9PD',
    );
  });

  it('leaves a page without a query as it is, and keeps the page’s own value of a parameter it names', () => {
    expect(table.keepQuery(table.routes.products, '')).toEqual(table.routes.products);
    const statistics = table.withQuery(table.routes.statistics, { province: 'ha-noi' });
    expect(table.keepQuery(statistics, '?province=bac-ninh&year=2026')).toEqual({
      vi: '/thong-ke?province=ha-noi&year=2026',
      en: '/en/statistics?province=ha-noi&year=2026',
    });
  });
});

describe('the account area', () => {
  it('is every page under the account and the console roots, in both languages, and nothing beside them', () => {
    for (const path of ['/tai-khoan', '/tai-khoan/san-pham/mat-ong/lo-hang', '/en/account', '/quan-tri/thong-ke'])
      expect(table.isAccountArea(path), path).toBe(true);
    expect(table.isAccountArea('/en/admin/audit-log')).toBe(true);
    for (const path of ['/', '/san-pham', '/tai-khoanx', '/en/accounts', '/en/administration', '/dang-nhap'])
      expect(table.isAccountArea(path), path).toBe(false);
  });
});
