import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';

const baseUrl = inject('baseUrl');
const seeded = inject('seeded');

async function page(path: string) {
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, html: await res.text() };
}

/** The figure of a key-figure card, by the start of its label. */
function keyFigure(html: string, label: string): string | undefined {
  const card = [...html.matchAll(/<div class="stat"[^>]*>([\s\S]*?)<\/div>/g)]
    .map((m) => textOf(m[1] as string).trim())
    .find((t) => t.startsWith(label));
  return card?.slice(card.lastIndexOf(' ') + 1);
}

describe('the statistics page', () => {
  it('counts the whole country as the home page does, and offers the open data', async () => {
    const { status, html } = await page('/thong-ke');
    expect(status).toBe(200);
    // Other files of this project approve products and import cooperatives into the same database while
    // this one runs: the figures may have grown a little since the seed was counted, never shrunk.
    const grownFromSeed = (figure: string | undefined, seededCount: number) => {
      expect(Number(figure)).toBeGreaterThanOrEqual(seededCount);
      expect(Number(figure)).toBeLessThanOrEqual(seededCount + 20);
    };
    grownFromSeed(keyFigure(html, 'hợp tác xã, tổ hợp tác đang hoạt động'), seeded.summary.cooperatives);
    grownFromSeed(keyFigure(html, 'sản phẩm đang đăng bán'), seeded.summary.products);
    expect(html).toContain('href="/api/v1/open-data/products.csv"');
    expect(html).toContain('<figcaption');
    // Charts are tables: every bar has its figure as text in the same row.
    expect(html).toMatch(/<th scope="row" class="chart__label"[^>]*>Hội chợ<\/th>/);
  });

  it('narrows to a province, in English, with the province in the download links', async () => {
    const { status, html } = await page('/en/statistics?province=ha-noi&year=2025');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Key figures: Hanoi, 2025');
    expect(html).toContain('href="/api/v1/open-data/cooperatives.json?province=ha-noi"');
    expect(html).not.toContain('By province or city');
  });

  it('ignores values it does not know and says so', async () => {
    const { status, html } = await page('/thong-ke?province=atlantis&year=1999');
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Đã bỏ qua giá trị lọc không hợp lệ: năm và tỉnh, thành phố.');
    expect(textOf(html)).toContain('Cả nước');
  });
});
