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

export type TextMeasure = Pick<PDFFont, 'widthOfTextAtSize'>;

/**
 * The font's text widths from a per-letter cache. pdf-lib lays out the whole
 * string through fontkit on every call, which costs milliseconds; a table of
 * thousands of cells, each wrapped by trying widths, would take seconds. The
 * fonts are subset without kerning or ligatures (scripts/subset-label-fonts.sh),
 * so a text's width is the sum of its letters'.
 */
export function cachedMeasure(font: PDFFont): TextMeasure {
  const unit = new Map<string, number>();
  return {
    widthOfTextAtSize(text: string, size: number): number {
      let total = 0;
      for (const letter of text) {
        let width = unit.get(letter);
        if (width === undefined) {
          width = font.widthOfTextAtSize(letter, 1);
          unit.set(letter, width);
        }
        total += width;
      }
      return total * size;
    },
  };
}
