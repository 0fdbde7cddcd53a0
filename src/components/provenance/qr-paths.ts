/**
 * Where the API serves a label's QR code (functions/api/qr.ts). Pages link to
 * these images; they never fetch them. A test holds them to the API's routes.
 */
export type QrFormat = 'svg' | 'png';

export function qrImagePath(slug: string, lotCode: string | undefined, format: QrFormat, download = false): string {
  const product = `/api/v1/products/${encodeURIComponent(slug)}`;
  const path =
    lotCode === undefined
      ? `${product}/qr.${format}`
      : `${product}/batches/${encodeURIComponent(lotCode)}/qr.${format}`;
  return download ? `${path}?download=1` : path;
}
