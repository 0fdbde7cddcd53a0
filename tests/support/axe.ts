import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The bar every browser test holds a page to: WCAG 2.0–2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What axe finds on the page as it is now, one line per rule: its id and the elements it names.
 *
 * Legacy mode runs `axe.run` in the page itself instead of finishing the run in a new blank page, and only
 * violations are collected (not every passing node): together they halve the time per page, and a fifth of it
 * on the largest. What legacy mode gives up is checking cross-origin frames, and the portal's pages have none.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
