/**
 * Every public page template in Chromium: axe-core finds no WCAG 2.x A/AA
 * violations (nor best-practice ones), no script runs on the page, and the
 * console stays clean (no Content-Security-Policy violation, no failed load),
 * nothing sticks out sideways on a 360 px phone (signed in or not: the account
 * and console pages go through the same check), and the page reflows at 320 px
 * and at 200% zoom without sideways scrolling.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, loadAxeOnEveryPage } from '../support/axe';
import { chromiumForTests } from '../support/chromium';
import { jpegWithGps } from '../support/images';
import { horizontalOverflow, PHONE_WIDTH } from '../support/layout';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');

/** The first card link on a list page: a real product, cooperative or province to open. */
async function firstLink(path: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${path}`)).text();
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string).find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

/** A batch's trace page: the first listed product that has a batch. */
async function traceLink(locale: 'vi' | 'en'): Promise<string> {
  const list = (await (await fetch(`${baseUrl}/api/v1/products?limit=50`)).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const product = (await (await fetch(`${baseUrl}/api/v1/products/${slug}`)).json()) as {
      traceCode: string;
      latestBatch: { lotCode: string } | null;
    };
    if (!product.latestBatch) continue;
    const lot = encodeURIComponent(product.latestBatch.lotCode);
    return locale === 'vi' ? `/truy-xuat/${product.traceCode}/lo/${lot}` : `/en/trace/${product.traceCode}/lot/${lot}`;
  }
  throw new Error('no listed product has a batch');
}

/**
 * The one exception to "browsing pages run no script" (issue 21): the map of cooperatives draws its markers with
 * Leaflet, from its own bundle on this origin and nothing else. Its list of cooperatives, which works without script,
 * is the map's text alternative.
 */
const SCRIPTED_PAGES: Readonly<Record<string, RegExp>> = {
  '/ban-do': /^\/_astro\/MapPage\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/,
  '/en/map': /^\/_astro\/MapPage\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/,
  // The profile form's place picker (its typed fields are the form without it).
  '/tai-khoan/ho-so-hop-tac-xa': /^\/_astro\/ProfilePage\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/,
  '/en/account/cooperative': /^\/_astro\/ProfilePage\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/,
};

/**
 * axe finds nothing, no script runs, the console is clean, nothing is wider than a 360 px phone unless it scrolls
 * in a named, focusable region, and the page reflows at 320 px and 200% zoom.
 */
async function expectAccessible(page: Page, url: string, errors: string[]) {
  expect(await axeViolations(page), url).toEqual([]);
  // JSON-LD is data; the dashboard's progressive enhancements are files of this site under /scripts/; the
  // map page (and it alone) runs its own Leaflet bundle (SCRIPTED_PAGES).
  const allowed = SCRIPTED_PAGES[new URL(url, baseUrl).pathname]?.source ?? null;
  const scripts = await page.evaluate(
    (allowedSource) =>
      [...document.scripts].filter((script) => {
        if (script.type === 'application/ld+json') return false;
        const src = script.src ? new URL(script.src) : null;
        if (src && allowedSource && src.origin === location.origin && new RegExp(allowedSource).test(src.pathname))
          return false;
        return !(src && src.origin === location.origin && src.pathname.startsWith('/scripts/'));
      }).length,
    allowed,
  );
  expect(scripts, url).toBe(0);
  expect(errors, url).toEqual([]);
  expect(await horizontalOverflow(page), `${url} at ${PHONE_WIDTH}px`).toEqual([]);
  // WCAG 1.4.10 reflow: at 320 CSS px, and at 200% zoom of a 1280 px window (640 CSS px), nothing scrolls sideways.
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
  }
}

/** The console errors a page logs from now on (Content-Security-Policy violations among them). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return errors;
}

/** Opens `url` in a signed-in context and checks it as expectAccessible does; `status` null when any will do. */
async function checkSignedInPage(context: BrowserContext, url: string, status: number | null = 200) {
  const page = await context.newPage();
  const errors = consoleErrors(page);
  const response = await page.goto(`${baseUrl}${url}`);
  if (status !== null) expect(response?.status(), url).toBe(status);
  await expectAccessible(page, url, errors);
}

/** The window size a new page has, which each check on a reused page starts from again. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** A page kept from check to check (see checkOn), with axe loaded into each document it opens. */
async function reusablePage(context: BrowserContext): Promise<Page> {
  await loadAxeOnEveryPage(context);
  return context.newPage();
}

/**
 * Opens `url` on a page reused from the previous check and checks it as expectAccessible does; `status` null when
 * any will do. A new context and page per check, and sending axe to each, took half of this file's time; the
 * console is watched from the navigation on, and the window is put back to a new page's size first.
 */
async function checkOn(page: Page, url: string, status: number | null = 200) {
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    // The 404 page itself is reported as a failed load; nothing else may be.
    const expected404 = status === 404 && /404 \(Not Found\)/.test(message.text());
    if (message.type() === 'error' && !expected404) errors.push(message.text());
  };
  const onPageError = (error: Error) => errors.push(error.message);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await page.setViewportSize(DEFAULT_VIEWPORT);
    const response = await page.goto(`${baseUrl}${url}`);
    if (status !== null) expect(response?.status(), url).toBe(status);
    await expectAccessible(page, url, errors);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
}

describe('accessibility of every page template', () => {
  const browser = chromiumForTests();
  let visitor: Page;

  beforeAll(async () => {
    visitor = await reusablePage(await browser().newContext());
  });

  const fixed = [
    '/',
    '/en/',
    '/san-pham',
    '/en/products?q=mat+ong&stars=4',
    '/san-pham?q=khongcoketqua',
    '/hop-tac-xa',
    '/en/cooperatives?province=dak-lak',
    '/ban-do',
    '/en/map?kind=hop_tac_xa',
    '/tinh',
    '/en/provinces',
    '/tai-lieu-api',
    '/thong-ke',
    '/en/statistics?province=ha-noi',
    '/quyen-rieng-tu',
    '/en/privacy',
    '/danh-sach-mua',
    '/en/shortlist?full=1',
    '/su-kien',
    '/en/events?view=month',
    '/su-kien?time=past&kind=fair',
    '/su-kien?from=2001-01-01&to=2001-01-31',
    '/nhung/su-kien',
    '/en/embed/events?province=ha-noi&count=2',
    '/khong-co-trang-nay',
    '/dang-nhap',
    '/en/sign-in?next=%2Fen%2Faccount',
    '/dang-xuat',
    '/quen-mat-khau',
    '/en/forgot-password',
    '/dang-ky',
    '/en/sign-up',
    '/dev/outbox',
    '/hoi-hang',
    '/hoi-hang/trang-thai',
    '/en/inquiries/status?reference=HTX-7K3M-Q9PD',
    '/hoi-hang/da-gui?reference=HTX-7K3M-Q9PD',
    '/en/inquiries/sent?reference=HTX-7K3M-Q9PD',
  ];
  const discovered: [string, RegExp | (() => Promise<string>)][] = [
    ['trace page (vi)', () => traceLink('vi')],
    ['trace page (en)', () => traceLink('en')],
    ['/san-pham', /^\/san-pham\/[a-z0-9-]+$/],
    ['/en/products', /^\/en\/products\/[a-z0-9-]+$/],
    ['/hop-tac-xa', /^\/hop-tac-xa\/[a-z0-9-]+$/],
    ['/en/cooperatives', /^\/en\/cooperatives\/[a-z0-9-]+$/],
    ['/tinh', /^\/tinh\/[a-z0-9-]+$/],
    ['/su-kien', /^\/su-kien\/[a-z0-9-]+$/],
    ['/en/events?time=past', /^\/en\/events\/[a-z0-9-]+$/],
    [
      'fair catalogue (en)',
      async () => {
        const list = (await (await fetch(`${baseUrl}/api/v1/events?limit=50`)).json()) as { items: { slug: string }[] };
        for (const { slug } of list.items) {
          const path = `/en/events/${slug}/catalogue`;
          if ((await (await fetch(`${baseUrl}${path}`)).text()).includes('class="catalogue__entry')) return path;
        }
        throw new Error('no event with exhibitors showing products');
      },
    ],
    [
      'comparison of two products (vi)',
      async () => {
        const list = (await (await fetch(`${baseUrl}/api/v1/products?exportReady=true&limit=2`)).json()) as {
          items: { slug: string }[];
        };
        return `/so-sanh?${list.items.map((item) => `p=${item.slug}`).join('&')}`;
      },
    ],
    [
      'inquiry page for a product (en)',
      async () =>
        `/en/inquiries?product=${(await firstLink('/en/products', /^\/en\/products\/[a-z0-9-]+$/)).split('/').pop()}`,
    ],
  ];

  it.each([...fixed.map((path) => [path, null] as const), ...discovered])(
    '%s has no axe violations and runs no script',
    async (path, pattern) => {
      const url = typeof pattern === 'function' ? await pattern() : pattern ? await firstLink(path, pattern) : path;
      // Console errors include Content-Security-Policy violations: a page must cause none.
      await checkOn(visitor, url, url === '/khong-co-trang-nay' ? 404 : 200);
    },
  );

  it('the map’s markers are reached with the keyboard and open the cooperative’s card', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ban-do`);
    const marker = page.locator('.map-marker').first();
    await marker.waitFor();
    expect(await marker.getAttribute('tabindex')).toBe('0');
    expect(await marker.getAttribute('role')).toBe('button');
    expect(await marker.getAttribute('aria-label')).toBeTruthy();
    expect(await page.locator('.marker-cluster').first().getAttribute('tabindex')).toBe('0');
    await marker.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('.leaflet-popup .map-card a');
    await card.waitFor();
    expect(await card.getAttribute('href')).toMatch(/^\/hop-tac-xa\/[a-z0-9-]+$/);
    expect(await card.textContent()).toBe(await marker.getAttribute('aria-label'));
    await context.close();
  });

  it('without tiles, draws the markers on an outline of Viet Nam with the archipelagos named', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/map`);
    await page.locator('.map-marker').first().waitFor();
    // The mainland and Phú Quốc as one SVG path, the two archipelagos as dots, under the markers.
    expect(await page.locator('.leaflet-overlay-pane path.map-outline').count()).toBe(3);
    // Each place name kept on one line (no-break spaces) when a phone's map wraps the names.
    expect(await page.locator('.map-outline__label').allTextContents()).toEqual([
      'Hoang\u00a0Sa archipelago (Viet\u00a0Nam)',
      'Truong\u00a0Sa archipelago (Viet\u00a0Nam)',
    ]);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    await expect.poll(() => page.locator('.map-figure__note').isVisible()).toBe(true);
    await context.close();
  });
});

describe('accessibility of the account pages, signed in and with errors', () => {
  const browser = chromiumForTests();

  /** Each account's cookies after its one sign-in through the real form, for the contexts that follow. */
  const signedInStates = new Map<string, Promise<StorageState>>();

  /**
   * A browser context signed in as a demo account. The first for an account signs in through the real sign-in
   * form; the next ones start from its cookies (a full-strength password check per page would only slow the file).
   */
  async function signedInContext(email: string, password: string, options: { javaScriptEnabled?: boolean } = {}) {
    let state = signedInStates.get(email);
    if (!state) {
      state = (async () => {
        const context = await browser().newContext();
        const page = await context.newPage();
        await page.goto(`${baseUrl}/dang-nhap`);
        await page.fill('#field-email', email);
        await page.fill('#field-password', password);
        await Promise.all([page.waitForURL(`${baseUrl}/tai-khoan`), page.click('main button[type=submit]')]);
        const cookies = await context.storageState();
        await context.close();
        return cookies;
      })();
      signedInStates.set(email, state);
    }
    return browser().newContext({ ...options, storageState: await state });
  }

  /** Each account's reused page (and its context, for finding links), signed in once. */
  const signedInPages = new Map<string, Promise<{ context: BrowserContext; page: Page }>>();

  function signedInPage(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    let signedIn = signedInPages.get(email);
    if (!signedIn) {
      signedIn = (async () => {
        const context = await signedInContext(email, password);
        return { context, page: await reusablePage(context) };
      })();
      signedInPages.set(email, signedIn);
    }
    return signedIn;
  }

  it.each([
    '/tai-khoan',
    '/en/account',
    '/tai-khoan/doi-mat-khau',
    '/en/account/password',
    '/tai-khoan/thong-bao',
    '/en/account/notifications',
    '/tai-khoan/moi-thanh-vien',
    '/en/account/invite',
    '/tai-khoan/hoi-hang',
    '/en/account/inquiries?status=spam',
    '/tai-khoan/du-lieu-cua-toi',
    '/en/account/my-data',
  ])('%s (signed in as a cooperative manager) has no axe violations and runs no script', async (url) => {
    const { page } = await signedInPage('quanly1@cho-htx.test', 'demo-manager-2026');
    await checkOn(page, url);
  });

  it('the profile form takes the place typed without script, or picked on its map with script', async () => {
    // Without script: no map, the two fields, and a place outside Viet Nam refused with its reason, nothing saved.
    const bare = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026', { javaScriptEnabled: false });
    const form = await bare.newPage();
    await form.goto(`${baseUrl}/en/account/cooperative`);
    expect(await form.locator('#location-picker').isVisible()).toBe(false);
    await form.fill('input[name="latitude"]', '48.8566');
    await form.fill('input[name="longitude"]', '2.3522');
    await form.click('form:has(#location-picker) > p > button[type=submit]');
    await form.locator('#field-latitude-error').waitFor();
    expect(await form.locator('#field-latitude-error').textContent()).toContain(
      'The latitude must lie in Viet Nam: between 8.1 and 23.4',
    );
    await bare.close();

    // With script: a click on the map writes its place into the fields.
    const scripted = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026');
    const page = await scripted.newPage();
    await page.goto(`${baseUrl}/tai-khoan/ho-so-hop-tac-xa`);
    const map = page.locator('#location-picker');
    await map.waitFor();
    await page.fill('input[name="latitude"]', '');
    await page.fill('input[name="longitude"]', '');
    // Away from the pin (at the cooperative's place, the map's centre) and from the zoom buttons (top left).
    await map.click({ position: { x: 150, y: 120 } });
    const latitude = Number(await page.inputValue('input[name="latitude"]'));
    const longitude = Number(await page.inputValue('input[name="longitude"]'));
    expect(latitude).toBeGreaterThan(8.1);
    expect(latitude).toBeLessThan(23.4);
    expect(longitude).toBeGreaterThan(102.1);
    expect(longitude).toBeLessThan(117.9);
    expect(await page.locator('.place-marker').count()).toBe(1);
    await scripted.close();
  });

  /** A public event whose booth registration is open now, from the API. */
  async function openEventSlug(): Promise<string> {
    const list = (await (await fetch(`${baseUrl}/api/v1/events?limit=100`)).json()) as { items: { slug: string }[] };
    for (const { slug } of list.items) {
      const event = (await (await fetch(`${baseUrl}/api/v1/events/${slug}`)).json()) as { registration: string };
      if (event.registration === 'open') return slug;
    }
    throw new Error('the demo data has no event with registration open');
  }

  const registrationPages: [string, string, () => string | Promise<string>][] = [
    ['quanly1@cho-htx.test', 'demo-manager-2026', () => '/tai-khoan/su-kien'],
    ['quanly1@cho-htx.test', 'demo-manager-2026', () => '/en/account/events'],
    ['quanly1@cho-htx.test', 'demo-manager-2026', async () => `/tai-khoan/su-kien/${await openEventSlug()}`],
    ['quanly1@cho-htx.test', 'demo-manager-2026', async () => `/en/account/events/${await openEventSlug()}`],
    ['canbo@cho-htx.test', 'demo-officer-2026', () => '/tai-khoan/su-kien-quan-ly'],
    ['canbo@cho-htx.test', 'demo-officer-2026', () => '/en/account/manage-events'],
    ['canbo@cho-htx.test', 'demo-officer-2026', async () => `/tai-khoan/su-kien-quan-ly/${await openEventSlug()}`],
    ['admin@cho-htx.test', 'demo-admin-2026', async () => `/en/account/manage-events/${await openEventSlug()}`],
    // A fair's report, with every exhibitor (officers).
    [
      'canbo@cho-htx.test',
      'demo-officer-2026',
      async () => `/tai-khoan/su-kien-quan-ly/${await openEventSlug()}/bao-cao`,
    ],
    ['admin@cho-htx.test', 'demo-admin-2026', async () => `/en/account/manage-events/${await openEventSlug()}/report`],
    // The officers' page for inviting a cooperative's manager: a search, and with the form of one chosen.
    ['canbo@cho-htx.test', 'demo-officer-2026', () => '/tai-khoan/moi-quan-ly'],
    [
      'admin@cho-htx.test',
      'demo-admin-2026',
      async () => {
        const html = (await (await fetch(`${baseUrl}/api/v1/cooperatives?q=B%C3%A1t%20Tr%C3%A0ng`)).json()) as {
          items: { id: string }[];
        };
        return `/en/account/invite-manager?q=Bat+Trang&cooperative=${html.items[0]?.id ?? ''}`;
      },
    ],
  ];
  // The e2e tests lock thanhvien2 and change quanly2's password on the same worker, so these use other accounts.
  it.each(registrationPages)(
    'event registration page for %s has no axe violations and runs no script',
    async (email, password, path) => {
      const url = await path();
      const { page } = await signedInPage(email, password);
      await checkOn(page, url);
    },
  );

  /** A published event no cooperative is confirmed at yet. */
  async function eventWithoutExhibitorsSlug(): Promise<string> {
    const list = (await (await fetch(`${baseUrl}/api/v1/events?limit=100`)).json()) as { items: { slug: string }[] };
    for (const { slug } of list.items) {
      const event = (await (await fetch(`${baseUrl}/api/v1/events/${slug}`)).json()) as { participants: unknown[] };
      if (event.participants.length === 0) return slug;
    }
    throw new Error('the demo data has no event without exhibitors');
  }

  it('the catalogue PDF’s address before any exhibitor is confirmed (a page saying so, 409) has no axe violations', async () => {
    const url = `/en/account/events/${await eventWithoutExhibitorsSlug()}/catalogue`;
    const context = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/409/.test(message.text())) errors.push(message.text());
    });
    const response = await page.goto(`${baseUrl}${url}`);
    expect(response?.status()).toBe(409);
    await expectAccessible(page, url, errors);
    await context.close();
  });

  it('the booth registration form showing its errors has no axe violations', async () => {
    const url = `/tai-khoan/su-kien/${await openEventSlug()}`;
    const context = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${baseUrl}${url}`);
    // A demo cooperative may already hold a registration there: withdraw it first, which shows the form again.
    if (await page.$('input[name=action][value=withdraw]')) {
      await Promise.all([page.waitForLoadState('load'), page.click('form:has(input[value=withdraw]) button')]);
    }
    await page.fill('#field-booths', '0');
    await Promise.all([page.waitForLoadState('load'), page.click('form:has(#field-booths) button[type=submit]')]);
    await page.waitForSelector('#field-booths-error');
    expect(await page.getAttribute('#field-booths', 'aria-invalid')).toBe('true');
    await expectAccessible(page, `${url} (errors)`, errors);
    await context.close();
  });

  /** A link on a page of the signed-in context, by pattern (e.g. the first batch of the first product). */
  async function linksOn(
    context: Awaited<ReturnType<typeof signedInContext>>,
    path: string,
    pattern: RegExp,
  ): Promise<string[]> {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    await page.close();
    return hrefs.filter((h) => pattern.test(h));
  }

  async function linkOn(
    context: Awaited<ReturnType<typeof signedInContext>>,
    path: string,
    pattern: RegExp,
  ): Promise<string> {
    const [href] = await linksOn(context, path, pattern);
    if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
    return href;
  }

  /** The first link matching `item` on any of the pages that `path` links to by `list` (e.g. a batch of any product). */
  async function linkAcross(
    context: Awaited<ReturnType<typeof signedInContext>>,
    path: string,
    list: RegExp,
    item: RegExp,
  ): Promise<string> {
    for (const page of await linksOn(context, path, list)) {
      const [href] = await linksOn(context, page, item);
      if (href) return href;
    }
    throw new Error(`no link matching ${item} on the pages of ${path}`);
  }

  const dashboardPages: [string, (context: Awaited<ReturnType<typeof signedInContext>>) => Promise<string>][] = [
    ['/tai-khoan/san-pham', async () => '/tai-khoan/san-pham'],
    ['/en/account/products', async () => '/en/account/products'],
    ['batch list (vi)', (c) => linkOn(c, '/tai-khoan/san-pham', /^\/tai-khoan\/san-pham\/[a-z0-9-]+\/lo-hang$/)],
    [
      'new batch (en)',
      async (c) => `${await linkOn(c, '/en/account/products', /^\/en\/account\/products\/[a-z0-9-]+\/batches$/)}/new`,
    ],
    ['batch edit (vi)', (c) => linkAcross(c, '/tai-khoan/san-pham', /\/lo-hang$/, /\/lo-hang\/(?!moi$)[a-z0-9]+$/)],
    [
      'certificates (en)',
      (c) => linkOn(c, '/en/account/products', /^\/en\/account\/products\/[a-z0-9-]+\/certificates$/),
    ],
    ['certificates (vi)', (c) => linkOn(c, '/tai-khoan/san-pham', /^\/tai-khoan\/san-pham\/[a-z0-9-]+\/chung-nhan$/)],
    [
      'lab reports (vi)',
      (c) => linkAcross(c, '/tai-khoan/san-pham', /\/lo-hang$/, /\/lo-hang\/[a-z0-9]+\/kiem-nghiem$/),
    ],
    [
      'lab reports (en)',
      (c) => linkAcross(c, '/en/account/products', /\/batches$/, /\/batches\/[a-z0-9]+\/lab-reports$/),
    ],
    ['certificate edit (vi)', (c) => linkAcross(c, '/tai-khoan/san-pham', /\/chung-nhan$/, /\/chung-nhan\/[a-z0-9]+$/)],
    ['OCOP ratings (vi)', (c) => linkOn(c, '/tai-khoan/san-pham', /^\/tai-khoan\/san-pham\/[a-z0-9-]+\/ocop$/)],
    [
      'OCOP ratings (en)',
      (c) => linkOn(c, '/en/account/products', /^\/en\/account\/products\/[a-z0-9-]+\/ocop-ratings$/),
    ],
    [
      'OCOP rating edit (en)',
      (c) => linkAcross(c, '/en/account/products', /\/ocop-ratings$/, /\/ocop-ratings\/[a-z0-9]+$/),
    ],
    ['new product (vi)', async () => '/tai-khoan/san-pham/moi'],
    ['product import (vi)', async () => '/tai-khoan/san-pham/nhap'],
    ['product import (en)', async () => '/en/account/products/import'],
    ['cooperative profile (en)', async () => '/en/account/cooperative'],
    [
      'label sheets (vi)',
      async (c) =>
        (await linkOn(c, '/tai-khoan/san-pham', /^\/tai-khoan\/san-pham\/[a-z0-9-]+\/lo-hang$/)).replace(
          /lo-hang$/,
          'nhan-in',
        ),
    ],
    ['product (en, published)', (c) => linkOn(c, '/en/account/products', /^\/en\/account\/products\/[a-z0-9-]+$/)],
  ];

  it.each(dashboardPages)(
    'dashboard %s (signed in as a cooperative manager) has no axe violations',
    async (_name, locate) => {
      const { context, page } = await signedInPage('quanly1@cho-htx.test', 'demo-manager-2026');
      await checkOn(page, await locate(context));
    },
  );

  it.each([
    '/tai-khoan',
    '/en/account',
    '/en/account/my-data',
    '/tai-khoan/kiem-duyet',
    '/en/account/moderation',
    '/tai-khoan/xac-minh',
    '/en/account/verification',
    '/en/account/verification?state=verified',
    '/tai-khoan/sap-het-han',
    '/en/account/expiring',
  ])('%s (signed in as a trade officer) has no axe violations', async (url) => {
    const { page } = await signedInPage('canbo@cho-htx.test', 'demo-officer-2026');
    await checkOn(page, url);
  });

  const consolePages: [string, (context: Awaited<ReturnType<typeof signedInContext>>) => Promise<string>][] = [
    ['statistics (vi)', async () => '/quan-tri/thong-ke'],
    ['statistics of a province (en)', async () => '/en/admin/statistics?province=ha-noi'],
    ['targets (vi)', async () => '/quan-tri/chi-tieu'],
    ['new target (en)', async () => '/en/admin/targets/new'],
    ['audit log (vi)', async () => '/quan-tri/nhat-ky'],
    ['cooperative import (vi)', async () => '/quan-tri/nhap-hop-tac-xa'],
    ['cooperative import (en)', async () => '/en/admin/import-cooperatives'],
    ['report (vi)', async () => '/quan-tri/bao-cao?from=2025-01-01'],
    ['personal data requests (en)', async () => '/en/admin/personal-data'],
    ['events widget snippet (vi)', async () => '/quan-tri/nhung-lich?kind=fair'],
    ['cooperatives (en)', async () => '/en/admin/cooperatives?status=active'],
    ['a cooperative (vi)', (c) => linkOn(c, '/quan-tri/hop-tac-xa', /^\/quan-tri\/hop-tac-xa\/[a-z0-9-]+$/)],
    [
      "a cooperative's product import (en)",
      async (c) =>
        `${await linkOn(c, '/en/admin/cooperatives', /^\/en\/admin\/cooperatives\/[a-z0-9-]+$/)}/import-products`,
    ],
  ];

  it.each(consolePages)(
    'console %s (signed in as a trade officer) has no axe violations and runs no script',
    async (_name, locate) => {
      const { context, page } = await signedInPage('canbo@cho-htx.test', 'demo-officer-2026');
      await checkOn(page, await locate(context));
    },
  );

  it('the target form showing its errors has no axe violations', async () => {
    const context = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on(
      'console',
      (message) => message.type() === 'error' && !/422/.test(message.text()) && errors.push(message.text()),
    );
    await page.goto(`${baseUrl}/quan-tri/chi-tieu/moi`);
    await page.selectOption('#field-province', 'ha-noi');
    await page.selectOption('#field-metric', 'fair_or_better_share');
    await page.fill('#field-minimum', '120');
    await page.fill('#field-dueDate', '2020-01-01');
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    await page.waitForSelector('#field-minimum-error');
    expect(await page.getAttribute('#field-dueDate', 'aria-invalid')).toBe('true');
    await expectAccessible(page, '/quan-tri/chi-tieu/moi (errors)', errors);
    await context.close();
  });

  it('a review page (signed in as a trade officer) has no axe violations', async () => {
    // A new product submitted by the first cooperative; the demo's own products stay as they are.
    const { post, postWithPhoto, signIn } = site(baseUrl);
    const manager = await signIn('quanly1@cho-htx.test');
    const name = `Sản phẩm chờ duyệt ${Date.now() % 100000}`;
    const created = await postWithPhoto(
      '/tai-khoan/san-pham/moi',
      {
        nameVi: name,
        ocopGroup: 'thuc_pham',
        provinceCode: '01',
        unitVi: 'hộp',
        unitEn: 'box',
        minOrder: '1',
        descriptionVi: 'Dòng một.\nDòng hai.',
      },
      manager,
    );
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);

    const context = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const url = await linkOn(context, '/tai-khoan/kiem-duyet', /^\/tai-khoan\/kiem-duyet\/[a-z0-9]+$/);
    await checkSignedInPage(context, url, null);
    await context.close();
  });

  it('pending and rejected changes (the cooperative’s pages, the queue and the officer’s reviews) have no axe violations', async () => {
    // A product of the first cooperative published for this test, and a change to it and to the profile;
    // all taken back at the end, so the demo catalogue stays as the other tests expect it.
    const { get, post, postWithPhoto, signIn } = site(baseUrl);
    const manager = await signIn('quanly1@cho-htx.test');
    const officer = await signIn('canbo@cho-htx.test');
    const name = `Sản phẩm có thay đổi ${Date.now() % 100000}`;
    const fields = {
      nameVi: name,
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      unitVi: 'hộp',
      unitEn: 'box',
      minOrder: '1',
      descriptionVi: 'Bản công khai.',
    };
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', fields, manager);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const slug = path.split('/').pop() ?? '';
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    const queued = async (text: string) => {
      const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
      return new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9/-]+)"[^>]*>${text}<`).exec(queue)?.[1] ?? '';
    };
    const version = async (review: string) =>
      /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
    const submitted = await queued(name);
    expect((await post(submitted, { decision: 'approve', version: await version(submitted) }, officer)).status).toBe(
      303,
    );
    expect((await post(path, { ...fields, descriptionVi: 'Bản đề xuất.\nDòng hai.' }, manager)).status).toBe(303);
    const productChange = await queued(name);

    const profilePage = await (await get('/tai-khoan/ho-so-hop-tac-xa', manager)).text();
    const cooperativeName = /<input[^>]*name="name"[^>]*value="([^"]*)"/.exec(profilePage)?.[1] ?? '';
    const profileForm = new URLSearchParams();
    for (const m of profilePage.matchAll(/<input[^>]*name="([a-zA-Z]+)"[^>]*value="([^"]*)"/g))
      profileForm.set(m[1] as string, (m[2] as string).replaceAll('&amp;', '&'));
    for (const m of profilePage.matchAll(/<select[^>]*name="([a-zA-Z]+)"[\s\S]*?<\/select>/g))
      profileForm.set(m[1] as string, /<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '');
    for (const m of profilePage.matchAll(/<textarea[^>]*name="([a-zA-Z]+)"[^>]*>([^<]*)<\/textarea>/g))
      profileForm.set(m[1] as string, (m[2] as string).replaceAll('&amp;', '&'));
    profileForm.set('phone', '0912 345 678');
    profileForm.set('name', `${cooperativeName.replaceAll('&amp;', '&')} (đổi tên)`);
    expect((await post('/tai-khoan/ho-so-hop-tac-xa', profileForm, manager)).status).toBe(303);
    const profileChange = await queued(cooperativeName);
    expect(productChange).toMatch(/\/thay-doi\//);
    expect(profileChange).toMatch(/\/thay-doi\//);

    const { page: managerPage } = await signedInPage('quanly1@cho-htx.test', 'demo-manager-2026');
    for (const url of [`/en/account/products/${slug}`, '/tai-khoan/san-pham', '/en/account/cooperative'])
      await checkOn(managerPage, url);
    const { page: officerPage } = await signedInPage('canbo@cho-htx.test', 'demo-officer-2026');
    const en = (review: string) => review.replace('/tai-khoan/kiem-duyet/thay-doi/', '/en/account/moderation/changes/');
    for (const url of ['/tai-khoan/kiem-duyet', productChange, en(profileChange)]) await checkOn(officerPage, url);

    // Rejected: the cooperative's page shows the reason; the review page says it is not pending.
    expect(
      (
        await post(
          productChange,
          { decision: 'reject', version: await version(productChange), reason: 'Cần ảnh chứng minh.' },
          officer,
        )
      ).status,
    ).toBe(303);
    await checkOn(managerPage, path);
    await checkOn(officerPage, en(productChange));

    expect((await post('/tai-khoan/ho-so-hop-tac-xa', { intent: 'withdraw' }, manager)).status).toBe(303);
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });

  it('the 403 page (a cooperative member on the moderation queue) has no axe violations', async () => {
    const context = await signedInContext('quanly2@cho-htx.test', 'demo-manager-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on(
      'console',
      (message) => message.type() === 'error' && !/403/.test(message.text()) && errors.push(message.text()),
    );
    const response = await page.goto(`${baseUrl}/en/account/moderation`);
    expect(response?.status()).toBe(403);
    await expectAccessible(page, '/en/account/moderation (403)', errors);
    await context.close();
  });

  it('the batch form showing its errors has no axe violations', async () => {
    const context = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026');
    const url = `${await linkOn(context, '/en/account/products', /\/batches$/)}/new`;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${baseUrl}${url}`);
    await page.fill('#field-lotCode', 'bad lot code with spaces');
    await page.fill('#step-0-place', 'x');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value=save]:not(.visually-hidden)')]);
    await page.waitForSelector('#field-lotCode-error');
    expect(await page.getAttribute('#step-0-place', 'aria-invalid')).toBe('true');
    await expectAccessible(page, `${url} (errors)`, errors);
    await context.close();
  });

  /** A draft event made through the officers' form, for the pages of one event. */
  async function draftEventPath(): Promise<string> {
    const { post, signIn } = site(baseUrl);
    const officer = await signIn('canbo@cho-htx.test');
    const created = await post(
      '/tai-khoan/su-kien-quan-ly/moi',
      {
        kind: 'fair',
        titleVi: `Hội chợ kiểm tra truy cập ${Date.now() % 100000}`,
        organiser: 'Sở Công Thương',
        startDate: '2027-09-08',
        endDate: '2027-09-10',
        startTime: '08:00',
        endTime: '17:00',
        venue: 'Nhà thi đấu',
        address: '1 Đường Thử',
        provinceCode: '01',
        boothCapacity: '20',
        intent: 'create',
      },
      officer,
    );
    expect(created.status).toBe(303);
    return (created.headers.get('location') ?? '').replace(/\?.*$/, '').replace(/\/sua$/, '');
  }

  const eventAdminPages: [string, (context: Awaited<ReturnType<typeof signedInContext>>) => Promise<string>][] = [
    ['new event (vi)', async () => '/tai-khoan/su-kien-quan-ly/moi'],
    ['new event (en)', async () => '/en/account/manage-events/new'],
    ['drafts list (en)', async () => '/en/account/manage-events?status=draft'],
    [
      'published event edit (vi)',
      (c) =>
        linkOn(c, '/tai-khoan/su-kien-quan-ly?status=published', /^\/tai-khoan\/su-kien-quan-ly\/[a-z0-9-]+\/sua$/),
    ],
    [
      'draft event edit (en)',
      async () =>
        `${(await draftEventPath()).replace('/tai-khoan/su-kien-quan-ly/', '/en/account/manage-events/')}/edit`,
    ],
    ['draft event preview (vi)', async () => `${await draftEventPath()}/xem-truoc`],
  ];

  it.each(eventAdminPages)(
    'events dashboard: %s (signed in as a trade officer) has no axe violations',
    async (_name, locate) => {
      const { context, page } = await signedInPage('canbo@cho-htx.test', 'demo-officer-2026');
      await checkOn(page, await locate(context));
    },
  );

  it('the event form showing its errors and a series preview has no axe violations', async () => {
    const context = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    const url = '/en/account/manage-events/new';
    await page.goto(`${baseUrl}${url}`);
    await page.fill('#field-titleVi', 'Phiên chợ OCOP hằng tháng');
    await page.selectOption('#field-kind', 'ocop_market');
    await page.fill('#field-organiser', 'Sở Công Thương');
    await page.fill('#field-startDate', '2027-10-09');
    await page.fill('#field-endDate', '2027-10-08');
    await page.selectOption('#field-repeat', 'monthly_weekday');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value=create]')]);
    await page.waitForSelector('#field-endDate-error');
    expect(await page.getAttribute('#field-endDate', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-repeatOrdinal', 'aria-invalid')).toBe('true');
    await page.screenshot({ path: '/tmp/event-form-errors.png', fullPage: true });
    await expectAccessible(page, `${url} (errors)`, errors);

    await page.fill('#field-endDate', '2027-10-09');
    await page.check('#field-allDay');
    await page.fill('#field-onlineUrl', 'https://example.org/phien-cho');
    await page.selectOption('#field-repeatOrdinal', '2');
    await page.selectOption('#field-repeatWeekday', '6');
    await page.fill('#field-repeatCount', '4');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value=preview]')]);
    await page.waitForSelector('#preview-heading');
    expect(await page.$$eval('section[aria-labelledby=preview-heading] li', (items) => items.length)).toBe(4);
    await expectAccessible(page, `${url} (series preview)`, errors);
    await context.close();
  });

  it('the sign-in form showing its errors has no axe violations', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      // The 422 of the refused form itself is reported as a failed load.
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${baseUrl}/en/sign-in`);
    await page.fill('#field-email', 'nobody@cho-htx.test');
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    await page.waitForSelector('#field-password-error');
    expect(await page.getAttribute('#field-password', 'aria-invalid')).toBe('true');
    await expectAccessible(page, '/en/sign-in (errors)', errors);
    await context.close();
  });

  it('an inquiry in the inbox, the officers’ figures, the buyer’s status page and thread have no axe violations', async () => {
    // A manager's session over plain HTTP, to find the cooperative and send it an inquiry through the API.
    const signIn = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'quanly1@cho-htx.test', password: 'demo-manager-2026' }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const me = (await (await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } })).json()) as {
      cooperative: { slug: string };
    };
    const created = await fetch(`${baseUrl}/api/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.250' },
      body: JSON.stringify({
        cooperative: me.cooperative.slug,
        name: 'Axe Buyer',
        email: 'axe@example.com',
        country: 'JP',
        quantity: 20,
        unit: 'kg',
        message: 'Samples of your best tea, please.',
        consent: true,
      }),
    });
    const { inquiry } = (await created.json()) as { inquiry: { reference: string } };

    const manager = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026');
    for (const url of [`/en/account/inquiries/${inquiry.reference}`, `/tai-khoan/hoi-hang/${inquiry.reference}`]) {
      const page = await manager.newPage();
      const errors = consoleErrors(page);
      expect((await page.goto(`${baseUrl}${url}`))?.status(), url).toBe(200);
      await expectAccessible(page, url, errors);
      if (url.startsWith('/en/')) {
        // Reply through the form, then the buyer's status page shows it.
        await page.fill('#field-body', 'Samples leave on Monday.');
        await Promise.all([page.waitForURL(/done=replied/), page.click('form:has(#field-body) button[type=submit]')]);
        await expectAccessible(page, `${url} (replied)`, errors);
      }
      await page.close();
    }
    await manager.close();

    const officer = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const officerPage = await officer.newPage();
    const officerErrors: string[] = [];
    officerPage.on('console', (message) => message.type() === 'error' && officerErrors.push(message.text()));
    expect((await officerPage.goto(`${baseUrl}/en/account/inquiries`))?.status()).toBe(200);
    await expectAccessible(officerPage, '/en/account/inquiries (officer)', officerErrors);
    await officer.close();

    const buyer = await browser().newContext();
    const page = await buyer.newPage();
    const errors = consoleErrors(page);
    await page.goto(`${baseUrl}/en/inquiries/status?reference=${inquiry.reference}`);
    await page.fill('#field-contact', 'axe@example.com');
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    await page.waitForSelector('#inquiry-heading');
    expect(await page.textContent('main')).toContain('Samples leave on Monday.');
    await expectAccessible(page, '/en/inquiries/status (found)', errors);

    // The private thread page from the receipt (development outbox), and its answer form showing an error.
    const outbox = await (await fetch(`${baseUrl}/dev/outbox`)).text();
    const mail = outbox.split('<article').find((article) => article.includes('axe@example.com')) ?? '';
    const token = /\/(?:inquiries\/conversation|hoi-hang\/trao-doi)\/([a-z2-7]{52})/.exec(mail)?.[1] ?? '';
    expect(token).not.toBe('');
    for (const url of [`/en/inquiries/conversation/${token}`, `/hoi-hang/trao-doi/${token}`]) {
      expect((await page.goto(`${baseUrl}${url}`))?.status(), url).toBe(200);
      expect(await page.textContent('main')).toContain('Samples leave on Monday.');
      await expectAccessible(page, url, errors);
    }
    await Promise.all([page.waitForLoadState('load'), page.click('form:has(#field-body) button[type=submit]')]);
    await page.waitForSelector('#field-body-error');
    // The refused answer is a 422 document, which Chromium logs as a failed load: not a page error.
    await expectAccessible(
      page,
      '/hoi-hang/trao-doi (errors)',
      errors.filter((e) => !/422/.test(e)),
    );
    await buyer.close();
  });

  it('the product form with a photo and a refused file, and the profile form, have no axe violations', async () => {
    const context = await signedInContext('quanly1@cho-htx.test', 'demo-manager-2026');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${baseUrl}/tai-khoan/san-pham/moi`);
    await page.fill('#field-nameVi', 'Sản phẩm kiểm tra trợ năng');
    await page.setInputFiles('#field-newImages', [
      { name: 'that.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(800, 600) },
      { name: 'gia.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]:has-text("Tạo bản nháp")')]);
    await page.waitForSelector('#field-newImages-error');
    expect(await page.textContent('#field-newImages-error')).toContain('gia.jpg');
    expect(await page.$$('.photo-row')).toHaveLength(1);
    await expectAccessible(page, '/tai-khoan/san-pham/moi (photo and errors)', errors);
    await checkSignedInPage(context, '/en/account/cooperative');
    await context.close();
  });

  it('an event with a cover: the cover form after an upload, and the event page and list in both languages', async () => {
    const context = await signedInContext('canbo@cho-htx.test', 'demo-officer-2026');
    const list = (await (await fetch(`${baseUrl}/api/v1/events?limit=1`)).json()) as { items: { slug: string }[] };
    const slug = list.items[0]?.slug ?? '';
    const edit = `/tai-khoan/su-kien-quan-ly/${slug}/sua`;
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(`${baseUrl}${edit}`);
    await page.setInputFiles('#field-coverFile', [
      { name: 'bia.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(1600, 900) },
    ]);
    await page.fill('#field-coverAltVi', 'Gian hàng dưới mái bạt');
    await Promise.all([page.waitForURL(/done=cover/), page.click('button[type=submit]:has-text("Lưu ảnh bìa")')]);
    expect(await page.$$('.cover-current__image')).toHaveLength(1);
    await expectAccessible(page, `${edit} (with a cover)`, errors);
    for (const url of [`/su-kien/${slug}`, `/en/events/${slug}`, '/su-kien']) {
      const shown = await context.newPage();
      const shownErrors = consoleErrors(shown);
      await shown.goto(`${baseUrl}${url}`);
      expect(await shown.$$(url === '/su-kien' ? '.event-item__cover' : '.event-page__cover'), url).toHaveLength(1);
      await expectAccessible(shown, `${url} (with a cover)`, shownErrors);
    }
    await context.close();
  });

  it('the inquiry form showing its errors has no axe violations', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/422/.test(message.text())) errors.push(message.text());
    });
    const product = await firstLink('/san-pham', /^\/san-pham\/[a-z0-9-]+$/);
    await page.goto(`${baseUrl}${product}`);
    await page.fill('#field-name', 'Khách');
    await page.fill('#field-email', 'khach@');
    await Promise.all([page.waitForLoadState('load'), page.click('form.inquiry-form button[type=submit]')]);
    await page.waitForSelector('#field-email-error');
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#field-name')).toBe('Khách');
    await expectAccessible(page, '/hoi-hang (errors)', errors);
    await context.close();
  });
});
