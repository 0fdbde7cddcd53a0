/**
 * The public sees how a certificate is known: on a product page each
 * verified certificate says which trade department verified it and when
 * (the demo's are verified by the demo officer), in both languages.
 */
import { describe, expect, inject, it } from 'vitest';
import { readJson } from '../support/http';
import { textOf } from '../support/html';

const baseUrl = inject('baseUrl');

describe('who verified a certificate', () => {
  it('is said on the product page, in Vietnamese and in English', async () => {
    const list = await readJson(await fetch(`${baseUrl}/api/v1/products?certification=organic&limit=1`));
    const slug = list.items?.[0]?.slug ?? list.products?.[0]?.slug;
    expect(slug).toBeTruthy();
    const vi = textOf(await (await fetch(`${baseUrl}/san-pham/${slug}`)).text());
    expect(vi).toMatch(/Xác minh bởi Sở Công Thương [^\d]+ ngày \d{1,2}\/\d{1,2}\/20\d\d/);
    const en = textOf(await (await fetch(`${baseUrl}/en/products/${slug}`)).text());
    expect(en).toMatch(/Verified by the .+ Department of Industry and Trade on \d{1,2} [A-Z][a-z]{2} 20\d\d/);
  });

  it('is said under a verified OCOP rating, in both languages', async () => {
    const list = await readJson(await fetch(`${baseUrl}/api/v1/products?stars=5&limit=1`));
    const product = list.items?.[0] ?? list.products?.[0];
    expect(product?.slug).toBeTruthy();
    const badge = (html: string) => textOf(/<div class="ocop-badge[\s\S]*?<\/div>/.exec(html)?.[0] ?? '');
    const vi = badge(await (await fetch(`${baseUrl}/san-pham/${product.slug}`)).text());
    expect(vi).toMatch(/Xác minh bởi Sở Công Thương [^\d]+ ngày \d{1,2}\/\d{1,2}\/20\d\d/);
    const en = badge(await (await fetch(`${baseUrl}/en/products/${product.slug}`)).text());
    expect(en).toMatch(/Verified by the .+ Department of Industry and Trade on \d{1,2} [A-Z][a-z]{2} 20\d\d/);
  });
});
