/** Evidence files and multipart bodies for tests of claims (OCOP ratings, certificates). */

/** A one-page PDF; `extra` goes in as another object (what a hostile file adds). */
export function pdf(extra = ''): Uint8Array {
  return new TextEncoder().encode(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
      extra,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  );
}

/** A claim's fields as a multipart form, with its evidence file (sent as application/pdf whatever it holds). */
export function multipart(values: Record<string, string>, evidence?: { bytes: Uint8Array | string; name: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  if (evidence)
    form.set('evidence', new File([evidence.bytes as BlobPart], evidence.name, { type: 'application/pdf' }));
  return form;
}
