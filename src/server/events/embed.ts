/**
 * The events widget that other sites frame (/nhung/su-kien, /en/embed/events):
 * the next few public events for the calendar's own filters, read as leniently
 * as the calendar reads them (a value that names nothing is dropped and named
 * in a notice, never a 500), and the snippet the console hands to a site's
 * webmaster to paste.
 */
import { z } from 'zod';
import type { Database } from '../db/client';
import { InvalidFilterError } from '../errors';
import { resolveSlugFilters } from '../search/list-query';
import { readListPage } from '../search/list-page';
import { filtersToQuery, optionalParam } from '../search/params';
import { listCalendarEvents } from './calendar';
import { eventFilterShape } from './calendar-filters';

export const EMBED_DEFAULT_COUNT = 5;
export const EMBED_MAX_COUNT = 20;

/**
 * What a widget may be told: which events (the calendar's filters proper) and
 * how many. Dates and paging stay on the portal: a widget shows what comes next.
 */
export const embedShape = {
  kind: eventFilterShape.kind,
  province: eventFilterShape.province,
  cooperative: eventFilterShape.cooperative,
  format: eventFilterShape.format,
  count: optionalParam(z.coerce.number().int().min(1).max(EMBED_MAX_COUNT)),
};

export type EmbedFilters = Partial<z.infer<z.ZodObject<typeof embedShape>>>;

export async function loadEventsEmbed(db: Database, params: URLSearchParams, now: Date) {
  return readListPage(embedShape, params, ({ count, ...filters }) =>
    listCalendarEvents(db, { ...filters, time: 'upcoming', limit: count ?? EMBED_DEFAULT_COUNT }, now),
  );
}

export type EventsEmbedData = Awaited<ReturnType<typeof loadEventsEmbed>>;

/**
 * The filters without the slugs that name nothing, and those slugs' names:
 * the console checks them before handing out a snippet that would show a notice.
 */
export async function withKnownSlugs(
  db: Database,
  filters: EmbedFilters,
): Promise<{ filters: EmbedFilters; unknown: string[] }> {
  try {
    await resolveSlugFilters(db, { province: filters.province, cooperative: filters.cooperative });
    return { filters, unknown: [] };
  } catch (error) {
    if (!(error instanceof InvalidFilterError)) throw error;
    const unknown = Object.keys(error.fields);
    const known = Object.fromEntries(Object.entries(filters).filter(([key]) => !unknown.includes(key)));
    return { filters: known, unknown };
  }
}

/** The widget's query string for these filters, in the shape's order: the same filters, the same address. */
export function embedQuery(filters: EmbedFilters): string {
  const ordered = Object.fromEntries(Object.keys(embedShape).map((key) => [key, filters[key as keyof EmbedFilters]]));
  const query = filtersToQuery(ordered).toString();
  return query ? `?${query}` : '';
}

/**
 * Height in CSS pixels the snippet gives the frame: a heading, the events, the
 * link to the calendar. A frame cannot follow its content without script, so
 * this fits an event of two title lines and two detail lines, as in a column of
 * about 300 px; in a narrower one the frame scrolls.
 */
export function embedHeight(count: number): number {
  return 120 + 120 * count;
}

/**
 * The HTML a site pastes. No script and no sandbox: the widget holds only
 * links, which open the portal in a new tab. `title` names the frame for
 * screen readers (WCAG 4.1.2).
 */
export function embedSnippet(widgetUrl: string, title: string, count: number): string {
  const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return (
    `<iframe src="${attribute(widgetUrl)}" title="${attribute(title)}" loading="lazy" ` +
    `style="width:100%;max-width:100%;border:0" height="${embedHeight(count)}"></iframe>`
  );
}
