/**
 * /tai-khoan/su-kien/{slug}/danh-muc: a fair's catalogue as a PDF download,
 * for trade officers and the fair's confirmed exhibitors
 * (src/server/events/catalogue-file.ts decides who). A GET: asking for the
 * file changes nothing, and the link can be bookmarked to print again after
 * more booths are confirmed. Before any booth is confirmed the answer is the
 * catalogue page saying there is nothing to print yet (409), not an empty PDF.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import type { EventCatalogue } from '../../../src/server/events/catalogue';
import { catalogueFile } from '../../../src/server/events/catalogue-file';
import { siteOrigin } from '../../../src/server/seo/origin';
import { download } from '../console/downloads';
import { noStore } from '../form-handling';
import { gated } from '../handle-page';

export async function handleCatalogueFile(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<EventCatalogue | Response> {
  noStore(page);
  const { services } = page.locals;
  const origin = siteOrigin(services.env, page.url);
  const result = await gated(page, locale, (db, user) =>
    catalogueFile(db, user, services.media, slug, origin, locale, new Date()),
  );
  if (result instanceof Response) return result;
  const file = result.data;
  if (file.kind === 'pdf') return download(file.bytes, 'pdf', file.name);
  page.response.status = 409;
  return file.catalogue;
}
