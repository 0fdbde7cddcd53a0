/** Absolute URLs for links that leave the page: canonical, hreflang, JSON-LD, sitemaps, mail. */

/** The origin of PUBLIC_ORIGIN when it is a usable http(s) URL, else null. */
export function configuredOrigin(configured: string | undefined): string | null {
  if (!configured) return null;
  try {
    const url = new URL(configured);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Not a URL at all: the callers say what they do instead.
  }
  return null;
}

/** PUBLIC_ORIGIN when it is a usable http(s) origin, else the request's origin. */
export function resolveOrigin(configured: string | undefined, requestUrl: URL): string {
  const origin = configuredOrigin(configured);
  if (origin) return origin;
  // A typo in a variable must not take every page down: reported, and the request's origin used.
  if (configured)
    console.warn(`PUBLIC_ORIGIN is not an http(s) origin, using the request's: ${JSON.stringify(configured)}`);
  return requestUrl.origin;
}

/**
 * The origin of links sent by mail (password reset, invitations, inquiries):
 * PUBLIC_ORIGIN only, never the request's. The request's Host is whatever the
 * sender wrote, so a reset asked for with a forged Host would mail the account
 * holder a working link to the sender's own domain. Without the variable the
 * request fails before anything is written or sent; `npm run deploy` refuses
 * a configuration without it (scripts/check-deploy-config.ts).
 */
export function mailLinkOrigin(configured: string | undefined): string {
  const origin = configuredOrigin(configured);
  if (!origin)
    throw new Error(
      `PUBLIC_ORIGIN is not set to an http(s) origin (${JSON.stringify(configured ?? null)}): links in mail cannot be built`,
    );
  return origin;
}

/** `path` (starting with /) on `origin`. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}
