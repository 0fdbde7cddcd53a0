/**
 * A console download as a response: the file's type, an attachment named
 * in ASCII (every browser keeps it), never cached (it holds what only
 * officers may read) and never sniffed as something else.
 */
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../../src/server/reports/table-files';
import { PDF_CONTENT_TYPE } from '../../../src/server/reports/report-pdf';

const CONTENT_TYPES = { csv: CSV_CONTENT_TYPE, xlsx: XLSX_CONTENT_TYPE, pdf: PDF_CONTENT_TYPE } as const;
export type DownloadKind = keyof typeof CONTENT_TYPES;

/** `name` without its extension, already ASCII (a slug and dates). */
export function download(body: string | Uint8Array, kind: DownloadKind, name: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': CONTENT_TYPES[kind],
      'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '-')}.${kind}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
