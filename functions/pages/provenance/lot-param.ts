/**
 * The lot code of a batch address (/truy-xuat/{code}/{lot} and the trace
 * pages) and the qualifiers of a GS1 Digital Link (/01/{gtin}/10/{lot}/…):
 * segments of the request's own path, each decoded exactly once. Astro's
 * params cannot be used: they keep the escapes of URL-reserved characters
 * (`%2F`, `%3F`, `%26`), which GS1 lot codes may hold.
 */
import type { AstroGlobal } from 'astro';

/** A segment that is not valid percent-encoding (a `%` typed by hand: `50%`) is taken as typed. */
function decodedOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function lotCodeOf(page: AstroGlobal): string {
  const path = new URL(page.request.url).pathname;
  return decodedOnce(path.slice(path.lastIndexOf('/') + 1));
}

/** The segments after /01/{gtin}, decoded; a trailing slash adds none. */
export function digitalLinkQualifiersOf(page: AstroGlobal): string[] {
  const segments = new URL(page.request.url).pathname.split('/').slice(3);
  if (segments.at(-1) === '') segments.pop();
  return segments.map(decodedOnce);
}
