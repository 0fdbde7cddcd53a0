/**
 * The origin that absolute links (canonical, hreflang, Open Graph, JSON-LD,
 * sitemaps, robots.txt) are built on: PUBLIC_ORIGIN when the worker has it,
 * else the request's own. Behind a proxy or on a preview host the request's
 * origin is not the public one, and search engines must only ever see that.
 */
import { env } from 'cloudflare:workers';
import { resolveOrigin } from './urls';

export function siteOrigin(requestUrl: URL): string {
  return resolveOrigin(env.PUBLIC_ORIGIN, requestUrl);
}
