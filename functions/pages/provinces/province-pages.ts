/**
 * /tinh/{slug} and /en/provinces/{slug}. The 29 provinces merged on 1 July
 * 2025 keep their old addresses, which people and search engines still have:
 * each answers 301 to the unit it joined, which then says where the visitor
 * came from ("Hà Giang nay thuộc Tuyên Quang").
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { provincePaths } from '../../../src/i18n/routes';
import { getProvincePage, type ProvincePageData } from '../../../src/server/provinces/province-page';
import { formerProvinceBySlug } from '../../../src/server/provinces/reference';
import { movedPermanently } from '../form-handling';
import { laterFor } from '../../after-response';
import { loadPage } from '../handle-page';

/** The query parameter carrying the former province's slug across the redirect. */
export const FORMERLY_PARAM = 'formerly';

export interface ProvincePageView extends ProvincePageData {
  /** The former province the visitor asked for, when it is one of this unit's. */
  formerly: string | null;
}

export async function loadProvincePage(page: AstroGlobal, locale: Locale): Promise<ProvincePageView | Response> {
  const slug = page.params.slug ?? '';
  const former = formerProvinceBySlug(slug);
  if (former) {
    return movedPermanently(`${provincePaths(former.successor.slug)[locale]}?${FORMERLY_PARAM}=${former.slug}`);
  }
  const data = await loadPage(page, locale, (db) =>
    getProvincePage(db, slug, new Date(), laterFor(page.locals.cfContext)),
  );
  if (data instanceof Response) return data;
  const asked = formerProvinceBySlug(page.url.searchParams.get(FORMERLY_PARAM) ?? '');
  return { ...data, formerly: asked?.successor.code === data.province.code ? asked.nameVi : null };
}
