/** The sitemap index: one child sitemap per block of products or cooperatives (src/server/seo/sitemap.ts). */
import type { APIRoute } from 'astro';
import { readDatabase } from '../../functions/pages/page-data';
import { siteOrigin } from '../server/seo/origin';
import { renderSitemapIndex } from '../server/seo/sitemap';
import { xmlResponse } from '../../functions/pages/seo/xml-response';

export const GET: APIRoute = async ({ url }) => {
  const xml = await readDatabase((db) => renderSitemapIndex(db, siteOrigin(url)));
  return xmlResponse(xml);
};
