import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { AxeResults, RunOptions } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/** The bar every browser test holds a page to: WCAG 2.0–2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: Promise<string> | undefined;

/**
 * Loads axe into every document the context's pages open from now on. Sending axe's 650 KB through the DevTools
 * protocol before each check cost about half a second a page; registered once, a page that is reused from check
 * to check gets it with each navigation from the browser itself.
 */
export async function loadAxeOnEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_SOURCE_PATH });
}

/**
 * What axe finds on the page as it is now, one line per rule: its id and the elements it names.
 *
 * axe runs in the page itself (not in a new blank page, as @axe-core/playwright's default does, which only adds
 * the checking of cross-origin frames, and the portal's pages have none), and only violations are collected, not
 * every passing node. A document without axe (its context did not load it on every page) gets it here.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFile(AXE_SOURCE_PATH, 'utf8');
    await page.evaluate(await axeSource);
  }
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  const violations = await page.evaluate(async (options) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, options);
  return violations.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
