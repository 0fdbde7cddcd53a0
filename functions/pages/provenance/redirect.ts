import { type Locale, negotiateLocale } from '../../../src/i18n';
import type { LocalizedPaths } from '../../../src/i18n/routes';

/** The language of someone who scanned a label: ?lang= first, then the browser's Accept-Language. */
export function scannerLocale(request: Request): Locale {
  const url = new URL(request.url);
  return negotiateLocale(
    url.searchParams.get('lang') ?? undefined,
    request.headers.get('accept-language') ?? undefined,
  );
}

/**
 * A temporary redirect to a page in the scanner's language, as GS1 resolvers
 * answer: temporary because what a code points to may change, and varying by
 * language so caches keep one answer per language.
 */
export function redirectForScanner(request: Request, paths: LocalizedPaths): Response {
  return new Response(null, {
    status: 307,
    headers: { Location: paths[scannerLocale(request)], Vary: 'Accept-Language' },
  });
}
