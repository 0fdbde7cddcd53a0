/** Absolute URLs for links that leave the page: canonical, hreflang, JSON-LD, sitemaps. */

/** PUBLIC_ORIGIN when it is a usable http(s) origin, else the request's origin. */
export function resolveOrigin(configured: string | undefined, requestUrl: URL): string {
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // Reported below; a typo in a variable must not take every page down.
    }
    console.warn(`PUBLIC_ORIGIN is not an http(s) origin, using the request's: ${JSON.stringify(configured)}`);
  }
  return requestUrl.origin;
}

/** `path` (starting with /) on `origin`. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}
