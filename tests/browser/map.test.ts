/**
 * The map of cooperatives on a phone and a desktop: a national list shows the
 * whole country, both archipelagos and their names inside the map (they were
 * cut off at a phone's edge); a province's list zooms in on it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';
import { PHONE_WIDTH } from '../support/layout';

const baseUrl = inject('baseUrl');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** The map's box, the country's outline's and the archipelagos' names', once drawn. */
async function drawn(page: Page, path: string) {
  await page.goto(`${baseUrl}${path}`);
  const map = page.locator('.leaflet-container');
  await map.scrollIntoViewIfNeeded();
  await page.locator('.map-outline__label').nth(1).waitFor();
  // Leaflet's fitBounds settles within a frame or two.
  await page.waitForTimeout(300);
  const labels = await page.locator('.map-outline__label').evaluateAll((nodes) =>
    nodes.map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { text: node.textContent ?? '', box: { x, y, width, height } };
    }),
  );
  const outline = await page.locator('path.map-outline').first().boundingBox();
  return { map: (await map.boundingBox())!, outline: outline!, labels };
}

describe('the map of cooperatives', () => {
  const browser = chromiumForTests();

  it.each([
    [PHONE_WIDTH, '/ban-do', ['Hoàng\u00a0Sa', 'Trường\u00a0Sa']],
    [1280, '/en/map', ['Hoang\u00a0Sa', 'Truong\u00a0Sa']],
  ])('at %i px, %s shows the whole country and both archipelagos named', async (width, path, names) => {
    const context = await browser().newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const { map, outline, labels } = await drawn(page, path);
    expect(inside(outline, map), 'the outline of the country').toBe(true);
    expect(labels).toHaveLength(2);
    for (const [i, label] of labels.entries()) {
      expect(label.text).toContain(names[i]);
      expect(inside(label.box, map), label.text).toBe(true);
    }
    await context.close();
  });

  it("zooms in on a province's cooperatives", async () => {
    const context = await browser().newContext({ viewport: { width: PHONE_WIDTH, height: 800 } });
    const page = await context.newPage();
    const { map, outline } = await drawn(page, '/ban-do?province=lam-dong');
    // The country is larger than the map: its cooperatives fill the view, not the whole outline.
    expect(outline.height).toBeGreaterThan(map.height);
    await context.close();
  });
});
