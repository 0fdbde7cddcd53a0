/** Bad input on the list pages (the table the API test reads too): a page with a notice, never a 500; the box keeps what was typed. */
import { describe, expect, inject, it } from 'vitest';
import { BAD_COOPERATIVE_INPUT, BAD_LIST_INPUT, BAD_PRODUCT_INPUT } from '../support/bad-list-input';
import { dictionary, format } from '../../src/i18n';
import { MAX_QUERY_LENGTH } from '../../src/server/products/product-filters';
import { executableScripts, textOf } from '../support/html';

const baseUrl = inject('baseUrl');

const decode = (value: string) =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

describe.each([
  ['/san-pham', [...BAD_LIST_INPUT, ...BAD_PRODUCT_INPUT], 'Đã bỏ qua giá trị lọc không hợp lệ', 'vi'],
  ['/en/cooperatives', [...BAD_LIST_INPUT, ...BAD_COOPERATIVE_INPUT], 'Ignored', 'en'],
] as const)('%s with bad input', (path, rows, ignoredNotice, locale) => {
  it.each(rows)('%s: the list with a notice naming what was ignored', async (_what, query, refused) => {
    // Repeated values are answered with their canonical address first (a 301), then the list.
    const res = await fetch(`${baseUrl}${path}?${query}`);
    const html = await res.text();
    expect(res.status, query).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(executableScripts(html)).toEqual([]);
    // Scoped styles add a data-astro-cid-* attribute to the element: allow attributes after these.
    const notices = [...html.matchAll(/<p class="notice" role="status"[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
      textOf(m[1] ?? ''),
    );
    const typed = new URLSearchParams(query).get('q');
    // Words too long have a notice of their own, which says to shorten them.
    const tooLong = (typed ?? '').trim().length > MAX_QUERY_LENGTH;
    const lists = dictionary(locale).lists;
    if (tooLong) expect(notices, query).toContain(format(lists.filters.queryTooLong, { max: MAX_QUERY_LENGTH }));
    const named = refused.filter((field) => !(tooLong && field === 'q'));
    const notice = notices.find((text) => text.includes(ignoredNotice)) ?? '';
    if (named.length === 0) expect(notice, query).toBe('');
    // Each refused filter is named in words (the API names the keys themselves).
    const names: Record<string, string> = lists.filterNames;
    for (const field of named) expect(notice, query).toContain(names[field]);
    // The box shows the words as typed, escaped: never markup of their own.
    const box = /<input id="q" name="q" type="search" value="([^"]*)"/.exec(html)?.[1];
    expect(decode(box ?? ''), query).toBe(typed ?? '');
  });
});
