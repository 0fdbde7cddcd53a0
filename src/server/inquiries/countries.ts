/**
 * ISO 3166-1 alpha-2 codes officially assigned (249, as maintained by the ISO
 * 3166 Maintenance Agency), and the finder that reads a typed country back to
 * its code. Names are not kept here: pages ask the runtime's Intl.DisplayNames
 * for them in the reader's language.
 */
import { intlLocale } from '../../i18n';
import { collator, displayNames } from '../../i18n/intl-cache';
import { editDistance, suggestionLimit } from '../search/edit-distance';
import { foldVietnamese } from '../search/fold';

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

/**
 * Names people write that neither language's long or short name is: the
 * Vietnamese of the everyday press, and English shorthand.
 */
const EVERYDAY_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['Mỹ', 'USA', 'United States of America', 'America'],
  GB: ['Anh', 'Great Britain', 'Britain', 'England'],
  KR: ['Nam Hàn', 'Korea', 'Republic of Korea'],
  KP: ['Bắc Hàn', 'Bắc Triều Tiên'],
  AE: ['UAE', 'Emirates'],
  CZ: ['Czech Republic'],
  TR: ['Turkey'],
  NL: ['Holland'],
};

/** Any case, marks or none, punctuation and spacing as spaces: "Côte d’Ivoire" and "cote d ivoire" read alike. */
const readName = (text: string) =>
  foldVietnamese(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface CountryIndex {
  /** Every way of writing a country, read as readName reads it, to its code. */
  byName: ReadonlyMap<string, string>;
  /** The names a suggestion is chosen among, as written, with their read form. */
  names: readonly { read: string; written: string; code: string }[];
}

let countryIndex: CountryIndex | null = null;

function indexOfCountries(): CountryIndex {
  if (countryIndex) return countryIndex;
  const byName = new Map<string, string>();
  const names: CountryIndex['names'][number][] = [];
  const add = (written: string, code: string) => {
    const read = readName(written);
    if (!read || byName.has(read)) return;
    byName.set(read, code);
    names.push({ read, written, code });
  };
  for (const code of COUNTRY_CODES) {
    for (const locale of ['vi', 'en'] as const) {
      add(countryName(code, locale), code);
      for (const style of ['long', 'short'] as const)
        add(displayNames(intlLocale[locale], { type: 'region', style, fallback: 'none' }).of(code) ?? '', code);
    }
    for (const name of EVERYDAY_NAMES[code] ?? []) add(name, code);
  }
  countryIndex = { byName, names };
  return countryIndex;
}

export type CountryMatch =
  | { status: 'found'; code: string }
  /** `suggestion`: the name nearest to what was typed, as written in the language it was typed in, when one is close. */
  | { status: 'unknown'; suggestion: string | null };

/**
 * The country `text` names: its ISO code (in any case where no name reads
 * the same), its name in Vietnamese or English, long or short ("Đặc khu
 * Hành chính Hồng Kông, Trung Quốc" or "Hồng Kông"), with or without marks,
 * or a name people use (EVERYDAY_NAMES); else the start of one name alone
 * ("Nhật" for Nhật Bản). Nothing found, the nearest name as a suggestion.
 */
export function findCountry(text: string): CountryMatch {
  const typed = text.trim();
  // A code as written in upper case ("MY", Malaysia) before a name folded alike ("My", Mỹ without its marks).
  if (isCountryCode(typed)) return { status: 'found', code: typed };
  const read = readName(typed);
  if (read === '') return { status: 'unknown', suggestion: null };
  const index = indexOfCountries();
  const exact = index.byName.get(read) ?? (isCountryCode(typed.toUpperCase()) ? typed.toUpperCase() : undefined);
  if (exact) return { status: 'found', code: exact };
  if (read.length >= 3) {
    const started = new Set(index.names.filter((name) => name.read.startsWith(read)).map((name) => name.code));
    if (started.size === 1) return { status: 'found', code: [...started][0]! };
  }
  const limit = suggestionLimit(read);
  let suggestion: string | null = null;
  let best = limit + 1;
  for (const name of index.names) {
    const distance = editDistance(read, name.read, limit);
    if (distance < best) [suggestion, best] = [name.written, distance];
  }
  return { status: 'unknown', suggestion };
}
