import { dictionary, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';

/** One step of a breadcrumb trail: a name and this site's path. */
export interface PageCrumb {
  name: string;
  path: string;
}

/** Home › a section of the site › this page. */
export function crumbTrail(
  locale: Locale,
  section: { name: string; path: string } | null,
  page: PageCrumb,
): PageCrumb[] {
  const home = { name: dictionary(locale).nav.home, path: routes.home[locale] };
  return section ? [home, section, page] : [home, page];
}
