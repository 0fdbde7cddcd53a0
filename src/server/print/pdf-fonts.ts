/**
 * DejaVu Sans and its bold, embedded in a pdf-lib document and subset to the
 * glyphs it uses, so Vietnamese prints on any reader or printer: the label
 * sheets and the department report set their text in them.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { DEJAVU_SANS, DEJAVU_SANS_BOLD } from './fonts/dejavu-sans';

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | null = null;

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedDejaVu(doc: PDFDocument): Promise<PdfFonts> {
  // Decoded once per isolate: the base64 text is about 150 KB.
  fontBytes ??= { regular: fromBase64(DEJAVU_SANS), bold: fromBase64(DEJAVU_SANS_BOLD) };
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(fontBytes.regular, { subset: true }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true }),
  };
}
