/**
 * The trade department's console on the built worker: every page refuses
 * people who are not officers, its forms work without script (errors next
 * to fields, values kept), and what it changes shows where it should.
 */
import readExcelFile from 'read-excel-file/node';
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn, freshMember } = site(baseUrl);

const CONSOLE_PAGES = [
  '/quan-tri/thong-ke',
  '/en/admin/statistics?province=ha-noi',
  '/quan-tri/chi-tieu',
  '/en/admin/targets/new',
  '/quan-tri/nhat-ky',
  '/en/admin/audit-log?type=product',
  '/quan-tri/hop-tac-xa?status=active',
  '/en/admin/cooperatives',
];

/**
 * What in the audit table reads as a code rather than words: an action code
 * (`cooperative.suspended`), JSON, a <code> element. Emails aside, which
 * have dots of their own.
 */
function noRawCodes(html: string): string[] {
  const table = html.split('<table class="audit')[1]?.split('</table>')[0];
  if (table === undefined) throw new Error('no audit table on the page');
  const text = textOf(table).replace(/[\w.+-]+@[\w.-]+/g, '');
  return [...text.matchAll(/\b[a-z_]+\.[a-z_]+\b|\{"/g), ...table.matchAll(/<code\b/g)].map((match) => match[0]);
}

/** A demo cooperative's slug, from the public API. */
async function cooperativeSlug(index = 0): Promise<string> {
  const list = (await (await fetch(`${baseUrl}/api/v1/cooperatives?limit=20`)).json()) as { items: { slug: string }[] };
  const slug = list.items[index]?.slug;
  if (!slug) throw new Error('no demo cooperative');
  return slug;
}

describe('who may open the console', () => {
  it.each(CONSOLE_PAGES)(
    '%s: sign-in for strangers, 403 for a cooperative manager, open to officers and admins',
    async (path) => {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/(en\/sign-in|dang-nhap)\?next=/);
      expect((await get(path, await signIn('quanly1@cho-htx.test'))).status).toBe(403);
      expect((await get(path, await signIn('canbo@cho-htx.test'))).status).toBe(200);
      expect((await get(path, await signIn('admin@cho-htx.test'))).status).toBe(200);
    },
  );

  it('sends /quan-tri to its statistics, and refuses a member a cooperative page and a target form post', async () => {
    const front = await get('/quan-tri');
    expect(front.status).toBe(303);
    expect(front.headers.get('location')).toBe('/quan-tri/thong-ke');
    const manager = await signIn('quanly1@cho-htx.test');
    expect((await get(`/quan-tri/hop-tac-xa/${await cooperativeSlug()}`, manager)).status).toBe(403);
    const posted = await post(
      '/quan-tri/chi-tieu/moi',
      { province: 'ha-noi', metric: 'ocop_products', minimum: '10', dueDate: '2030-12-31' },
      manager,
    );
    expect(posted.status).toBe(403);
  });

  it("is linked from an officer's account page and kept from search engines", async () => {
    const html = await (await get('/tai-khoan', await signIn('canbo@cho-htx.test'))).text();
    expect(html).toContain('href="/quan-tri/thong-ke"');
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain('Disallow: /quan-tri');
    expect(robots).toContain('Disallow: /en/admin');
  });
});

describe('province targets through the forms', () => {
  it('shows errors next to the fields with the values kept, then saves, lists with progress and deletes', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    // A due date of its own, so a run that stopped half-way leaves nothing this one collides with.
    const due = `${2030 + (Date.now() % 19)}-0${1 + (Date.now() % 9)}-1${Date.now() % 10}`;
    const bad = await post(
      '/quan-tri/chi-tieu/moi',
      {
        province: 'hue',
        metric: 'value_chain_share',
        minimum: '150',
        maximum: '',
        dueDate: '2020-05-01',
        source: 'KH 12/KH-UBND',
      },
      officer,
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="field-minimum-error"[^>]*>Tỉ lệ không thể vượt quá 100 %\./);
    expect(html).toMatch(/id="field-dueDate-error"[^>]*>Ngày này đã qua\./);
    expect(html).toContain('value="KH 12/KH-UBND"');
    expect(html).toMatch(/<option value="hue" selected/);

    const saved = await post(
      '/quan-tri/chi-tieu/moi',
      {
        province: 'hue',
        metric: 'value_chain_share',
        minimum: '40,5',
        maximum: '',
        dueDate: due,
        source: 'KH 12/KH-UBND',
      },
      officer,
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/quan-tri/chi-tieu?done=created');
    const list = await (await get('/quan-tri/chi-tieu?done=created', officer)).text();
    expect(textOf(list)).toContain('Đã thêm chỉ tiêu.');
    expect(textOf(list)).toMatch(/Tỉ lệ hợp tác xã tham gia liên kết chuỗi\s*KH 12\/KH-UBND\s*ít nhất 40,5 %/);
    // The edit link of this target: its form holds the due date.
    let edit: string | undefined;
    for (const [, href] of list.matchAll(/href="(\/quan-tri\/chi-tieu\/(?!moi")[A-Za-z0-9_-]+)"/g)) {
      if ((await (await get(href as string, officer)).text()).includes(`value="${due}"`)) edit = href;
    }
    expect(edit).toBeDefined();

    // The province's console view shows it too, in English.
    const hue = textOf(await (await get('/en/admin/statistics?province=hue', officer)).text());
    expect(hue).toContain('Targets of Hue');
    expect(hue).toContain('Share of cooperatives in a value chain');

    const deleted = await post(edit as string, { intent: 'delete' }, officer);
    expect(deleted.status).toBe(303);
    expect((await get(edit as string, officer)).status).toBe(404);
  });
});

describe("a cooperative's standing through the forms", () => {
  it('suspends with a reason the members see, hides the public page, logs it, and reinstates', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const member = await freshMember('quanly1@cho-htx.test');
    const account = await (await get('/tai-khoan', member)).text();
    const slug = /href="\/hop-tac-xa\/([a-z0-9-]+)"/.exec(account)?.[1] as string;
    expect(slug).toBeDefined();
    const path = `/quan-tri/hop-tac-xa/${slug}`;

    const tooShort = await post(path, { action: 'suspend', reason: 'ngắn' }, officer);
    expect(tooShort.status).toBe(422);
    expect(await tooShort.text()).toMatch(/id="field-suspend-reason-error"[^>]*>Cần ít nhất 10 ký tự\./);

    // With markup in it: officers' words are shown as text wherever they appear, never run.
    const reason = 'Hồ sơ chứng nhận VietGAP hết hạn <img src=x onerror=alert(1)>, chờ bổ sung.';
    try {
      const suspended = await post(path, { action: 'suspend', reason }, officer);
      expect(suspended.status).toBe(303);
      expect((await get(`/hop-tac-xa/${slug}`)).status).toBe(404);
      const accountHtml = await (await get('/tai-khoan', member)).text();
      expect(textOf(accountHtml)).toContain(`Lý do: ${reason}`);
      const pageHtml = await (await get(path, officer)).text();
      expect(textOf(pageHtml)).toContain(`Đang tạm ngừng hiển thị. Lý do: ${reason}`);
      const logHtml = await (await get(`/quan-tri/nhat-ky?record=${slug}`, officer)).text();
      // In people's words: who did what to which cooperative, and why; never the action's code.
      expect(textOf(logHtml)).toMatch(/Cán bộ .+ đã tạm ngừng hiển thị hợp tác xã /);
      expect(textOf(logHtml)).toContain(`Lý do: ${reason}`);
      expect(logHtml).toContain(`href="/hop-tac-xa/${slug}"`);
      expect(noRawCodes(logHtml)).toEqual([]);
      for (const html of [accountHtml, pageHtml, logHtml]) {
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      }
    } finally {
      const reinstated = await post(path, { action: 'reinstate', reason: 'Đã bổ sung hồ sơ chứng nhận.' }, officer);
      expect(reinstated.status).toBe(303);
    }
    expect((await get(`/hop-tac-xa/${slug}`)).status).toBe(200);
    expect(textOf(await (await get('/tai-khoan', member)).text())).not.toContain(reason);

    // The same entries as files, in the same words: members are refused them as they are the page.
    const csvPath = `/quan-tri/nhat-ky?record=${slug}&format=csv`;
    expect((await get(csvPath)).status).toBe(303);
    const refused = await get(csvPath, member);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
    const csv = await get(csvPath, officer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="nhat-ky-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csvText = await csv.text();
    // (fetch's text() drops the byte order mark the file starts with.)
    expect(csvText.split('\r\n')[0]).toBe('Thời điểm,Nội dung,Người thực hiện,Email,Bản ghi,Chi tiết');
    expect(csvText).toMatch(/đã tạm ngừng hiển thị hợp tác xã .*\r\n/);
    expect(csvText).toContain('đã cho hợp tác xã');
    expect(csvText).not.toContain('cooperative.suspended');
    const xlsx = await get(`/en/admin/audit-log?record=${slug}&format=xlsx`, officer);
    expect(xlsx.status).toBe(200);
    const [sheet] = await readExcelFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet!.data[0]).toEqual(['When', 'What happened', 'Who', 'Email', 'Record', 'Details']);
    const sentences = sheet!.data.slice(1).map((row) => String(row[1]));
    expect(sentences.some((text) => / suspended cooperative .+ from the public site$/.test(text))).toBe(true);
    expect(sheet!.data[1]![0]).toBeInstanceOf(Date);
  });
});

