/**
 * A fair's catalogue as a PDF to print and hand out: on A4 portrait, the
 * catalogue's title, dates and place, then each confirmed exhibitor (its
 * name, province and booths) with its products two to a row, each product
 * in a box with its photo, its name, its OCOP rating, its address written
 * out and the QR code of that address (a Form XObject of filled rectangles,
 * pdf-qr.ts). The same content as the catalogue page
 * (src/components/events/CataloguePage.astro), laid out for paper here
 * rather than by a browser, so what is printed is the same everywhere.
 *
 * A product's box is never split across pages, and an exhibitor's name is
 * never left alone at a page's foot: it goes with its first row, and is
 * written again ("continued") at the top of a page its products run onto.
 * Text is set in DejaVu Sans, subset per document (pdf-fonts.ts). Photos
 * arrive as JPEG or PNG bytes (catalogue-photos.ts makes them from our WebP
 * variants); one that cannot be read is left out, never the product.
 */
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { type Box, mm } from './label-layouts';
import { withEllipsis, wrap } from './label-sheet';
import { cachedMeasure, embedDejaVu, type TextMeasure } from './pdf-fonts';
import { a4Pages, addPage, footPlace, numberPages } from './pdf-pages';
import { drawQrSymbol, qrSymbol } from './pdf-qr';

export interface PrintPhoto {
  bytes: Uint8Array;
  type: 'image/jpeg' | 'image/png';
}

export interface CatalogueProductEntry {
  name: string;
  /** The product's OCOP rating in words ("OCOP 4 sao"); null without one. */
  rating: string | null;
  /** The absolute address the QR code encodes, also written out for people who type it. */
  address: string;
  photo: PrintPhoto | null;
}

export interface CatalogueExhibitorEntry {
  name: string;
  /** Province, booths and booth label, in one line. */
  detail: string;
  products: CatalogueProductEntry[];
}

export interface CataloguePdfRequest {
  /** The catalogue's title, also the document's title. */
  title: string;
  /** When and where, in one line. */
  when: string;
  lead: string;
  exhibitors: CatalogueExhibitorEntry[];
  words: {
    /** For an exhibitor that chose no products. */
    noProducts: string;
    /** After an exhibitor's name written again on the next page. */
    continued: string;
    /** The page number, with {page} and {pages}. */
    page: string;
  };
  /** Written after the lead when some photos were left out (catalogue-photos.ts bounds them); null otherwise. */
  note: string | null;
  /** BCP 47, for the document's language. */
  language: string;
}

/** The print stylesheet's page margins (public/styles/print.css): 14 mm top and bottom, 12 mm at the sides. */
const PAGES = a4Pages('portrait', { x: 12, y: 14 });
const MARGIN = PAGES.margin;
const CONTENT_WIDTH = PAGES.contentWidth;
const COLUMNS = 2;
const COLUMN_GAP = mm(4);
const ROW_GAP = mm(3);
export const ENTRY = {
  width: (CONTENT_WIDTH - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS,
  height: mm(32),
  padding: mm(2.5),
  /** Photos fit in this square, top left. */
  photo: mm(22),
  /**
   * The code's side, quiet zone included: about 0.6 mm a module for our
   * addresses, which phone cameras read from an arm's length.
   */
  qr: mm(25),
} as const;
const LINE = 1.2;
const SIZE = { title: 16, when: 10, lead: 9, exhibitor: 12, detail: 8, name: 9, rating: 7.5, address: 6, foot: 7 };
const NAME_MAX_LINES = 3;
const ADDRESS_MAX_LINES = 4;
const RULE = rgb(0.55, 0.55, 0.55);
const MUTED = rgb(0.25, 0.25, 0.25);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  measureRegular: TextMeasure;
  measureBold: TextMeasure;
}

