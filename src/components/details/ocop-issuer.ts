import { dictionary, format, type Locale } from '../../i18n';
import type { OcopAuthority, OcopIssuer } from '../../server/products/ocop-authority';

/** The words for who decided an OCOP rating; `province` names a provincial committee's province. */
export function ocopAuthorityName(locale: Locale, authority: OcopAuthority, province: string): string {
  return format(dictionary(locale).details.ocop.issuers[authority], { province });
}

/** The same for a rating's issuer, with the province in the page's language. */
export const ocopIssuerName = (locale: Locale, issuer: OcopIssuer): string =>
  ocopAuthorityName(locale, issuer.authority, locale === 'vi' ? issuer.provinceVi : issuer.provinceEn);
