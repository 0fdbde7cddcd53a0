/**
 * What a resolved label links to, as a GS1-Conformant Resolver 1.2 linkset
 * (RFC 9264 `application/linkset+json`; link types from the GS1 Web
 * Vocabulary): the product page (gs1:pip), its certificates
 * (gs1:certificationInfo), and for a batch its trace page and trace JSON
 * (gs1:traceability). The same links go into the `Link` header of the
 * resolver's redirects.
 */
import { productPaths, tracePaths } from '../../i18n/routes';
import { absoluteUrl } from '../seo/urls';
import { batchLabelPath, productLabelPath } from './digital-link';
import { encodeLotCode } from './lot-code';
import { GS1_VOCABULARY } from './resolver-description';
import type { ResolvedProduct } from './resolver';

export const LINKSET_MEDIA_TYPE = 'application/linkset+json';

export interface TargetLink {
  href: string;
  type: string;
  hreflang?: string[];
  title: string;
}

export interface Linkset {
  linkset: [{ anchor: string } & Record<string, string | TargetLink[]>];
}

const rel = (linkType: string) => `${GS1_VOCABULARY}${linkType}`;

/** The batch's trace as JSON, from the API (functions/api/trace.ts). */
function traceApiPath(product: ResolvedProduct, lotCode: string): string {
  const lot = encodeLotCode(lotCode);
  return product.gtin ? `/api/v1/trace/${product.gtin}/${lot}` : `/api/v1/trace/codes/${product.traceCode}/${lot}`;
}

/**
 * The links of a resolved product, or of one of its batches when `lotCode`
 * is given; `defaultPath` is the page the redirect leads to (gs1:defaultLink).
 */
export function linksetFor(
  origin: string,
  product: ResolvedProduct,
  lotCode: string | null,
  defaultPath: string,
): Linkset {
  const url = (path: string) => absoluteUrl(origin, path);
  const names = { vi: product.nameVi, en: product.nameEn || product.nameVi };
  const pages = productPaths(product.slug);
  const html = (paths: { vi: string; en: string }, title: { vi: string; en: string }, fragment = '') =>
    (['vi', 'en'] as const).map((lang) => ({
      href: url(paths[lang] + fragment),
      type: 'text/html',
      hreflang: [lang],
      title: title[lang],
    }));
  const links: Record<string, TargetLink[]> = {
    [rel('defaultLink')]: [{ href: url(defaultPath), type: 'text/html', title: names.vi }],
    [rel('pip')]: html(pages, names),
    [rel('certificationInfo')]: html(pages, names, '#certificates-heading'),
  };
  if (lotCode !== null) {
    links[rel('traceability')] = [
      ...html(tracePaths(product.traceCode, lotCode), names),
      { href: url(traceApiPath(product, lotCode)), type: 'application/json', title: names.vi },
    ];
  }
  const anchor = url(lotCode === null ? productLabelPath(product) : batchLabelPath(product, lotCode));
  return { linkset: [{ anchor, ...links }] };
}

/** The linkset as an HTTP `Link` header (RFC 8288), with a link to the linkset itself. */
export function linkHeader(linkset: Linkset): string {
  const [{ anchor, ...links }] = linkset.linkset;
  const entries = [`<${anchor}?linkType=linkset>; rel="linkset"; type="${LINKSET_MEDIA_TYPE}"`];
  for (const [relation, targets] of Object.entries(links)) {
    for (const target of targets as TargetLink[]) {
      const lang = target.hreflang ? `; hreflang="${target.hreflang[0]}"` : '';
      entries.push(`<${target.href}>; rel="${relation}"; type="${target.type}"${lang}`);
    }
  }
  return entries.join(', ');
}