class CatalogueWriter {
  private page!: PDFPage;
  /** The top of what is still free on the page (PDF's y axis points up). */
  private y = 0;
  /** Photos already embedded: a cooperative often shows one photo on several products, stored once. */
  private readonly embedded = new Map<PrintPhoto, Promise<PDFImage | null>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    ({ page: this.page, top: this.y } = addPage(this.doc, PAGES));
  }

  /** Room above the bottom margin, which also keeps the page number clear. */
  private get room(): number {
    return this.y - MARGIN.y - SIZE.foot * 2;
  }

  /** Lines of wrapped text across the content width, from the cursor down. */
  paragraph(text: string, size: number, bold = false, color = rgb(0, 0, 0)): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const measure = bold ? this.fonts.measureBold : this.fonts.measureRegular;
    for (const line of wrap(text, measure, size, CONTENT_WIDTH)) {
      this.y -= size * LINE;
      this.page.drawText(line, { x: MARGIN.x, y: this.y, size, font, color });
    }
  }

  heading(request: CataloguePdfRequest): void {
    this.paragraph(request.title, SIZE.title, true);
    this.y -= 4;
    this.paragraph(request.when, SIZE.when, true);
    this.y -= 4;
    this.paragraph(request.lead, SIZE.lead);
    if (request.note) {
      this.y -= 2;
      this.paragraph(request.note, SIZE.lead, false, MUTED);
    }
    this.y -= 6;
  }

  private exhibitorHeadingHeight(): number {
    return 10 + SIZE.exhibitor * LINE + 2 + SIZE.detail * LINE + 4;
  }

  private exhibitorHeading(exhibitor: CatalogueExhibitorEntry, continued: string | null): void {
    this.y -= 10;
    const name = continued ? `${exhibitor.name} ${continued}` : exhibitor.name;
    const [line = ''] = clipped(name, this.fonts.measureBold, SIZE.exhibitor, CONTENT_WIDTH, 1);
    this.y -= SIZE.exhibitor * LINE;
    this.page.drawText(line, { x: MARGIN.x, y: this.y, size: SIZE.exhibitor, font: this.fonts.bold });
    this.y -= 2 + SIZE.detail * LINE;
    this.page.drawText(exhibitor.detail, {
      x: MARGIN.x,
      y: this.y,
      size: SIZE.detail,
      font: this.fonts.regular,
      color: MUTED,
    });
    this.y -= 4;
  }

  async exhibitor(exhibitor: CatalogueExhibitorEntry, words: CataloguePdfRequest['words']): Promise<void> {
    const firstRow = exhibitor.products.length === 0 ? SIZE.lead * LINE : ENTRY.height;
    if (this.room < this.exhibitorHeadingHeight() + firstRow) this.newPage();
    this.exhibitorHeading(exhibitor, null);
    if (exhibitor.products.length === 0) {
      this.paragraph(words.noProducts, SIZE.lead);
      return;
    }
    for (let at = 0; at < exhibitor.products.length; at += COLUMNS) {
      if (this.room < ENTRY.height) {
        this.newPage();
        this.exhibitorHeading(exhibitor, words.continued);
      }
      const top = this.y;
      for (let column = 0; column < COLUMNS; column++) {
        const product = exhibitor.products[at + column];
        if (!product) break;
        const x = MARGIN.x + column * (ENTRY.width + COLUMN_GAP);
        await this.entry(product, { x, y: top - ENTRY.height, width: ENTRY.width, height: ENTRY.height });
      }
      this.y = top - ENTRY.height - ROW_GAP;
    }
  }

  /** One product's box: photo, name, rating and address, code. */
  private async entry(product: CatalogueProductEntry, box: Box): Promise<void> {
    const { page } = this;
    page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.5 });
    const inner = ENTRY.padding;
    const qr = qrSymbol(this.doc, product.address);
    const qrBox = {
      x: box.x + box.width - inner - ENTRY.qr,
      y: box.y + (box.height - ENTRY.qr) / 2,
      width: ENTRY.qr,
      height: ENTRY.qr,
    };
    drawQrSymbol(page, page.node.newXObject('QR', qr.ref), qr.modules, qrBox);

    let textX = box.x + inner;
    const image = await this.embedPhoto(product.photo);
    if (image) {
      const scale = Math.min(ENTRY.photo / image.width, ENTRY.photo / image.height);
      const width = image.width * scale;
      const height = image.height * scale;
      page.drawImage(image, { x: textX, y: box.y + box.height - inner - height, width, height });
      textX += ENTRY.photo + mm(2.5);
    }
    // The code's quiet zone is its white margin on the text side.
    const textWidth = qrBox.x - textX;
    let baseline = box.y + box.height - inner;
    const write = (text: string, size: number, font: PDFFont, color = rgb(0, 0, 0)) => {
      baseline -= size * LINE;
      page.drawText(text, { x: textX, y: baseline + size * 0.2, size, font, color });
    };
    for (const line of clipped(product.name, this.fonts.measureBold, SIZE.name, textWidth, NAME_MAX_LINES))
      write(line, SIZE.name, this.fonts.bold);
    if (product.rating) write(product.rating, SIZE.rating, this.fonts.regular);
    baseline -= 2;
    for (const line of clipped(product.address, this.fonts.measureRegular, SIZE.address, textWidth, ADDRESS_MAX_LINES))
      write(line, SIZE.address, this.fonts.regular, MUTED);
  }

  private embedPhoto(photo: PrintPhoto | null): Promise<PDFImage | null> {
    if (!photo) return Promise.resolve(null);
    let image = this.embedded.get(photo);
    if (!image) {
      image = this.readPhoto(photo);
      this.embedded.set(photo, image);
    }
    return image;
  }

  private async readPhoto(photo: PrintPhoto): Promise<PDFImage | null> {
    try {
      return photo.type === 'image/jpeg' ? await this.doc.embedJpg(photo.bytes) : await this.doc.embedPng(photo.bytes);
    } catch {
      // A photo the PDF writer cannot read is decoration lost, not a catalogue refused.
      return null;
    }
  }
}

/** Wrapped lines, at most `max`, the last cut with an ellipsis when the text runs on. */
function clipped(text: string, measure: TextMeasure, size: number, width: number, max: number): string[] {
  const lines = wrap(text, measure, size, width);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = withEllipsis(`${kept[max - 1]!}…`, measure, size, width);
  return kept;
}

export async function cataloguePdf(request: CataloguePdfRequest): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(request.title, { showInWindowTitleBar: true });
  doc.setLanguage(request.language);
  doc.setCreator('Chợ HTX');
  doc.setProducer('Chợ HTX');
  const { regular, bold } = await embedDejaVu(doc);
  const fonts = { regular, bold, measureRegular: cachedMeasure(regular), measureBold: cachedMeasure(bold) };
  // Names typed on some keyboards arrive decomposed (a letter, then its marks); the font's precomposed letters print better.
  const nfc = (text: string) => text.normalize('NFC');
  const writer = new CatalogueWriter(doc, fonts);
  writer.heading({ ...request, title: nfc(request.title), when: nfc(request.when), lead: nfc(request.lead) });
  for (const exhibitor of request.exhibitors) {
    await writer.exhibitor(
      {
        name: nfc(exhibitor.name),
        detail: nfc(exhibitor.detail),
        products: exhibitor.products.map((p) => ({ ...p, name: nfc(p.name), rating: p.rating && nfc(p.rating) })),
      },
      request.words,
    );
  }
  numberPages(doc, {
    font: regular,
    measure: fonts.measureRegular,
    size: SIZE.foot,
    template: request.words.page,
    ...footPlace(PAGES),
    runningTitle: nfc(request.title),
  });
  return doc.save();
}
