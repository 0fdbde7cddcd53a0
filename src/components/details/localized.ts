import type { Locale } from '../../i18n';

export interface LocalizedText {
  text: string;
  /** Set when the text is not in the page's language, for a lang attribute (WCAG 3.1.2). */
  lang: Locale | undefined;
}

/** The English text on English pages when there is one, else the Vietnamese. */
export function inLocale(locale: Locale, vi: string | null, en: string | null): LocalizedText {
  if (locale === 'en' && en) return { text: en, lang: undefined };
  return { text: vi ?? '', lang: locale === 'vi' ? undefined : 'vi' };
}

/** Paragraphs of a stored description (blank lines separate them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The start of a text for a meta description, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Counting words cooperatives use for a batch's unit, in English (singular: a quantity reads "420 × pot"). */
const UNIT_WORDS_IN_ENGLISH: Readonly<Record<string, string>> = {
  kg: 'kg',
  g: 'g',
  tấn: 'tonnes',
  lít: 'litres',
  ml: 'ml',
  chai: 'bottles',
  hũ: 'jars',
  lọ: 'jars',
  hộp: 'boxes',
  gói: 'packs',
  túi: 'bags',
  thùng: 'cartons',
  cái: 'pieces',
  chiếc: 'pieces',
  bộ: 'sets',
  chậu: 'pots',
  cây: 'plants',
  bó: 'bunches',
  quả: 'fruits',
};

/**
 * A batch's unit as recorded (in Vietnamese: "chai", "kg"), in English where we know it: the counting word's
 * English (plural, as a batch is many: "420 pots", where the product's own unit is the singular of a price, "per
 * pot"), else the product's own English unit when the batch uses the product's unit word for word; otherwise the
 * Vietnamese, marked as such.
 */
export function batchUnitIn(locale: Locale, unit: string, product?: { unitVi: string; unitEn: string }): LocalizedText {
  const folded = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');
  const counting = UNIT_WORDS_IN_ENGLISH[folded(unit)];
  if (locale === 'en' && !counting && product?.unitEn && folded(unit) === folded(product.unitVi))
    return { text: product.unitEn, lang: undefined };
  return inLocale(locale, unit, counting ?? null);
}

/**
 * Public bodies that issue certificates, by their Vietnamese name as cooperatives record it, with their official
 * English names. Other issuers (certification companies) keep the name they registered.
 */
const ISSUERS_IN_ENGLISH: Readonly<Record<string, string>> = {
  'Cục Sở hữu trí tuệ': 'Intellectual Property Office of Viet Nam',
  'Cục Trồng trọt': 'Department of Crop Production',
  'Cục Chăn nuôi': 'Department of Livestock Production',
  'Cục Quản lý Chất lượng Nông Lâm sản và Thủy sản': 'National Agro-Forestry-Fisheries Quality Assurance Department',
  'Bộ Công Thương': 'Ministry of Industry and Trade',
};

/** A certificate's issuer in the page's language where we know the body's English name. */
export function issuerIn(locale: Locale, issuer: string): LocalizedText {
  return inLocale(locale, issuer, ISSUERS_IN_ENGLISH[issuer.normalize('NFC').trim()] ?? null);
}
