import type { Dictionary } from '../dictionary';

export const printEn: Dictionary['print'] = {
  labels: {
    title: 'Print labels: {product}',
    lead: 'An A4 PDF to print on pre-cut label sheets. Each label has the product name, lot code, best-before date, a QR code leading to the trace page and the short trace code.',
    link: 'Print labels',
    linkFor: 'Print labels for lot {lot}',
    label: 'Labels for',
    productLabel: 'The product (no lot)',
    batchLabel: 'Lot {lot}',
    labelHint: 'A lot’s labels carry its lot code and best-before date; the QR code leads to the lot’s journey.',
    layout: 'Label sheet',
    layoutHint: 'Choose the sheets you have: each is printed to its size in millimetres.',
    layoutOption: '{count} labels a sheet, {width} × {height} mm',
    sheets: 'Sheets',
    sheetsHint: 'From 1 to {max} sheets a download.',
    download: 'Download the PDF',
    printTip:
      'When printing, choose A4 paper at 100 % (“Actual size”), not “Fit to page”, so the labels meet the cut lines.',
    notPublished: 'This product is not published yet: its QR code leads to its page only once it is approved.',
    fileTitle: 'Labels: {product}',
    fileTitleLot: 'Labels: {product} – lot {lot}',
  },
  catalogue: {
    title: 'Exhibitor catalogue: {event}',
    link: 'Printable exhibitor catalogue',
    lead: 'The cooperatives confirmed to take part, their booths and their products. Scan the QR code beside a product to open its page and send an inquiry.',
    printTip: 'Use your browser’s Print command (Ctrl+P) to print it or save it as a PDF.',
    backToEvent: 'Back to the event',
    qrAlt: 'QR code to the page of {product}',
    noProducts: 'The cooperative has not chosen products to show.',
    rating: 'OCOP {stars} stars',
    continued: '(continued)',
    page: 'Page {page} of {pages}',
    pdfLink: 'Download the catalogue to print (PDF, A4)',
    photosLeftOut:
      'This file prints the photos of the first {max} products; the others have their name, OCOP rating and QR code.',
    nothingToPrint:
      'No cooperative has been confirmed yet, so there is no catalogue to print. The PDF will be available once the first booth is confirmed.',
  },
  onLabel: {
    lot: 'Lot',
    bestBefore: 'Best before',
    traceCode: 'Trace code',
  },
};
