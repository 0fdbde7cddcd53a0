import { type Locale, negotiateLocale } from '../../../src/i18n';
import type { LocalizedPaths } from '../../../src/i18n/routes';
import { LINKSET_MEDIA_TYPE, type Linkset, linkHeader, type TargetLink } from '../../../src/server/provenance/linkset';
import { GS1_VOCABULARY } from '../../../src/server/provenance/resolver-description';
import { PUBLIC_CORS_HEADERS } from '../../gs1-resolver';

/** The language of someone who scanned a label: ?lang= first, then the browser's Accept-Language. */
export function scannerLocale(request: Request): Locale {
  const url = new URL(request.url);
  return negotiateLocale(
    url.searchParams.get('lang') ?? undefined,
    request.headers.get('accept-language') ?? undefined,
  );
}

/** Query parameters the resolver itself reads; every other one (GS1 data attributes such as `17=`) is passed on. */
const RESOLVER_PARAMETERS = new Set(['lang', 'linkType']);

/** `?linkType=linkset` (or its older name `all`) or `Accept: application/linkset+json` asks for every link at once. */
export function wantsLinkset(request: Request): boolean {
  const linkType = new URL(request.url).searchParams.get('linkType');
  if (linkType !== null) return ['linkset', 'gs1:linkset', 'all'].includes(linkType);
  return (request.headers.get('accept') ?? '').includes(LINKSET_MEDIA_TYPE);
}

/** The page in the scanner's language, with the query attributes the label carried. */
export function scannerTarget(request: Request, paths: LocalizedPaths): string {
  const kept = new URLSearchParams(
    [...new URL(request.url).searchParams].filter(([name]) => !RESOLVER_PARAMETERS.has(name)),
  ).toString();
  return kept ? `${paths[scannerLocale(request)]}?${kept}` : paths[scannerLocale(request)];
}

/**
 * The link of the type a scanning app asked for (`?linkType=gs1:pip`, or the
 * type's full URI), in the scanner's language when there is one; null when
 * none was asked for or the label has no link of that type, and then the
 * default link answers (GS1-Conformant Resolver 1.2).
 */
function requestedLink(request: Request, linkset: Linkset): TargetLink | null {
  const linkType = new URL(request.url).searchParams.get('linkType');
  if (!linkType) return null;
  const relation = linkType.startsWith('gs1:') ? `${GS1_VOCABULARY}${linkType.slice(4)}` : linkType;
  const targets = linkset.linkset[0][relation];
  if (!Array.isArray(targets) || targets.length === 0) return null;
  const locale = scannerLocale(request);
  return targets.find((target) => target.hreflang?.includes(locale)) ?? targets[0] ?? null;
}

/**
 * A temporary redirect, as GS1 resolvers answer: to the link type asked for,
 * or else to the page in the scanner's language. Temporary because what a
 * code points to may change, and varying by language (and by Accept, which
 * may ask for the linkset) so caches keep one answer per language. The `Link`
 * header carries the label's other links.
 */
export function redirectForScanner(request: Request, paths: LocalizedPaths, linkset: Linkset): Response {
  const location = requestedLink(request, linkset)?.href ?? scannerTarget(request, paths);
  return new Response(null, {
    status: 307,
    headers: { Location: location, Link: linkHeader(linkset), Vary: 'Accept-Language, Accept' },
  });
}

/**
 * The linkset itself, readable from any origin (it holds only public
 * addresses). Its type is none the public cache keeps, so an answer chosen by
 * Accept never reaches a visitor who asked for the page.
 */
export function linksetResponse(linkset: Linkset): Response {
  return new Response(JSON.stringify(linkset), {
    headers: { 'Content-Type': LINKSET_MEDIA_TYPE, Vary: 'Accept', ...PUBLIC_CORS_HEADERS },
  });
}
