/**
 * Random and hostile input at the public pages over HTTP: never a 5xx, always
 * an HTML page, no stack trace, no database error, no script from the input.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { hostileExamples, hostileQuery, hostileSlug, leaks } from '../support/hostile';
import { executableScripts, markupOnly } from '../support/html';

const baseUrl = inject('baseUrl');

async function check(path: string) {
  const res = await fetch(`${baseUrl}${path}`);
  const html = await res.text();
  expect(res.status, path).toBeLessThan(500);
  expect(res.headers.get('content-type'), path).toContain('text/html');
  // Input may stand inside a quoted attribute (the search box's value), where it is inert text.
  expect(leaks(markupOnly(html)), path).toBeNull();
  expect(executableScripts(html), path).toEqual([]);
}

const pageKeys = /^(q|province|stars|page|sort|group|hasOcop|kind|minPrice)=/;
const pageExamples = hostileExamples.filter(([query]) => pageKeys.test(query));

describe('pages under random and hostile input', () => {
  it.each(['/san-pham', '/en/cooperatives'])('%s?<anything>', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, (query) => check(`${path}?${query}`)),
      {
        examples: pageExamples,
        numRuns: pageExamples.length + 40,
      },
    );
  });

  it.each(['/san-pham', '/en/cooperatives', '/tinh'])('%s/<anything>', async (path) => {
    await fc.assert(
      fc.asyncProperty(hostileSlug, (slug) => check(`${path}/${slug}`)),
      { numRuns: 40 },
    );
  });

  it.each([
    ['/01/', '/10/'],
    ['/truy-xuat/', '/'],
    ['/truy-xuat/', '/lo/'],
    ['/en/trace/', '/lot/'],
  ])('%s<anything>%s<anything> (scan addresses and trace pages)', async (head, middle) => {
    const codeLike = fc.oneof(hostileSlug, fc.stringMatching(/^\d{8,14}$/));
    await fc.assert(
      fc.asyncProperty(codeLike, hostileSlug, (code, lot) => check(`${head}${code}${middle}${lot}`)),
      { numRuns: 30 },
    );
  });
});
