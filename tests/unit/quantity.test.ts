/**
 * A quantity of a product's unit reads as people write it (src/i18n/quantity.ts): "50 kg", not "50 × kg"; "1
 * piece", "12 pieces"; a number before a unit that starts with one, "10 × 500 g boxes".
 */
import { describe, expect, it } from 'vitest';
import { formatQuantity, pluralUnit } from '../../src/i18n/quantity';

describe('quantities of a product’s unit', () => {
  it.each([
    [1, 'piece', '1 piece'],
    [12, 'piece', '12 pieces'],
    [50, 'kg', '50 kg'],
    [1, 'kg', '1 kg'],
    [2000, 'kg', '2,000 kg'],
    [10, '500 g box', '10 × 500 g boxes'],
    [1, '500 g box', '1 × 500 g box'],
    [5, '10 kg carton', '5 × 10 kg cartons'],
    [2, '6 × 70 ml jars', '2 × 6 × 70 ml jars'],
    [10, 'fruit, 1.2–1.5 kg', '10 fruits, 1.2–1.5 kg'],
    [2, 'guest', '2 guests'],
    [3, 'bunch', '3 bunches'],
    [4, 'gift box of 6 jars', '4 gift boxes of 6 jars'],
    [2, 'PCS', '2 PCS'],
    [100, 'litre', '100 litres'],
    [6, 'loaf', '6 loaves'],
  ])('English: %i × “%s” reads “%s”', (count, unit, expected) => {
    expect(formatQuantity(count, unit, 'en')).toBe(expected);
  });

  it.each([
    [1, 'chiếc', '1 chiếc'],
    [50, 'kg', '50 kg'],
    [5, 'hộp 500 g', '5 hộp 500 g'],
    [2000, 'kg', '2.000 kg'],
    [3, '500 g', '3 × 500 g'],
  ])('Vietnamese: %i × “%s” reads “%s” (nouns do not inflect)', (count, unit, expected) => {
    expect(formatQuantity(count, unit, 'vi')).toBe(expected);
  });

  it('leaves a Vietnamese unit on an English page as written', () => {
    expect(formatQuantity(12, 'chiếc', 'en', 'vi')).toBe('12 chiếc');
  });

  it('keeps words already plural, unit symbols and words ending in -ss', () => {
    expect(pluralUnit('jars')).toBe('jars');
    expect(pluralUnit('ml')).toBe('ml');
    expect(pluralUnit('glass')).toBe('glasses');
    expect(pluralUnit('tray')).toBe('trays');
    expect(pluralUnit('pastry')).toBe('pastries');
  });
});
