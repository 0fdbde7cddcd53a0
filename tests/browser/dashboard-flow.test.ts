/**
 * The whole way of a product in Chromium: a cooperative member signs in,
 * creates a product with a photo through the form, submits it; a trade
 * officer approves it in the moderation queue; it appears in the public
 * catalogue, photo included. On the way, the form warns before leaving with
 * unsaved changes (its one small script).
 */
import type { Dialog, Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests, signedInPage } from '../support/chromium';
import { jpegWithGps } from '../support/images';

const baseUrl = inject('baseUrl');

/** Waits until the picture has arrived and decoded: a variant is made on its first request, later under load. */
async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

describe('a product from draft to the public catalogue', () => {
  const browser = chromiumForTests();

  /** Console errors and page errors of every page, CSP violations included; none is expected. */
  const errors: string[] = [];

  it('member creates and submits, officer approves, the catalogue shows it', async () => {
    const name = `Mắm tôm chua thử nghiệm ${Date.now() % 100000}`;
    // A cooperative member (this one also manages it; the demo's plain members have their passwords changed by other tests).
    const member = await signedInPage(browser(), baseUrl, 'quanly1@cho-htx.test', errors);
    // The account menu is a closed disclosure on every page, the account home too: open it first.
    await member.click('.account-nav summary');
    await member.click('.account-nav a[href="/tai-khoan/san-pham"]');
    await Promise.all([
      member.waitForURL(`${baseUrl}/tai-khoan/san-pham/moi`),
      member.click('main a[href="/tai-khoan/san-pham/moi"]'),
    ]);

    // Typing makes the form "dirty": leaving asks first.
    await member.click('#field-nameVi');
    await member.keyboard.type(name);
    const asked = new Promise<Dialog>((resolve, reject) => {
      member.once('dialog', resolve);
      setTimeout(() => reject(new Error('no beforeunload dialog')), 5000);
    });
    const leaving = member.click('.dashboard__back a');
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await leaving;
    expect(member.url()).toBe(`${baseUrl}/tai-khoan/san-pham/moi`);

    await member.fill('#field-nameEn', 'Test sour shrimp paste');
    await member.fill('#field-descriptionVi', 'Mắm tôm chua làm theo cách truyền thống.');
    await member.selectOption('#field-ocopGroup', 'thuc_pham');
    await member.selectOption('#field-provinceCode', '01');
    await member.fill('#field-priceVnd', '85.000');
    await member.fill('#field-unitVi', 'hũ 300 g');
    await member.fill('#field-unitEn', '300 g jar');
    await member.fill('#field-minOrder', '12');
    await member.setInputFiles('#field-newImages', {
      name: 'mam-tom.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpegWithGps(1200, 900),
    });
    // Saving is not leaving: no dialog on submit.
    await Promise.all([
      member.waitForURL(/\/tai-khoan\/san-pham\/[a-z0-9-]+\?done=created$/),
      member.click('button[type=submit]:has-text("Tạo bản nháp")'),
    ]);
    const slug = new URL(member.url()).pathname.split('/').pop() as string;
    // The photo is there, described by the member before submitting.
    const photoId = /\/media\/([a-z2-7]{32})\//.exec(
      (await member.getAttribute('.photo-row__thumb', 'src')) ?? '',
    )?.[1];
    expect(photoId).toBeTruthy();
    await member.fill(`#photo-${photoId}-altVi`, 'Hũ mắm tôm chua 300 g');
    await Promise.all([member.waitForURL(/done=saved$/), member.click('button[type=submit]:has-text("Lưu bản nháp")')]);
    await Promise.all([member.waitForURL(/done=submitted/), member.click('button:has-text("Gửi duyệt")')]);
    expect(await member.textContent('main')).toContain('Chờ duyệt');

    const officer = await signedInPage(browser(), baseUrl, 'canbo@cho-htx.test', errors);
    await officer.click('.account-nav summary');
    await officer.click('.account-nav a[href="/tai-khoan/kiem-duyet"]');
    await Promise.all([
      officer.waitForURL(/\/tai-khoan\/kiem-duyet\/[a-z0-9]+$/),
      officer.click(`a:has-text("${name}")`),
    ]);
    expect(await officer.textContent('main')).toMatch(/85\.000\s*₫/);
    // The officer sees the photo the product would go public with, and it loads.
    const reviewPhoto = officer.locator('.review-photos img').first();
    expect(await reviewPhoto.getAttribute('src')).toBe(`/media/${photoId}/640.webp`);
    await expectLoaded(reviewPhoto);
    await Promise.all([officer.waitForURL(/done=approved/), officer.click('button:has-text("Duyệt và công khai")')]);
    expect(await officer.textContent('[role=status]')).toContain(name);

    const visitor = await browser().newPage();
    await visitor.goto(`${baseUrl}/san-pham?q=${encodeURIComponent(name)}`);
    // The card shows the photo's card-sized variant, loaded.
    const card = visitor.locator('article.product-card', { hasText: name }).locator('img.product-card__image');
    await expectLoaded(card);
    expect(await card.getAttribute('src')).toBe(`/media/${photoId}/640.webp`);
    await Promise.all([visitor.waitForURL(`${baseUrl}/san-pham/${slug}`), visitor.click(`a:has-text("${name}")`)]);
    expect(await visitor.textContent('h1')).toContain(name);
    const photo = visitor.locator('.gallery img').first();
    expect(await photo.getAttribute('alt')).toBe('Hũ mắm tôm chua 300 g');
    await expectLoaded(photo);
    await visitor.close();

    // The demo catalogue is shared with the other tests: take the product down again.
    await member.goto(`${baseUrl}/tai-khoan/san-pham/${slug}`);
    await Promise.all([member.waitForURL(/done=unpublished/), member.click('button:has-text("Ngừng công khai")')]);
    await member.close();
    await officer.close();
    // The unsaved-changes script is an external file of this site: the strict CSP lets it run, and nothing else.
    expect(errors).toEqual([]);
  });
});
