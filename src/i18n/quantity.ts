/**
 * A number of a product's units as people write it: "50 kg", "1 piece", "12 pieces", "10 × 500 g boxes"; in
 * Vietnamese "50 kg", "5 hộp 500 g". The unit is the cooperative's own text (src/server/products/product-input.ts),
 * so English plurals are made by rule, and only where the rule is safe: unit symbols ("kg", "ml") and words already
 * plural stay as written.
 */
import { formatNumber, type Locale } from './index';

export interface QuantityParts {
  /** The number, formatted for the page ("1,000" / "1.000"). */
  count: string;
  /** What goes between number and unit: a space, or " × " before a unit that starts with a number ("500 g box"). */
  joiner: string;
  /** The unit, plural where its language needs it. */
  unit: string;
}

/** Symbols of measures, the same for one and many. */
const SYMBOLS = new Set(['g', 'kg', 'mg', 't', 'ml', 'l', 'cl', 'dl', 'm', 'cm', 'mm', 'km', 'm2', 'm²', 'm3', 'm³']);
/** Words whose plural does not follow the rule, or that do not change. */
const IRREGULAR: Readonly<Record<string, string>> = {
  dozen: 'dozen',
  fish: 'fish',
  sheep: 'sheep',
  deer: 'deer',
  person: 'people',
  loaf: 'loaves',
  leaf: 'leaves',
  knife: 'knives',
  shelf: 'shelves',
  half: 'halves',
};

function pluralWord(word: string): string {
  const lower = word.toLowerCase();
  if (SYMBOLS.has(lower) || /\d/.test(word)) return word;
  // An abbreviation in capitals ("PCS") is left as written.
  if (word.length > 1 && word === word.toUpperCase()) return word;
  if (!/^[a-z]+$/i.test(word)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return word[0] === lower[0] ? irregular : irregular[0]!.toUpperCase() + irregular.slice(1);
  // Already plural ("jars", "6 × 70 ml jars"); "glass", "bus" are not.
  if (/[^su]s$/i.test(word)) return word;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * An English unit in the plural: its head noun, the last word before a qualifier ("fruit, 1.2–1.5 kg" → "fruits,
 * 1.2–1.5 kg"; "box of 6 jars" → "boxes of 6 jars"; "10 kg carton" → "10 kg cartons").
 */
export function pluralUnit(unit: string): string {
  const qualifier = /,|\s\(|\s(?:of|for|with)\s/i.exec(unit);
  const head = qualifier ? unit.slice(0, qualifier.index) : unit;
  const rest = qualifier ? unit.slice(qualifier.index) : '';
  const match = /^(.*?)(\S+)(\s*)$/s.exec(head);
  if (!match) return unit;
  return `${match[1]}${pluralWord(match[2]!)}${match[3]}${rest}`;
}

/**
 * `count` of `unit`, for a page in `locale`; `unitLocale` is the language the unit is written in (a Vietnamese unit
 * on an English page when the cooperative gave no English one): only English units take a plural.
 */
export function quantityParts(count: number, unit: string, locale: Locale, unitLocale: Locale = locale): QuantityParts {
  const text = unit.trim();
  return {
    count: formatNumber(count, locale),
    joiner: /^\d/.test(text) ? ' × ' : ' ',
    unit: unitLocale === 'en' && count !== 1 ? pluralUnit(text) : text,
  };
}

/** The same as one string: "50 kg", "10 × 500 g boxes". */
export function formatQuantity(count: number, unit: string, locale: Locale, unitLocale: Locale = locale): string {
  const parts = quantityParts(count, unit, locale, unitLocale);
  return `${parts.count}${parts.joiner}${parts.unit}`;
}
