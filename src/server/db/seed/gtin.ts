/**
 * GS1 mod-10 check digit. Weights alternate 3,1,… starting from the rightmost
 * data digit, which is why left-padding a GTIN-13 to 14 digits keeps its check digit.
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new Error(`not a digit string: ${digitsWithoutCheck}`);
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-13 body (12 digits) completed with its check digit and stored as 14 digits. */
export function gtin14FromBody(body12: string): string {
  if (body12.length !== 12) throw new Error(`GTIN-13 body must have 12 digits: ${body12}`);
  return `0${body12}${gtinCheckDigit(body12)}`;
}
