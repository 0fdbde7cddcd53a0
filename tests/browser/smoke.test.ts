/**
 * A person's view: Debian's Chromium (driven by playwright-core) opens the
 * home page, sees content, and follows the language switch with the keyboard.
 */

import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';
import { PHONE_WIDTH } from '../support/layout';

const baseUrl = inject('baseUrl');

describe('home page in Chromium', () => {
  const browser = chromiumForTests();

  it('renders the Vietnamese home page with its sections and no console errors', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Sản phẩm OCOP');
    expect(await page.locator('.product-card').count()).toBe(8);
    expect(await page.locator('.event-item').count()).toBeGreaterThan(0);
    // Nothing wider than a phone: no horizontal scrolling at 390 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the header’s first row on one line at 360 px: the name, the account and language links', async () => {
    const context = await browser().newContext({ viewport: { width: PHONE_WIDTH, height: 640 } });
    const page = await context.newPage();
    for (const path of ['/', '/en/']) {
      await page.goto(`${baseUrl}${path}`);
      const [name, account, language] = await Promise.all(
        ['.brand__name', '.account-link', '.lang-switch'].map((selector) => page.locator(selector).boundingBox()),
      );
      // One line of the name ("Chợ HTX", not "Chợ" over "HTX"), and the links beside it rather than below.
      expect(name!.height, path).toBeLessThan(40);
      expect(account!.y, path).toBeLessThan(name!.y + name!.height);
      expect(language!.y, path).toBeLessThan(name!.y + name!.height);
    }
    await context.close();
  });

  it('reaches the language switch by keyboard and lands on the English home page', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    // First Tab reaches the skip link, which must become visible.
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.locator('.lang-switch').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toContain('OCOP products');
    await context.close();
  });
});
