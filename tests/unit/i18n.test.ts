import { describe, expect, it } from 'vitest';
import { dictionary, format, formatDate, formatVnd, localeFromPath, negotiateLocale } from '../../src/i18n';
import { vi } from '../../src/i18n/vi';

/** Every leaf of a nested dictionary as [dotted.key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('dictionaries', () => {
  it('English has every Vietnamese key, none empty, none left in Vietnamese by mistake', () => {
    // Identical text is fine for brand names (VietGAP, HACCP); Vietnamese letters in it are not.
    const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
    const viLeaves = new Map(leaves(vi));
    const enLeaves = new Map(leaves(dictionary('en')));
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
    for (const [key, value] of enLeaves) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
    const untranslated = [...enLeaves].filter(
      ([key, value]) => value === viLeaves.get(key) && vietnamese.test(String(value)) && key !== 'site.name',
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps placeholders the same in both languages', () => {
    const placeholders = (text: unknown) =>
      String(text)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    const en = new Map(leaves(dictionary('en')));
    for (const [key, value] of leaves(vi)) expect(placeholders(en.get(key)), key).toEqual(placeholders(value));
  });
});

describe('locale selection', () => {
  it('reads the locale from the path: /en is English, everything else Vietnamese', () => {
    expect(localeFromPath('/en')).toBe('en');
    expect(localeFromPath('/en/products')).toBe('en');
    expect(localeFromPath('/')).toBe('vi');
    expect(localeFromPath('/english-tea')).toBe('vi');
    expect(localeFromPath('/san-pham/en')).toBe('vi');
  });

  it('negotiates the API language from ?lang=, then Accept-Language, else Vietnamese', () => {
    expect(negotiateLocale('en', 'vi')).toBe('en');
    expect(negotiateLocale(undefined, 'fr-FR,en-GB;q=0.8')).toBe('en');
    expect(negotiateLocale('de', 'de-DE')).toBe('vi');
    expect(negotiateLocale(undefined, undefined)).toBe('vi');
    expect(negotiateLocale(undefined, 'EN-us')).toBe('en');
  });
});

describe('formatting', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Tối đa {max} ký tự.', { max: 200 })).toBe('Tối đa 200 ký tự.');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('picks the form a count takes: one for exactly 1, else the other', () => {
    const booths = '{count} {count:booth|booths}';
    expect(format(booths, { count: 1 })).toBe('1 booth');
    expect(format(booths, { count: '1' })).toBe('1 booth');
    expect(format(booths, { count: 0 })).toBe('0 booths');
    expect(format(booths, { count: '1,000' })).toBe('1,000 booths');
    expect(format('{taken} {taken:booth is|booths are} held', { taken: 2 })).toBe('2 booths are held');
    expect(format('{n:a|b}', {})).toBe('{n:a|b}');
  });

  it('says "1 event", never "1 events", in English counts', () => {
    const en = dictionary('en');
    expect(format(en.calendar.event.boothCount, { count: '1' })).toBe('1 booth');
    expect(format(en.lists.products.count, { count: '1' })).toBe('1 product');
    expect(format(en.lists.products.count, { count: '24' })).toBe('24 products');
  });

  it('formats VND the Vietnamese way, without decimals', () => {
    expect(formatVnd(125000, 'vi').replace(/\s/g, ' ')).toBe('125.000 ₫');
    expect(formatVnd(1_250_000, 'en')).toContain('1,250,000');
  });

  it('shows dates in Viet Nam time: 17:30 UTC is already the next day', () => {
    expect(formatDate(new Date('2026-12-31T17:30:00Z'), 'en')).toBe('1 January 2027');
  });
});
