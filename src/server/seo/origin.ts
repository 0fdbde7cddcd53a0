/**
 * The origin that absolute links (canonical, hreflang, Open Graph, JSON-LD,
 * sitemaps, robots.txt) are built on: PUBLIC_ORIGIN when the worker has it,
 * else the request's own. Behind a proxy or on a preview host the request's
 * origin is not the public one, and search engines must only ever see that.
 */
import { resolveOrigin } from './urls';

export function siteOrigin(config: { PUBLIC_ORIGIN?: string | undefined }, requestUrl: URL): string {
  return resolveOrigin(config.PUBLIC_ORIGIN, requestUrl);
}
