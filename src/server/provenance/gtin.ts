/**
 * GTINs (GS1 Global Trade Item Numbers): GTIN-8, -12, -13 and -14, each
 * ending in a mod-10 check digit. Stored and compared as 14 digits,
 * left-padded with zeros, which keeps every check digit valid (the weights
 * count from the right).
 */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** GS1 mod-10 check digit of the digits before it: weights 3, 1, 3, … from the right. */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new Error(`not a digit string: ${digitsWithoutCheck}`);
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    sum += Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinProblem = 'not_digits' | 'length' | 'check_digit';

export type ParsedGtin = { ok: true; gtin14: string } | { ok: false; problem: GtinProblem };

/** Validates a GTIN as typed or scanned (spaces and dashes allowed) and normalises it to 14 digits. */
export function parseGtin(input: string): ParsedGtin {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'not_digits' };
  if (!(GTIN_LENGTHS as readonly number[]).includes(digits.length)) return { ok: false, problem: 'length' };
  if (gtinCheckDigit(digits.slice(0, -1)) !== Number(digits.at(-1))) return { ok: false, problem: 'check_digit' };
  return { ok: true, gtin14: digits.padStart(14, '0') };
}
