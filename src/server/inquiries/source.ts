/**
 * How a fair names itself in the links it hands out, so the inquiry a buyer
 * then sends says which fair led to it: `?nguon=<kind>.<event slug>` on a
 * product's or cooperative's page, kept through the inquiry form as its
 * hidden `source` field (the JSON API's `source`).
 *
 *   hoi-cho.<slug>    the fair's own page (its exhibitors' products)
 *   danh-muc.<slug>   a product's QR code in the fair's printed catalogue
 *   gian-hang.<slug>  the code an exhibitor displays at its booth
 *
 * A value that is not one of these (typed by hand, cut short, from an old
 * print) is ignored, never an error: the buyer's inquiry matters more than
 * where it came from. The event must exist and be public (submit.ts).
 */
import type { InquirySourceKind } from './vocabulary';

export const SOURCE_QUERY_PARAMETER = 'nguon';

const PREFIXES: Record<InquirySourceKind, string> = {
  event_page: 'hoi-cho',
  catalogue: 'danh-muc',
  booth: 'gian-hang',
};

/** Event slugs as event-slugs.ts makes them: lower-case ASCII words joined by hyphens. */
const EVENT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 200;

export interface InquirySource {
  kind: InquirySourceKind;
  eventSlug: string;
}

/** The source a value names, or null when it names none (anything else is ignored). */
export function parseInquirySource(value: unknown): InquirySource | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const dot = trimmed.indexOf('.');
  if (dot < 0) return null;
  const prefix = trimmed.slice(0, dot);
  const eventSlug = trimmed.slice(dot + 1);
  const kind = (Object.keys(PREFIXES) as InquirySourceKind[]).find((k) => PREFIXES[k] === prefix);
  if (!kind || eventSlug.length > SLUG_MAX || !EVENT_SLUG.test(eventSlug)) return null;
  return { kind, eventSlug };
}

/** The value naming `source`, for links and hidden fields. */
export function inquirySourceValue(source: InquirySource): string {
  return `${PREFIXES[source.kind]}.${source.eventSlug}`;
}

/** `path` with the source appended as ?nguon=… */
export function withInquirySource(path: string, source: InquirySource): string {
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${SOURCE_QUERY_PARAMETER}=${encodeURIComponent(inquirySourceValue(source))}`;
}

/** The source named in a page address's query, as a hidden field's value; empty when none or unknown. */
export function sourceFieldValue(url: URL): string {
  const source = parseInquirySource(url.searchParams.get(SOURCE_QUERY_PARAMETER));
  return source ? inquirySourceValue(source) : '';
}
