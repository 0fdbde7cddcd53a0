import type { Page } from 'playwright-core';

/** The narrowest phone the portal is laid out for (issue #18: "no page scrolls sideways at 360 px"). */
export const PHONE_WIDTH = 360;

/**
 * What sticks out sideways at `width` CSS px: the document itself when it scrolls sideways, and every element
 * whose box reaches past the viewport's edges, unless it sits inside a region that scrolls on purpose (overflow-x
 * auto or scroll, or a map that pans, with role="region", a name and tabindex="0", so keyboard users can scroll it
 * too). Only the
 * outermost element of a faulty subtree is named, as `tag.class#id (left–right px)`.
 *
 * The document check alone misses content that `overflow: hidden` cuts off, and a wide table inside an unnamed,
 * unfocusable scroll box (which keyboard users cannot scroll), so both are looked for.
 */
export async function horizontalOverflow(page: Page, width = PHONE_WIDTH): Promise<string[]> {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const faults: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > viewport) faults.push(`the document is ${scrollWidth}px wide`);
    const scrollsOnPurpose = (element: Element) => {
      const style = getComputedStyle(element);
      // A map pans instead of scrolling: markers beyond its edge are reached by panning (arrow keys when focused).
      const pans = element.classList.contains('leaflet-container');
      return (
        (pans || style.overflowX === 'auto' || style.overflowX === 'scroll') &&
        element.getAttribute('role') === 'region' &&
        (element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby')) &&
        element.getAttribute('tabindex') === '0'
      );
    };
    const describe = (element: Element, rect: DOMRect) =>
      `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')}${
        element.id ? `#${element.id}` : ''
      } (${Math.round(rect.left)}–${Math.round(rect.right)}px)`;
    const visit = (element: Element) => {
      if (scrollsOnPurpose(element) || element.classList.contains('visually-hidden')) return;
      const rect = element.getBoundingClientRect();
      // Elements not rendered (width 0, or display: contents, whose children are still looked at) take no room;
      // one moved wholly off the left edge (the inquiry form's honeypot) is hidden on purpose and scrolls nothing.
      const rendered = rect.width > 1 && rect.right > 0 && getComputedStyle(element).visibility !== 'hidden';
      if (rendered && (rect.right > viewport + 0.5 || rect.left < -0.5)) {
        faults.push(describe(element, rect));
        return;
      }
      for (const child of element.children) visit(child);
    };
    visit(document.body);
    return faults;
  });
}
