/**
 * The lot code of a batch address (/01/{gtin}/10/{lot}, /truy-xuat/{code}/{lot}
 * and the trace pages): the last segment of the request's own path, decoded
 * exactly once. Astro's `params.lot` cannot be used: it keeps the escapes of
 * URL-reserved characters (`%2F`, `%3F`, `%26`), which GS1 lot codes may hold.
 */
import type { AstroGlobal } from 'astro';

/** A segment that is not valid percent-encoding (a `%` typed by hand: `50%`) is taken as typed. */
export function lotCodeOf(page: AstroGlobal): string {
  const path = new URL(page.request.url).pathname;
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
