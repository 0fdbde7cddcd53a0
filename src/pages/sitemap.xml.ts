/** The sitemap index: one child sitemap per block of products or cooperatives (src/server/seo/sitemap.ts). */
import type { APIRoute } from 'astro';
import { readDatabase } from '../../functions/pages/handle-page';
import { siteOrigin } from '../server/seo/origin';
import { renderSitemapIndex } from '../server/seo/sitemap';
import { xmlResponse } from '../../functions/pages/seo/xml-response';

export const GET: APIRoute = async ({ url, locals }) => {
  const xml = await readDatabase(locals.services, (db) => renderSitemapIndex(db, siteOrigin(locals.services.env, url)));
  return xmlResponse(xml);
};
