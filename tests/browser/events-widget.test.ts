/**
 * The events widget as another site shows it: a page on a foreign origin (a
 * second server on another port, since a page Playwright fulfils counts as
 * public and Chromium would refuse it any local frame) frames the widget
 * and, beside it, an ordinary portal page. The widget must load and fit
 * a narrow column; the ordinary page must be refused by the browser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForTests } from '../support/chromium';

const baseUrl = inject('baseUrl');
const browser = chromiumForTests();
let host: Server;
let hostOrigin: string;
/** What the foreign site's page holds, set by each test before it opens the page. */
let hostBody = '';

beforeAll(async () => {
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Host</title>${hostBody}`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  expect(hostOrigin).not.toBe(new URL(baseUrl).origin);
});

afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
});

/** A page of the foreign host whose body is `body`. */
async function hostPage(body: string): Promise<Page> {
  hostBody = body;
  const page = await browser().newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(`${hostOrigin}/lich`);
  return page;
}

function frameNamed(page: Page, name: string): Frame {
  const frame = page.frames().find((candidate) => candidate.name() === name);
  if (!frame) throw new Error(`no frame ${name}`);
  return frame;
}

describe('events widget framed by another site', () => {
  it('loads in a narrow column of a foreign page, without sideways scrolling, linking out to the portal', async () => {
    const page = await hostPage(
      `<iframe name="widget" src="${baseUrl}/en/embed/events?count=3" title="Events" style="width:280px;border:0" height="400"></iframe>`,
    );
    const widget = frameNamed(page, 'widget');
    await widget.waitForSelector('h1');
    expect(await widget.locator('h1').textContent()).toBe('Upcoming events');
    const links = widget.locator('.embed__event a');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.count()).toBeLessThanOrEqual(3);
    expect(await links.first().getAttribute('target')).toBe('_blank');
    expect(await links.first().getAttribute('href')).toMatch(/^\/en\/events\/[a-z0-9-]+$/);
    const overflow = await widget.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('does not let the foreign page frame any other portal page', async () => {
    const page = await hostPage(
      `<iframe name="widget" src="${baseUrl}/nhung/su-kien" title="a"></iframe>` +
        `<iframe name="products" src="${baseUrl}/san-pham" title="b"></iframe>`,
    );
    await frameNamed(page, 'widget').waitForSelector('h1');
    const products = frameNamed(page, 'products');
    // A refused frame holds the browser's error page, never the portal's document.
    const heading = await products
      .locator('main h1')
      .count()
      .catch(() => 0);
    expect(heading).toBe(0);
    await page.close();
  });
});
