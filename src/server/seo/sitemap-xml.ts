/**
 * Sitemap XML (sitemaps.org 0.9) with hreflang alternates (xhtml:link): each
 * page is listed once per language, and each entry names every language
 * version of itself, as search engines ask.
 */
import { LOCALES } from '../../i18n';
import type { LocalizedPaths } from '../../i18n/routes';
import { absoluteUrl } from './urls';

/** sitemaps.org allows 50,000; smaller files are quicker to build, fetch and retry. */
export const SITEMAP_URL_LIMIT = 10_000;

export interface SitemapEntry {
  paths: LocalizedPaths;
  lastmod?: Date;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function urlSetXml(origin: string, entries: readonly SitemapEntry[]): string {
  const parts = [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
  ];
  for (const entry of entries) {
    const alternates = [
      ...LOCALES.map((locale) => alternate(locale, absoluteUrl(origin, entry.paths[locale]))),
      alternate('x-default', absoluteUrl(origin, entry.paths.vi)),
    ].join('');
    const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : '';
    for (const locale of LOCALES) {
      parts.push(
        `<url><loc>${xmlEscape(absoluteUrl(origin, entry.paths[locale]))}</loc>${lastmod}${alternates}</url>\n`,
      );
    }
  }
  parts.push('</urlset>\n');
  return parts.join('');
}

function alternate(hreflang: string, href: string): string {
  return `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${xmlEscape(href)}"/>`;
}

export function sitemapIndexXml(locations: readonly string[]): string {
  const sitemaps = locations.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>\n`).join('');
  return `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps}</sitemapindex>\n`;
}
