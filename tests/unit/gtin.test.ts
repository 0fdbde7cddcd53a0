import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, parseGtin } from '../../src/server/provenance/gtin';

describe('GTIN check digits and parsing', () => {
  it.each([
    // Known-good numbers of every length.
    ['96385074', '00000096385074'], // GTIN-8, GS1's own example
    ['036000291452', '00036000291452'], // GTIN-12 (UPC-A)
    ['4006381333931', '04006381333931'], // GTIN-13
    ['10614141000415', '10614141000415'], // GTIN-14, GS1 US example
    ['400 638 1333931', '04006381333931'], // as printed, with spaces
  ])('%s is valid and normalises to %s', (input, gtin14) => {
    expect(parseGtin(input)).toEqual({ ok: true, gtin14 });
  });

  it.each([
    ['96385075', 'check_digit'],
    ['036000291453', 'check_digit'],
    ['4006381333932', 'check_digit'],
    ['10614141000416', 'check_digit'],
    ['4006381', 'length'],
    ['40063813339310', 'check_digit'],
    ['400638133393', 'check_digit'],
    ['123456789012345', 'length'],
    ['', 'not_digits'],
    ['40063813339a1', 'not_digits'],
    ['٤٠٠٦٣٨١٣٣٣٩٣١', 'not_digits'],
  ])('%s is refused: %s', (input, problem) => {
    expect(parseGtin(input)).toEqual({ ok: false, problem });
  });

  it('catches every single-digit error in a valid GTIN-13', () => {
    const valid = '8934588012346'.slice(0, 12);
    const gtin = valid + gtinCheckDigit(valid);
    for (let position = 0; position < gtin.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === gtin[position]) continue;
        const typo = gtin.slice(0, position) + digit + gtin.slice(position + 1);
        expect(parseGtin(typo).ok, typo).toBe(false);
      }
    }
  });
});
