import { describe, expect, it } from 'vitest';
import { excerpt, inLocale, paragraphs } from '../../src/components/details/localized';
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