describe('the audit log page', () => {
  it('answers 400 with a message next to a malformed date, and keeps the search', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const res = await get('/en/admin/audit-log?from=2026-02-30&record=abc', officer);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="field-from-error"[^>]*>A real date is needed/);
    expect(html).toContain('value="abc"');
  });
});

describe("taking a product down from its cooperative's console page", () => {
  it("shows a short reason's error inside the open form, and refuses a product of another cooperative", async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const slug = await cooperativeSlug();
    const path = `/quan-tri/hop-tac-xa/${slug}`;
    const html = await (await get(path, officer)).text();
    const product = /name="product" value="([a-z0-9-]+)"/.exec(html)?.[1];
    expect(product).toBeDefined();
    const short = await post(path, { action: 'suspend_product', product: product as string, reason: 'sai' }, officer);
    expect(short.status).toBe(422);
    const page = await short.text();
    expect(page).toMatch(
      new RegExp(`<details class="takedown"[^>]*open[^>]*>[\\s\\S]*?id="field-product-${product}-reason-error"`),
    );
    expect((await fetch(`${baseUrl}/api/v1/products/${product}`)).status).toBe(200);

    const other = await cooperativeSlug(1);
    const foreign = await post(
      `/quan-tri/hop-tac-xa/${other}`,
      { action: 'suspend_product', product: product as string, reason: 'Một lý do đủ dài để hợp lệ.' },
      officer,
    );
    expect(foreign.status).toBe(400);
    expect((await fetch(`${baseUrl}/api/v1/products/${product}`)).status).toBe(200);
  });
});
