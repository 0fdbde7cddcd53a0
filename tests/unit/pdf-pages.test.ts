/** The shared page setup of the report and catalogue PDFs: A4 either way up, margins from millimetres. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { a4Pages, addPage, footPlace } from '../../src/server/print/pdf-pages';

describe('a4Pages', () => {
  it('sets an A4 page portrait or landscape, with its margins and content width in points', () => {
    const portrait = a4Pages('portrait', { x: 12, y: 14 });
    expect(portrait.width).toBeCloseTo(595.28, 2);
    expect(portrait.height).toBeCloseTo(841.89, 2);
    expect(portrait.margin.x).toBeCloseTo(34.02, 2);
    expect(portrait.margin.y).toBeCloseTo(39.69, 2);
    expect(portrait.contentWidth).toBeCloseTo(595.28 - 2 * 34.02, 1);
    const landscape = a4Pages('landscape', { x: 15, y: 15 });
    expect(landscape.width).toBeCloseTo(841.89, 2);
    expect(landscape.height).toBeCloseTo(595.28, 2);
    expect(landscape.margin).toEqual({ x: landscape.margin.y, y: landscape.margin.y });
    expect(landscape.margin.x).toBeCloseTo(42.52, 2);
  });

  it('adds pages of that size, starting at the top margin, with the foot half way down the bottom one', async () => {
    const doc = await PDFDocument.create();
    const setup = a4Pages('landscape', { x: 15, y: 20 });
    const { page, top } = addPage(doc, setup);
    expect(doc.getPageCount()).toBe(1);
    expect(page.getWidth()).toBeCloseTo(setup.width, 3);
    expect(page.getHeight()).toBeCloseTo(setup.height, 3);
    expect(top).toBeCloseTo(setup.height - setup.margin.y, 6);
    expect(footPlace(setup)).toEqual({ margin: setup.margin.x, baseline: setup.margin.y / 2 });
  });
});
