/**
 * The account navigation on the built worker: every page of the account area and the console carries it, whichever
 * component renders the page, with the current page marked and the counts of what waits; public pages do not.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, signIn } = site(baseUrl);

/** The account navigation of a page, or null. */
function accountNav(html: string): string | null {
  return /<nav class="wrap account-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? null;
}

/** The links of the navigation marked current, as [href, aria-current]. */
function marked(nav: string): [string, string][] {
  return [...nav.matchAll(/<a href="([^"]+)" aria-current="([^"]+)"/g)].map((match) => [match[1]!, match[2]!]);
}

async function page(path: string, cookie: string): Promise<string> {
  const res = await get(path, cookie);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('the account navigation', () => {
  it('is on every page of a member’s account area, the page itself marked, closed', async () => {
    const manager = await signIn('quanly1@cho-htx.test');
    const products = await page('/tai-khoan/san-pham', manager);
    const batches = /href="(\/tai-khoan\/san-pham\/[a-z0-9-]+\/lo-hang)"/.exec(products)?.[1];
    expect(batches).toBeTruthy();
    const pages: [string, [string, string]][] = [
      ['/tai-khoan', ['/tai-khoan', 'page']],
      ['/tai-khoan/hoi-hang', ['/tai-khoan/hoi-hang', 'page']],
      ['/tai-khoan/san-pham', ['/tai-khoan/san-pham', 'page']],
      // Below a link: that link is the page's place (aria-current="true"), the page itself is not in the menu.
      [batches!, ['/tai-khoan/san-pham', 'true']],
      ['/tai-khoan/su-kien', ['/tai-khoan/su-kien', 'page']],
      ['/tai-khoan/ho-so-hop-tac-xa', ['/tai-khoan/ho-so-hop-tac-xa', 'page']],
      ['/tai-khoan/thong-bao', ['/tai-khoan/thong-bao', 'page']],
      ['/tai-khoan/du-lieu-cua-toi', ['/tai-khoan/du-lieu-cua-toi', 'page']],
      ['/en/account/password', ['/en/account/password', 'page']],
      ['/en/account/invite', ['/en/account/invite', 'page']],
    ];
    for (const [path, current] of pages) {
      const nav = accountNav(await page(path, manager));
      expect(nav, path).not.toBeNull();
      // One mark, even where two links lead to the same page (products, and the claims declared on them).
      expect(marked(nav!), path).toEqual([current]);
      // Closed everywhere, the home included: open, it would fill a phone's first screens (no script to close it).
      expect(nav, path).toMatch(/<details(?![^>]*\bopen\b)[^>]*>\s*<summary/);
      expect(nav, path).toContain(path.startsWith('/en/') ? 'Account menu' : 'Menu tài khoản');
    }
  });

  it('counts a member’s unanswered inquiries beside the inbox link', async () => {
    const manager = await signIn('quanly2@cho-htx.test');
    const me = (await (await get('/api/v1/me', manager)).json()) as { cooperative: { slug: string } };
    const created = await fetch(`${baseUrl}/api/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.252' },
      body: JSON.stringify({
        cooperative: me.cooperative.slug,
        name: 'Nav Buyer',
        email: 'nav-buyer@example.com',
        country: 'VN',
        message: 'Xin báo giá mật ong.',
        consent: true,
      }),
    });
    expect(created.status).toBe(201);
    const nav = accountNav(await page('/tai-khoan/doi-mat-khau', manager))!;
    const inbox =
      /<a href="\/tai-khoan\/hoi-hang"[^>]*>[^<]*<\/a>\s*(<span class="unread-badge"[^>]*>([^<]*)<\/span>)?/.exec(nav);
    expect(Number(/^(\d+) chưa trả lời$/.exec(inbox?.[2] ?? '')?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('is on the console and the officers’ pages, with the queues counted', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    for (const [path, current] of [
      ['/quan-tri/thong-ke', '/quan-tri/thong-ke'],
      ['/en/admin/audit-log', '/en/admin/audit-log'],
      ['/tai-khoan/kiem-duyet', '/tai-khoan/kiem-duyet'],
      ['/tai-khoan/xac-minh', '/tai-khoan/xac-minh'],
    ] as const) {
      const nav = accountNav(await page(path, officer));
      expect(nav, path).not.toBeNull();
      expect(marked(nav!), path).toEqual([[current, 'page']]);
    }
    const nav = accountNav(await page('/tai-khoan/kiem-duyet', officer))!;
    // The demo seed holds submitted products: the moderation link says how many wait.
    expect(nav).toMatch(
      /href="\/tai-khoan\/kiem-duyet"[^>]*>[^<]*<\/a>\s*<span class="unread-badge"[^>]*>\d+ đang chờ/,
    );
    expect(nav).toMatch(/<summary[^>]*>\s*Menu tài khoản\s*<span class="unread-badge"[^>]*>\d+ việc đang chờ/);
  });

  it('is the console’s one navigation, reaching every console section', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const sections = [
      '/quan-tri/thong-ke',
      '/quan-tri/chi-tieu',
      '/quan-tri/bao-cao',
      '/quan-tri/hop-tac-xa',
      '/quan-tri/nhat-ky',
      '/quan-tri/du-lieu-ca-nhan',
      '/quan-tri/nhung-lich',
      '/tai-khoan/kiem-duyet',
      '/tai-khoan/xac-minh',
      '/tai-khoan/su-kien-quan-ly',
    ];
    for (const path of ['/quan-tri/thong-ke', '/quan-tri/chi-tieu/moi', '/quan-tri/nhat-ky']) {
      const html = await page(path, officer);
      // One menu: no second row of console links beside the account menu.
      expect(html, path).not.toContain('class="console-nav');
      const nav = accountNav(html)!;
      for (const section of sections) expect(nav, `${path} → ${section}`).toContain(`href="${section}"`);
    }
    expect(marked(accountNav(await page('/quan-tri/chi-tieu/moi', officer))!)).toEqual([
      ['/quan-tri/chi-tieu', 'true'],
    ]);
  });

  it('is not on public pages, signed in or not', async () => {
    const manager = await signIn('quanly1@cho-htx.test');
    for (const path of ['/', '/san-pham', '/en/events']) expect(accountNav(await page(path, manager)), path).toBeNull();
    expect(accountNav(await (await get('/dang-nhap')).text())).toBeNull();
  });
});
