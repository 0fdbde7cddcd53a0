/**
 * ISO 3166-1 alpha-2 codes officially assigned (249, as maintained by the ISO
 * 3166 Maintenance Agency). Names are not kept here: pages ask the runtime's
 * Intl.DisplayNames for them in the reader's language.
 */
import { intlLocale } from '../../i18n';
import { collator, displayNames } from '../../i18n/intl-cache';

const ASSIGNED = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY
SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;

export const COUNTRY_CODES: readonly string[] = ASSIGNED.split(/\s+/);
const assigned: ReadonlySet<string> = new Set(COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return assigned.has(value);
}

/**
 * Names the portal writes its own way: the United Nations and Viet Nam's own
 * English style is "Viet Nam", which the rest of the site says; CLDR's English
 * is "Vietnam".
 */
const OWN_NAMES: Record<'vi' | 'en', Readonly<Record<string, string>>> = { vi: {}, en: { VN: 'Viet Nam' } };

/** One country's name in a language (the portal's own spelling where it has one). */
export function countryName(code: string, locale: 'vi' | 'en'): string {
  return (
    OWN_NAMES[locale][code] ?? displayNames(intlLocale[locale], { type: 'region', fallback: 'code' }).of(code) ?? code
  );
}

const sortedOptions = new Map<'vi' | 'en', readonly CountryOption[]>();

export interface CountryOption {
  readonly code: string;
  readonly name: string;
}

/**
 * Codes with their names in a language, sorted as that language sorts them;
 * Viet Nam first. Computed once per language: every product page's inquiry
 * form lists them, and naming and sorting 249 regions is not free.
 */
export function countryOptions(locale: 'vi' | 'en'): readonly CountryOption[] {
  let options = sortedOptions.get(locale);
  if (!options) {
    const names = displayNames(intlLocale[locale], { type: 'region', fallback: 'code' });
    const order = collator(intlLocale[locale]);
    options = COUNTRY_CODES.map((code) => ({ code, name: OWN_NAMES[locale][code] ?? names.of(code) ?? code })).sort(
      (a, b) => (a.code === 'VN' ? -1 : b.code === 'VN' ? 1 : order.compare(a.name, b.name)),
    );
    sortedOptions.set(locale, options);
  }
  return options;
}
