/**
 * A buyer without script: adds two products to the shortlist from their
 * pages (a form post answered 303 back), sees the count in the header, opens
 * the list, compares, removes one. Then the shortlist and the comparison
 * pass axe and do not scroll sideways on a 360 px phone.
 */

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { chromiumForTests } from '../support/chromium';
import { horizontalOverflow, PHONE_WIDTH } from '../support/layout';

const baseUrl = inject('baseUrl');

describe('shortlist and comparison without script', () => {
  const browser = chromiumForTests();
  let slugs: string[] = [];

  beforeAll(async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/products?exportReady=true&limit=2`)).json()) as {
      items: { slug: string }[];
    };
    slugs = list.items.map((item) => item.slug);
    expect(slugs).toHaveLength(2);
  });

  it('adds, lists, compares and removes with forms alone, and the pages pass axe at 360 px', async () => {
    const context = await browser().newContext({
      javaScriptEnabled: false,
      viewport: { width: PHONE_WIDTH, height: 800 },
    });
    const page = await context.newPage();
    for (const [i, slug] of slugs.entries()) {
      await page.goto(`${baseUrl}/san-pham/${slug}`);
      await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
      await page.waitForURL(`${baseUrl}/san-pham/${slug}`);
      await expect(page.getByRole('link', { name: 'Đã có trong danh sách' }).count()).resolves.toBe(1);
      await expect(page.locator('.site-header .unread-badge').textContent()).resolves.toBe(String(i + 1));
    }
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'shortlist', value: slugs.join('.'), httpOnly: true, sameSite: 'Lax' });

    await page.goto(`${baseUrl}/danh-sach-mua`);
    await expect(page.locator('.product-card').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'So sánh các sản phẩm đã chọn' }).click();
    await page.waitForURL(/\/so-sanh\?p=/);
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('tbody').textContent()).resolves.toMatch(/từ [\d.]+: [\d.]+/);

    await page.goto(`${baseUrl}/danh-sach-mua`);
    await page.locator('.shortlist__items form button').first().click();
    await page.waitForURL(`${baseUrl}/danh-sach-mua`);
    await expect(page.locator('.product-card').count()).resolves.toBe(1);
    await expect(page.locator('.site-header .unread-badge').textContent()).resolves.toBe('1');

    // axe runs its script in the page: a second context with the same list, script on.
    const checking = await browser().newContext();
    await checking.addCookies(await context.cookies());
    const checked = await checking.newPage();
    for (const path of ['/en/shortlist', `/en/compare?p=${slugs.join('&p=')}`]) {
      await checked.goto(`${baseUrl}${path}`);
      expect(await axeViolations(checked), path).toEqual([]);
      expect(await horizontalOverflow(checked), path).toEqual([]);
    }
    await checking.close();
    await context.close();
  });
});
