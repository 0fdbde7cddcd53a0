/**
 * The language-neutral addresses printed on packages (in QR codes). They are
 * resolvers: each answers with a 307 to the page in the scanner's language.
 * - with a GTIN: the GS1 Digital Link forms /01/{gtin} and /01/{gtin}/10/{lot}
 *   (GTIN as stored, 14 digits, which GS1 Digital Link names as canonical);
 * - without one: the portal's short code, /truy-xuat/{code} and /truy-xuat/{code}/{lot}.
 */
import { encodeLotCode } from './lot-code';

export interface LabelledProduct {
  gtin: string | null;
  traceCode: string;
}

export function productLabelPath(product: LabelledProduct): string {
  return product.gtin ? `/01/${product.gtin}` : `/truy-xuat/${product.traceCode}`;
}

export function batchLabelPath(product: LabelledProduct, lotCode: string): string {
  return `${productLabelPath(product)}/${product.gtin ? '10/' : ''}${encodeLotCode(lotCode)}`;
}
