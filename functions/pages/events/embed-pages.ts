/**
 * The events widget other sites frame, and the console page where an officer
 * makes the snippet for it (src/server/events/embed.ts).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale, LOCALES } from '../../../src/i18n';
import { fieldMessages } from '../../../src/i18n/field-messages';
import { routes } from '../../../src/i18n/routes';
import type { FieldIssues } from '../../../src/server/errors';
import { requireOfficer } from '../../../src/server/accounts/guards';
import {
  EMBED_DEFAULT_COUNT,
  embedQuery,
  embedShape,
  embedSnippet,
  type EmbedFilters,
  type EventsEmbedData,
  loadEventsEmbed,
  withKnownSlugs,
} from '../../../src/server/events/embed';
import { provinceOptions, type ProvinceOption } from '../../../src/server/products/filter-options';
import { filtersToQuery, parseLenient } from '../../../src/server/search/params';
import { API_BASE } from '../../api';
import { siteOrigin } from '../../../src/server/seo/origin';
import { EMBEDDABLE_CONTENT_SECURITY_POLICY } from '../../security-headers';
import { noStore } from '../form-handling';
import { gated, loadListPage } from '../handle-page';

export async function handleEventsEmbed(page: AstroGlobal, locale: Locale): Promise<EventsEmbedData | Response> {
  // The one page other sites may frame: withSecurityHeaders keeps this policy and lets it be framed.
  page.response.headers.set('Content-Security-Policy', EMBEDDABLE_CONTENT_SECURITY_POLICY);
  return loadListPage(page, locale, (db, params) => loadEventsEmbed(db, params, new Date()));
}

export interface EmbedGeneratorView {
  provinces: ProvinceOption[];
  filters: EmbedFilters;
  /** The frame's language, which may differ from the console's. */
  frameLocale: Locale;
  /** What was typed, shown again (escaped) in the form. */
  values: Record<string, string>;
  /** Per field: a value that is malformed or names nothing, left out of the snippet. */
  errors: Record<string, string>;
  /** The widget on this host, for the preview (frame-src 'self'); the snippet names the public origin. */
  previewPath: string;
  widgetUrl: string;
  snippet: string;
  /** The same events from the JSON API, for sites that draw their own. */
  jsonUrl: string;
}

export async function handleEmbedGenerator(page: AstroGlobal, locale: Locale): Promise<EmbedGeneratorView | Response> {
  noStore(page);
  const params = page.url.searchParams;
  const parsed = parseLenient(embedShape, params);
  const fields = [...Object.keys(embedShape), 'language'];
  const values = Object.fromEntries(fields.map((name) => [name, params.get(name) ?? '']));
  const asked = params.get('language');
  const frameLocale = LOCALES.find((known) => known === asked) ?? locale;
  const issues: FieldIssues = Object.fromEntries(parsed.ignored.map((name) => [name, { code: 'invalid_value' }]));
  if (asked && asked !== frameLocale) issues.language = { code: 'invalid_value' };
  const gate = await gated(page, locale, async (db, user) => {
    requireOfficer(user);
    const provinces = provinceOptions();
    const checked = await withKnownSlugs(db, parsed.filters);
    return { provinces, ...checked };
  });
  if (gate instanceof Response) return gate;
  const { provinces, filters, unknown } = gate.data;
  for (const name of unknown) issues[name] = { code: 'unknown_value' };
  if (Object.keys(issues).length > 0) page.response.status = 400;
  const previewPath = `${routes.eventsEmbed[frameLocale]}${embedQuery(filters)}`;
  const origin = siteOrigin(page.locals.services.env, page.url);
  const widgetUrl = new URL(previewPath, origin).href;
  const { count, ...eventFilters } = filters;
  const apiQuery = filtersToQuery({ ...eventFilters, limit: count }).toString();
  const jsonUrl = new URL(`${API_BASE}/events${apiQuery ? `?${apiQuery}` : ''}`, origin).href;
  const title = dictionary(frameLocale).embed.generator.frameTitle;
  return {
    provinces,
    filters,
    frameLocale,
    values,
    errors: fieldMessages(issues, locale),
    previewPath,
    widgetUrl,
    snippet: embedSnippet(widgetUrl, title, count ?? EMBED_DEFAULT_COUNT),
    jsonUrl,
  };
}
