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
import { formerProvinceBySlug, provinceBySlug } from '../../../src/server/provinces/reference';
import { movedPermanently } from '../form-handling';
import { laterFor } from '../../after-response';
import { loadPage } from '../handle-page';
import { FORMERLY_PARAM, formerOfChosen } from '../../../src/server/search/params';

export interface ProvincePageView extends ProvincePageData {
  /** The former province the visitor asked for, when it is one of this unit's. */
  formerly: string | null;
}

export async function loadProvincePage(page: AstroGlobal, locale: Locale): Promise<ProvincePageView | Response> {
  const asked = page.params.slug ?? '';
  // Typed addresses come capitalised too (/tinh/Ha-Giang); slugs are lower case.
  const slug = asked.toLowerCase();
  const former = formerProvinceBySlug(slug);
  // The visitor's other parameters (a campaign's utm_*) go along.
  const kept = new URLSearchParams([...page.url.searchParams].filter(([key]) => key !== FORMERLY_PARAM));
  if (former) {
    kept.set(FORMERLY_PARAM, former.slug);
    return movedPermanently(`${provincePaths(former.successor.slug)[locale]}?${kept}`);
  }
  if (slug !== asked && provinceBySlug(slug)) {
    return movedPermanently(`${provincePaths(slug)[locale]}${kept.size > 0 ? `?${kept}` : ''}`);
  }
  const data = await loadPage(page, locale, (db) =>
    getProvincePage(db, slug, new Date(), laterFor(page.locals.cfContext)),
  );
  if (data instanceof Response) return data;
  const came = formerOfChosen(page.url.searchParams.get(FORMERLY_PARAM) ?? '', [data.province.slug]);
  return { ...data, formerly: came?.nameVi ?? null };
}
