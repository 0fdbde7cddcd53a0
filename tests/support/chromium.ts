import { type Browser, type BrowserType, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { demoAccount } from './site';

/** Debian's Chromium (never a test tool's own download), headless, offline-friendly. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(chromium: BrowserType): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Debian's Chromium for the tests of the file or describe block that calls this: launched before
 * them (launchChromium), closed after. The returned function gives it inside hooks and tests.
 */
export function chromiumForTests(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is launched before the tests: read it inside a hook or a test');
    return browser;
  };
}

/** Keeps a page's script errors and console errors (CSP violations among them) in `errors`; tests expect none. */
export function collectErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
}

/** A page in a new context, signed in as a demo account through the sign-in form, on its account home. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  collectErrors(page, errors);
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', demoAccount(email).password);
  await Promise.all([page.waitForURL(`${baseUrl}/tai-khoan`), page.click('main button[type=submit]')]);
  return page;
}
