/**
 * What a scan address answers, shared by the resolver routes
 * (/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}], /truy-xuat/{code}, /truy-xuat/{code}/{lot}):
 * a 307 to the page in the scanner's language, or the status and words of a
 * page that says which part of the code was wrong.
 */
import { dictionary, format, type Locale } from '../../../src/i18n';
import { productPaths, tracePaths } from '../../../src/i18n/routes';
import { linksetResponse, redirectForScanner, scannerLocale, scannerTarget, wantsLinkset } from './redirect';
import { linksetFor } from '../../../src/server/provenance/linkset';
import type { Resolution } from '../../../src/server/provenance/resolver';

export interface ScanProblem {
  status: 400 | 404;
  locale: Locale;
  title: string;
  lead: string;
  /** Where to go instead when the product is known but the lot is not. */
  productLink: string | null;
}

/** What the person scanned or typed, as shown back to them (bounded; Astro escapes it). */
export interface ScannedInput {
  gtin?: string;
  code?: string;
}

const shown = (value: string) => value.slice(0, 40);

/** `origin` is the site's public origin (siteOrigin), which the linkset's links are built on. */
export function answerScan(
  request: Request,
  resolution: Resolution,
  input: ScannedInput,
  origin: string,
): Response | ScanProblem {
  if (resolution.kind === 'product' || resolution.kind === 'batch') {
    const lotCode = resolution.kind === 'batch' ? resolution.lotCode : null;
    const paths =
      lotCode === null ? productPaths(resolution.product.slug) : tracePaths(resolution.product.traceCode, lotCode);
    const linkset = linksetFor(origin, resolution.product, lotCode, scannerTarget(request, paths));
    return wantsLinkset(request) ? linksetResponse(linkset) : redirectForScanner(request, paths, linkset);
  }
  const locale = scannerLocale(request);
  const t = dictionary(locale).resolver;
  if (resolution.kind === 'malformed') {
    const gtin = input.gtin ?? '';
    return {
      status: 400,
      locale,
      title: t.malformedTitle,
      lead: format(t[resolution.problem], { gtin: shown(gtin), length: gtin.replace(/[\s-]/g, '').length }),
      productLink: null,
    };
  }
  if (resolution.kind === 'malformed_qualifiers') {
    return {
      status: 400,
      locale,
      title: t.malformedLinkTitle,
      lead:
        resolution.problem === 'qualifier_value'
          ? format(t.qualifier_value, { ai: resolution.ai, value: shown(resolution.value) })
          : t.qualifier_path,
      productLink: null,
    };
  }
  if (resolution.kind === 'unknown_lot') {
    const product =
      locale === 'en' && resolution.product.nameEn ? resolution.product.nameEn : resolution.product.nameVi;
    return {
      status: 404,
      locale,
      title: t.unknownLotTitle,
      lead: format(t.unknownLot, { product, lot: shown(resolution.lotCode) }),
      productLink: productPaths(resolution.product.slug)[locale],
    };
  }
  return {
    status: 404,
    locale,
    title: t.unknownTitle,
    lead:
      input.gtin !== undefined
        ? format(t.unknownGtin, { gtin: shown(input.gtin) })
        : format(t.unknownCode, { code: shown(input.code ?? '') }),
    productLink: null,
  };
}
