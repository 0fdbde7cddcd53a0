/** A child sitemap: pages.xml, provinces.xml, products-N.xml, cooperatives-N.xml, events-N.xml (see src/server/seo/sitemap.ts). */
import type { APIRoute } from 'astro';
import { readDatabase } from '../../../functions/pages/handle-page';
import { siteOrigin } from '../../server/seo/origin';
import { parseSitemapName, renderSitemap } from '../../server/seo/sitemap';
import { xmlResponse } from '../../../functions/pages/seo/xml-response';

export const GET: APIRoute = async ({ params, url, rewrite, locals }) => {
  const name = parseSitemapName(params.name ?? '', url.searchParams.get('after'));
  if (!name) return rewrite('/404');
  const xml = await readDatabase(locals.services, (db) =>
    renderSitemap(db, siteOrigin(locals.services.env, url), name),
  );
  return xmlResponse(xml);
};
