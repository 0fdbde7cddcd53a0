/**
 * One request to several cooperatives, without script: a buyer shortlists
 * two products of two cooperatives, fills in the shortlist's inquiry form
 * (first with a mistake: what was typed stays), sends it, and the list
 * stays with the request's reference; the status page shows the two
 * conversations; the development outbox holds each cooperative's mail and
 * the buyer's one receipt. The page with its errors and after sending passes
 * axe and fits 360 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/server/inquiries/form-token';
import { axeViolations } from '../support/axe';
import { chromiumForTests } from '../support/chromium';
import { horizontalOverflow, PHONE_WIDTH } from '../support/layout';

const baseUrl = inject('baseUrl');
const BUYER = `shortlist-${Date.now()}@example.com`;

async function expectAccessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
  expect(await horizontalOverflow(page), label).toEqual([]);
}

describe('one inquiry from the shortlist to several cooperatives', () => {
  const browser = chromiumForTests();
  let slugs: string[] = [];

  beforeAll(async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/products?limit=50`)).json()) as {
      items: { slug: string; cooperativeSlug: string }[];
    };
    // Two products of two different cooperatives.
    const first = list.items[0];
    const second = list.items.find((item) => item.cooperativeSlug !== first?.cooperativeSlug);
    slugs = [first?.slug ?? '', second?.slug ?? ''];
    expect(slugs.every(Boolean)).toBe(true);
  });

  it('sends one request, keeps the list, and the status page shows both conversations', async () => {
    const context = await browser().newContext({
      javaScriptEnabled: false,
      viewport: { width: PHONE_WIDTH, height: 800 },
    });
    const page = await context.newPage();
    for (const slug of slugs) {
      await page.goto(`${baseUrl}/san-pham/${slug}`);
      await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
      await page.waitForURL(`${baseUrl}/san-pham/${slug}`);
    }

    await page.goto(`${baseUrl}/danh-sach-mua`);
    const form = page.locator('.shortlist__inquiry form');
    await expect(form.getByRole('button').textContent()).resolves.toContain('Gửi tới 2 hợp tác xã');
    await form.locator('#field-name').fill('Trần Văn Mua');
    await form.locator('#field-email').fill(BUYER);
    await form.locator('#field-message').fill('Xin báo giá sỉ cả hai sản phẩm, giao tại Đà Nẵng.');
    // No consent: refused, and what was typed stays.
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await form.getByRole('button').click();
    await page.waitForSelector('#field-consent-error');
    await expect(page.inputValue('#field-name')).resolves.toBe('Trần Văn Mua');
    await expect(page.inputValue('#field-message')).resolves.toBe('Xin báo giá sỉ cả hai sản phẩm, giao tại Đà Nẵng.');
    await expect(page.locator('.product-card').count()).resolves.toBe(2);

    await page.check('#field-consent');
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await page.locator('.shortlist__inquiry form button[type=submit]').click();
    await page.waitForSelector('#inquiry-sent');
    const sent = await page.locator('#inquiry-sent').textContent();
    expect(sent).toContain('2 hợp tác xã');
    const reference = (await page.locator('.shortlist__reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^HTX-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The list stays for the buyer; the form does not come back empty under the receipt, inviting a second send.
    await expect(page.locator('.product-card').count()).resolves.toBe(2);
    await expect(page.locator('.shortlist__inquiry').count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Xem các cuộc trao đổi' }).click();
    await page.fill('#field-contact', BUYER);
    await page.locator('main form button[type=submit]').click();
    await page.waitForSelector('#inquiry-heading');
    await expect(page.locator('article.inquiry-status').count()).resolves.toBe(2);

    // The outbox: one receipt to the buyer naming both conversations, and mail to each cooperative.
    const outbox = await (await fetch(`${baseUrl}/dev/outbox`)).text();
    const articles = outbox.split('<article');
    // The cooperatives' mail carries the buyer's address too, but only the receipt names the request's reference.
    const receipts = articles.filter((article) => article.includes(BUYER) && article.includes(reference));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain(reference);
    // Two private links (the outbox shows each several times: text, HTML, href).
    expect(new Set(receipts[0]?.match(/\/hoi-hang\/trao-doi\/[a-z2-7]{52}/g)).size).toBe(2);
    const threadReferences = [...new Set(receipts[0]?.match(/HTX-[0-9A-Z]{4}-[0-9A-Z]{4}/g))].filter(
      (code) => code !== reference,
    );
    expect(threadReferences).toHaveLength(2);
    for (const code of threadReferences) {
      expect(
        articles.some((article) => !article.includes(reference) && article.includes(code)),
        code,
      ).toBe(true);
    }

    // axe runs its script in the page: a second context with the same list, script on.
    const checking = await browser().newContext({ viewport: { width: PHONE_WIDTH, height: 800 } });
    await checking.addCookies(await context.cookies());
    const checked = await checking.newPage();
    await checked.goto(`${baseUrl}/en/shortlist?sent=${reference}&to=2&mailed=1`);
    await expectAccessible(checked, '/en/shortlist (sent)');
    await checked.getByRole('link', { name: 'Send another request about these products' }).click();
    await checked.waitForSelector('.shortlist__inquiry');
    await checked.waitForTimeout(MIN_FILL_MS + 200);
    await checked.locator('.shortlist__inquiry form button[type=submit]').click();
    await checked.waitForSelector('#field-name-error');
    await expectAccessible(checked, '/en/shortlist (errors)');
    await checking.close();
    await context.close();
  });
});
