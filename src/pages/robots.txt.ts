/** robots.txt: everything public may be crawled, the API, account and console pages not; the sitemap is named. */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../server/seo/origin';
import { absoluteUrl } from '../server/seo/urls';

// The buyer's private thread pages too: their links carry a secret and are nobody's to index.
const DISALLOWED = [
  '/api/',
  '/tai-khoan',
  '/en/account',
  '/quan-tri',
  '/en/admin',
  '/hoi-hang/trao-doi/',
  '/en/inquiries/conversation/',
];

export const GET: APIRoute = ({ url, locals }) => {
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${absoluteUrl(siteOrigin(locals.services.env, url), '/sitemap.xml')}`,
    '',
  ];
  return new Response(lines.join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
