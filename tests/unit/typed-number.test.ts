/**
 * The one number reader (src/server/typed-number.ts) as a table: what people
 * type in Viet Nam, and what the forms and importers must read.
 */
import { describe, expect, it } from 'vitest';
import { optionalCoordinate, optionalNumber } from '../../functions/pages/dashboard/form-values';
import { parseDecimal, parseWholeNumber } from '../../src/server/imports/cells';
import { inquiryFromForm } from '../../src/server/inquiries/input';
import { type NumberReading, readTypedNumber } from '../../src/server/typed-number';

const TABLE: [typed: string, reading: NumberReading, expected: number | null][] = [
  // Vietnamese: a dot before exactly three digits groups thousands, a comma marks decimals.
  ['1.600', 'decimal', 1600],
  ['1.250.000', 'decimal', 1_250_000],
  ['1.250.000', 'whole', 1_250_000],
  ['1.250,5', 'decimal', 1250.5],
  ['65,5', 'decimal', 65.5],
  ['65,5 %', 'decimal', 65.5],
  ['65%', 'decimal', 65],
  ['65 %', 'whole', 65],
  ['1 250 000', 'whole', 1_250_000],
  ['1\u00a0250\u00a0000', 'whole', 1_250_000],
  ['150.000 đ', 'whole', 150_000],
  ['150.000đ', 'whole', 150_000],
  ['85000 VND', 'whole', 85_000],
  ['85000', 'decimal', 85_000],
  // A dot before one, two or four digits can only be decimals.
  ['1.5', 'decimal', 1.5],
  ['1.60', 'decimal', 1.6],
  ['12.5', 'decimal', 12.5],
  ['0.500', 'decimal', 0.5],
  ['1.2345', 'decimal', 1.2345],
  // English grouping, only where it cannot be Vietnamese.
  ['1,250,000', 'decimal', 1_250_000],
  ['1,250.5', 'decimal', 1250.5],
  ['120,000', 'whole', 120_000],
  ['1,250', 'decimal', 1.25],
  ['-3', 'decimal', -3],
  ['-3', 'whole', -3],
  ['  42  ', 'whole', 42],
  // Coordinates are never grouped: three decimals stay decimals.
  ['21.028', 'coordinate', 21.028],
  ['21,0285', 'coordinate', 21.0285],
  ['-105.834', 'coordinate', -105.834],
  ['1.600', 'coordinate', 1.6],
  ['1234.5', 'coordinate', null],
  // Not numbers.
  ['', 'decimal', null],
  ['%', 'decimal', null],
  ['6%5', 'decimal', null],
  ['abc', 'decimal', null],
  ['1.25.000', 'decimal', null],
  ['1,5', 'whole', null],
  ['12.5', 'whole', null],
  ['1e5', 'decimal', null],
  ['1..5', 'decimal', null],
];

describe('readTypedNumber', () => {
  it.each(TABLE)('reads %j as a %s number: %j', (typed, reading, expected) => {
    expect(readTypedNumber(typed, reading)).toBe(expected);
  });
});

describe('every place that reads a number uses the same rules', () => {
  it('form fields: a number, or the text back for the schema to name', () => {
    expect(optionalNumber('1.600')).toBe(1600);
    expect(optionalNumber('65,5')).toBe(65.5);
    expect(optionalNumber('abc')).toBe('abc');
    expect(optionalNumber('  ')).toBeNull();
    expect(optionalCoordinate('21.028')).toBe(21.028);
  });

  it('imported cells: whole numbers are never negative or fractional', () => {
    expect(parseWholeNumber('1.600')).toEqual({ ok: true, value: 1600 });
    expect(parseWholeNumber('-3')).toEqual({ ok: false, code: 'number_invalid' });
    expect(parseWholeNumber('1,5')).toEqual({ ok: false, code: 'number_invalid' });
    expect(parseDecimal('21.028')).toEqual({ ok: true, value: 21.028 });
  });

  it("an inquiry's quantity", () => {
    expect(inquiryFromForm({ quantity: '1.500' }).quantity).toBe(1500);
    expect(inquiryFromForm({ quantity: '2,5' }).quantity).toBe(2.5);
    expect(inquiryFromForm({ quantity: 'nhiều' }).quantity).toBe('nhiều');
  });
});
