/**
 * GS1 AI (10), batch/lot number: 1 to 20 characters of GS1 AI encodable
 * character set 82 (GS1 General Specifications §7.11, figure 7.11-1): digits,
 * Latin letters and `!"%&'()*+,-./:;<=>?_`. Anything else cannot be printed in
 * a GS1 barcode, so it must not be accepted as a lot code either.
 */
export const LOT_CODE_MAX_LENGTH = 20;
export const LOT_CODE_PATTERN = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export function isLotCode(value: string): boolean {
  return LOT_CODE_PATTERN.test(value);
}

/**
 * A lot code as one segment of a path. GS1 Digital Link leaves only RFC 3986's
 * unreserved characters as they are, so `!'()*`, which encodeURIComponent
 * keeps, are percent-encoded too.
 */
export function encodeLotCode(lotCode: string): string {
  return encodeURIComponent(lotCode).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
