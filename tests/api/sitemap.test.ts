import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives, events, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { parseSitemapName, renderSitemap, renderSitemapIndex } from '../../src/server/seo/sitemap';
import { migratedMemoryDatabase } from '../support/libsql';

const ORIGIN = 'https://cho-htx.example';
/** Small blocks, so the demo's ~330 products span several child sitemaps. */
const BLOCK = 60;
let db: Database;

beforeAll(async () => {
  db = (await migratedMemoryDatabase()).db;
  await seedReferenceData(db);
  await seedDemoData(db, new Date());
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

async function child(loc: string) {
  const url = new URL(loc);
  const name = parseSitemapName(url.pathname.replace(/^\/sitemaps\/(.+)\.xml$/, '$1'), url.searchParams.get('after'));
  if (!name) throw new Error(`not a sitemap: ${loc}`);
  return renderSitemap(db, ORIGIN, name, { blockSize: BLOCK });
}

describe('sitemaps paged by keyset', () => {
  it('cover every public product once per language, no more than two URLs per record of a block', async () => {
    const index = await renderSitemapIndex(db, ORIGIN, { blockSize: BLOCK });
    const productSitemaps = locs(index).filter((loc) => loc.includes('/sitemaps/products-'));
    const total = (await db.select({ id: products.id }).from(products)).length;
    expect(productSitemaps).toHaveLength(Math.ceil(total / BLOCK));
    expect(productSitemaps[0]).toBe(`${ORIGIN}/sitemaps/products-1.xml`);
    expect(productSitemaps[1]).toMatch(/\/sitemaps\/products-2\.xml\?after=[0-9a-z]+$/);

    const listed: string[] = [];
    for (const loc of productSitemaps) {
      const urls = locs(await child(loc));
      expect(urls.length, loc).toBeLessThanOrEqual(2 * BLOCK);
      listed.push(...urls);
    }
    const publicProducts = await db
      .select({ slug: products.slug })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.status, 'published'), eq(cooperatives.status, 'active')));
    const expected = publicProducts.flatMap(({ slug }) => [
      `${ORIGIN}/san-pham/${slug}`,
      `${ORIGIN}/en/products/${slug}`,
    ]);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('names each page’s other language and x-default, with a lastmod', async () => {
    const xml = await child(`${ORIGIN}/sitemaps/cooperatives-1.xml`);
    const [first] = xml.match(/<url>.*?<\/url>/) ?? [];
    expect(first).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[^<]+<\/lastmod>/);
    expect(first).toMatch(/hreflang="vi" href="https:\/\/cho-htx\.example\/hop-tac-xa\/[a-z0-9-]+"/);
    expect(first).toMatch(/hreflang="en" href="https:\/\/cho-htx\.example\/en\/cooperatives\/[a-z0-9-]+"/);
    expect(first).toMatch(/hreflang="x-default"/);
  });

  it('lists published and cancelled events in both languages, drafts never', async () => {
    await db.insert(events).values({
      id: 'sitemap-draft',
      slug: 'nhap',
      kind: 'fair',
      titleVi: 'Nháp',
      organiser: 'Sở',
      status: 'draft',
      startsAt: new Date(),
      endsAt: new Date(),
      onlineUrl: 'https://example.vn',
    });
    const index = await renderSitemapIndex(db, ORIGIN, { blockSize: BLOCK });
    const eventSitemaps = locs(index).filter((loc) => loc.includes('/sitemaps/events-'));
    expect(eventSitemaps[0]).toBe(`${ORIGIN}/sitemaps/events-1.xml`);
    const listed: string[] = [];
    for (const loc of eventSitemaps) listed.push(...locs(await child(loc)));
    const shown = await db
      .select({ slug: events.slug })
      .from(events)
      .where(inArray(events.status, ['published', 'cancelled']));
    expect(shown.length).toBeGreaterThan(30);
    expect(listed.sort()).toEqual(
      shown.flatMap(({ slug }) => [`${ORIGIN}/su-kien/${slug}`, `${ORIGIN}/en/events/${slug}`]).sort(),
    );
    expect(listed).not.toContain(`${ORIGIN}/su-kien/nhap`);
    expect(parseSitemapName('events-1', null)).toEqual({ kind: 'events', page: 1, after: null });
  });

  it('lists the fixed pages and all 34 provinces in both languages', async () => {
    const pages = locs(await child(`${ORIGIN}/sitemaps/pages.xml`));
    expect(pages).toContain(`${ORIGIN}/su-kien`);
    expect(pages).toContain(`${ORIGIN}/en/events`);
    expect(pages).toContain(`${ORIGIN}/tinh`);
    expect(pages).toContain(`${ORIGIN}/en/provinces`);
    expect(locs(await child(`${ORIGIN}/sitemaps/provinces.xml`))).toHaveLength(68);
  });

  it('refuses names that are not sitemaps, and pages after the first without their key', () => {
    expect(parseSitemapName('products-1', null)).toEqual({ kind: 'products', page: 1, after: null });
    expect(parseSitemapName('products-2', 'abc123')).toEqual({ kind: 'products', page: 2, after: 'abc123' });
    expect(parseSitemapName('products-2', null)).toBeNull();
    expect(parseSitemapName('products-1', 'abc')).toBeNull();
    expect(parseSitemapName('products-0', null)).toBeNull();
    expect(parseSitemapName('users-1', null)).toBeNull();
    expect(parseSitemapName('cooperatives-3', "x' OR 1=1")).toBeNull();
    expect(parseSitemapName('pages', 'x')).toBeNull();
  });
});
