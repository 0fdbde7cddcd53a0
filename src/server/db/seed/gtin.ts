import { gtinCheckDigit } from '../../provenance/gtin';

export { gtinCheckDigit };

/** A GTIN-13 body (12 digits) completed with its check digit and stored as 14 digits. */
export function gtin14FromBody(body12: string): string {
  if (body12.length !== 12) throw new Error(`GTIN-13 body must have 12 digits: ${body12}`);
  return `0${body12}${gtinCheckDigit(body12)}`;
}
