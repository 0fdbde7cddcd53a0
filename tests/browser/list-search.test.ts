/**
 * Search and filters without script, as a shopper uses them: the header's
 * search box from the home page leads to the product list and keeps what was
 * typed; a filter is chosen with a checkbox and the list's button; the active
 * filter shows as a chip, and the chip removes it. The cooperative directory's
 * certification filter works the same way.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';

const baseUrl = inject('baseUrl');

describe('header search, filters and chips without script', () => {
  const browser = chromiumForTests();
  let page: Page;

  beforeAll(async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  const headerBox = () => page.locator('.site-header form[role="search"] input[name="q"]');

  it('searches from the header of the home page and keeps the words, escaped, in the box', async () => {
    await page.goto(`${baseUrl}/`);
    await headerBox().fill('mat ong');
    await headerBox().press('Enter');
    await page.waitForURL(`${baseUrl}/san-pham?q=mat+ong`);
    await expect(page.locator('.product-card').count()).resolves.toBeGreaterThan(0);
    await expect(headerBox().inputValue()).resolves.toBe('mat ong');

    const hostile = '<b>"mật"</b> & ong';
    await headerBox().fill(hostile);
    await headerBox().press('Enter');
    await page.waitForURL(/\/san-pham\?q=/);
    await expect(headerBox().inputValue()).resolves.toBe(hostile);
    await expect(page.locator('b', { hasText: 'mật' }).count()).resolves.toBe(0);
  });

  it('applies a checked filter with the list’s button, shows it as a chip, and the chip removes it', async () => {
    await page.goto(`${baseUrl}/san-pham?q=mat+ong`);
    await page.locator('input[name="group"][value="thuc_pham"]').check();
    await page.locator('.list-form__actions button[type="submit"]').click();
    await page.waitForURL(/group=thuc_pham/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('mat ong');
    const chips = page.locator('ul.chips a');
    await expect(chips.count()).resolves.toBe(1);
    await chips.first().click();
    await page.waitForURL(`${baseUrl}/san-pham?q=mat+ong`);
    await expect(page.locator('ul.chips').count()).resolves.toBe(0);
  });

  it('filters the cooperative directory by certification, with its count beside the option', async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/cooperatives?limit=1`)).json()) as {
      facets: { certification: { counts: Record<string, number> } };
    };
    const expected = api.facets.certification.counts.vietgap;
    expect(expected).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/hop-tac-xa`);
    const option = page.locator('input[name="certification"][value="vietgap"]');
    await option.check();
    await page.locator('.list-form__actions button[type="submit"]').click();
    await page.waitForURL(`${baseUrl}/hop-tac-xa?certification=vietgap`);
    await expect(page.locator('ul.chips a').textContent()).resolves.toContain('VietGAP');
    await expect(page.locator('.result-count').textContent()).resolves.toContain(String(expected));
  });
});
