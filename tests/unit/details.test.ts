import { describe, expect, it } from 'vitest';
import { batchUnitIn, excerpt, inLocale, issuerIn, paragraphs } from '../../src/components/details/localized';
import { formatCalendarDate, formatList } from '../../src/i18n';

describe('calendar dates on detail pages', () => {
  it('show the stored day itself, whatever the time zone of the server', () => {
    expect(formatCalendarDate('2026-08-15', 'en')).toBe('15 August 2026');
    expect(formatCalendarDate('2027-01-01', 'en')).toBe('1 January 2027');
    expect(formatCalendarDate('2026-12-31', 'vi')).toContain('31');
  });

  it('join names the way each language does', () => {
    expect(formatList(['Bình Dương', 'Bà Rịa – Vũng Tàu'], 'vi')).toBe('Bình Dương và Bà Rịa – Vũng Tàu');
    expect(formatList(['Đắk Nông', 'Bình Thuận'], 'en')).toBe('Đắk Nông and Bình Thuận');
  });
});

describe('text in the page language', () => {
  it('falls back to Vietnamese on English pages and marks it as Vietnamese', () => {
    expect(inLocale('en', 'Chè', 'Tea')).toEqual({ text: 'Tea', lang: undefined });
    expect(inLocale('en', 'Chè', '')).toEqual({ text: 'Chè', lang: 'vi' });
    expect(inLocale('vi', 'Chè', 'Tea')).toEqual({ text: 'Chè', lang: undefined });
  });

  it('splits descriptions into paragraphs and cuts meta descriptions at a word', () => {
    expect(paragraphs('Một.\n\nHai.\n  \nBa.')).toEqual(['Một.', 'Hai.', 'Ba.']);
    const cut = excerpt('lorem ipsum '.repeat(30), 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/ …$/);
    expect(excerpt('Ngắn thôi.')).toBe('Ngắn thôi.');
  });
});

describe('Vietnamese-only data on English pages', () => {
  const bottle = { unitVi: 'chai 500 ml', unitEn: 'bottle (500 ml)' };

  it('names a batch’s unit in English where we know it, and marks the rest as Vietnamese', () => {
    expect(batchUnitIn('en', 'chai 500 ml', bottle)).toEqual({ text: 'bottle (500 ml)', lang: undefined });
    expect(batchUnitIn('en', 'chai', bottle)).toEqual({ text: 'bottles', lang: undefined });
    expect(batchUnitIn('en', 'Chậu')).toEqual({ text: 'pots', lang: undefined });
    // A product priced "per pot" still counts its batch in pots: "420 pots", not "420 pot".
    expect(batchUnitIn('en', 'chậu', { unitVi: 'chậu', unitEn: 'pot' })).toEqual({ text: 'pots', lang: undefined });
    expect(batchUnitIn('en', 'bao tải')).toEqual({ text: 'bao tải', lang: 'vi' });
    expect(batchUnitIn('vi', 'chai', bottle)).toEqual({ text: 'chai', lang: undefined });
  });

  it('names public issuers by their official English names, and keeps other issuers’ own names', () => {
    expect(issuerIn('en', 'Cục Sở hữu trí tuệ')).toEqual({
      text: 'Intellectual Property Office of Viet Nam',
      lang: undefined,
    });
    expect(issuerIn('en', 'Công ty TNHH Chứng nhận Quốc tế Á Châu')).toEqual({
      text: 'Công ty TNHH Chứng nhận Quốc tế Á Châu',
      lang: 'vi',
    });
    expect(issuerIn('vi', 'Cục Sở hữu trí tuệ')).toEqual({ text: 'Cục Sở hữu trí tuệ', lang: undefined });
  });
});
