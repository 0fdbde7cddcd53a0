/**
 * How the number of each kind of certificate is written, so that a number
 * typed in the wrong field or invented at random is refused where it is
 * entered (issue #17: "a certificate number of the wrong shape for its kind").
 *
 * Three kinds have one national or global shape:
 * - a GLOBALG.A.P. Number (GGN) is 13 digits, often written "GGN 40…";
 * - a geographical indication's certificate of registration from the IP
 *   Office of Viet Nam carries a serial number ("số 00051"), up to 6 digits;
 * - a collective trademark's certificate of registration is numbered
 *   4-NNNNNNN-000 (4 for trademarks, the serial, the issue).
 * VietGAP, organic, HACCP and ISO 22000 certificates are numbered by each
 * certification body as it likes ("VietGAP-TT-15-01-26-0001", "HACCP
 * 1234/2026"): for those, only no markup, quotes or control characters
 * (some bodies number with letters alone, so no digit is asked for).
 */
import type { CertificationKind } from './vocabulary';

/** Anything a certification body might print as a number: no markup, quotes, braces or control characters. */
const BODY_NUMBERED = /^[^<>{}[\]"`\\\p{Cc}]+$/u;

export const CERTIFICATE_NUMBER_SHAPES: Record<CertificationKind, RegExp> = {
  vietgap: BODY_NUMBERED,
  globalgap: /^(GGN[ :]*)?\d{13}$/i,
  organic: BODY_NUMBERED,
  haccp: BODY_NUMBERED,
  iso22000: BODY_NUMBERED,
  geographic_indication: /^(số |no\. ?)?\d{1,6}$/iu,
  collective_trademark: /^4-\d{7}-\d{3}$/,
};

/** An example of each, for the message that refuses a number of the wrong shape. */
export const CERTIFICATE_NUMBER_EXAMPLES: Record<CertificationKind, string> = {
  vietgap: 'VietGAP-TT-15-01-26-0001',
  globalgap: 'GGN 4052852000001',
  organic: 'TCVN 11041-2:2017/0123/2026',
  haccp: 'HACCP 1234/2026',
  iso22000: 'ISO 22000:2018 – VN01234',
  geographic_indication: '00051',
  collective_trademark: '4-0123456-000',
};

export const isCertificateNumberOfKind = (kind: CertificationKind, number: string): boolean =>
  CERTIFICATE_NUMBER_SHAPES[kind].test(number.trim());
