/**
 * The cooperative profile form over HTTP: the manager proposes a change to
 * the directory fields (errors next to them, values kept; a commune its
 * province lacks refused, its communes offered), which waits for a
 * trade officer while the public page keeps the published profile; approved,
 * the public page shows it; rejected, the manager reads the reason and
 * withdraws it. Members who are not the manager, other cooperatives'
 * managers and officers are refused, crafted fields change nothing, and
 * typed markup comes back escaped.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn, freshMember } = site(baseUrl);

/** The form's current values: inputs, selected options and textareas. */
function formValues(html: string): Record<string, string> {
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([a-zA-Z]+)"[^>]*value="([^"]*)"/g))
    values[m[1] as string] = unescape(m[2] as string);
  for (const m of html.matchAll(/<input[^>]*name="([a-zA-Z]+)"[^>]*value(?=[\s>])(?!=)/g))
    values[m[1] as string] ??= '';
  for (const m of html.matchAll(/<select[^>]*name="([a-zA-Z]+)"[\s\S]*?<\/select>/g)) {
    values[m[1] as string] = /<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '';
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([a-zA-Z]+)"[^>]*>([^<]*)<\/textarea>/g))
    values[m[1] as string] = unescape(m[2] as string);
  return values;
}

describe('dashboard: cooperative profile', async () => {
  const manager = await signIn('quanly2@cho-htx.test');
  const member = await freshMember('quanly2@cho-htx.test');
  const otherManager = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const path = '/tai-khoan/ho-so-hop-tac-xa';

  it('only the manager of the cooperative opens it', async () => {
    expect((await get(path, manager)).status).toBe(200);
    expect((await get(path, member)).status).toBe(403);
    expect((await get(path, officer)).status).toBe(403);
    expect((await get(path)).status).toBe(303);
  });

  it('shows errors next to the fields, keeps values, and saves nothing', async () => {
    const values = formValues(await (await get(path, manager)).text());
    const res = await post(
      path,
      { ...values, foundedYear: '1800', website: 'javascript:alert(1)', classificationYear: '', classification: 'tot' },
      manager,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-foundedYear-error"/);
    expect(html).toMatch(/id="field-website-error"/);
    expect(html).toMatch(/id="field-classificationYear-error"/);
    expect(html).toMatch(/name="foundedYear"[^>]*value="1800"/);
  });

  it('offers the province’s communes, and refuses one the province lacks next to the field, in the reader’s language', async () => {
    const form = await (await get(path, manager)).text();
    const values = formValues(form);
    expect(form).toMatch(/<input[^>]*name="commune"[^>]*list="field-commune-suggestions"/);
    const offered = /<datalist id="field-commune-suggestions">([\s\S]*?)<\/datalist>/.exec(form)?.[1] ?? '';
    expect(offered).toContain(`<option value="${values.commune}">`);
    expect(offered.match(/<option /g)?.length).toBeGreaterThan(20);

    const res = await post(path, { ...values, commune: 'Xã Không Có Thật' }, manager);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-commune-error"[^>]*>\s*Tỉnh\/thành phố này không có xã, phường hay đặc khu/);
    const en = await post('/en/account/cooperative', { ...values, commune: values.commune + 'x' }, manager);
    expect(en.status).toBe(422);
    expect(await en.text()).toMatch(/id="field-commune-error"[^>]*>\s*The province has no commune[^<]*Did you mean “/);
  });

  /** The officer's review page of the cooperative's pending change, from the queue (by the cooperative's published name). */
  async function queuedChange(name: string): Promise<string> {
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;');
    const review = new RegExp(`href="(/tai-khoan/kiem-duyet/thay-doi/[a-z0-9]+)"[^>]*>${literal}<`).exec(queue)?.[1];
    if (!review) throw new Error(`no pending change of ${name} in the queue`);
    return review;
  }

  async function approveAsOfficer(name: string) {
    const review = await queuedChange(name);
    const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
    const approved = await post(review, { decision: 'approve', version }, officer);
    expect(approved.status).toBe(303);
  }

  it('a change waits for review (public page unchanged), then is public, escaped; crafted fields are ignored', async () => {
    const page = await (await get(path, manager)).text();
    const values = formValues(page);
    const slug = /href="\/hop-tac-xa\/([a-z0-9-]+)"/.exec(page)?.[1];
    const description = `Giới thiệu mới <img src=x onerror=alert(1)> ${Date.now()}`;
    const res = await post(
      path,
      { ...values, descriptionVi: description, verified: '1', status: 'dissolved', slug: 'hijacked' },
      manager,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?done=proposed`);
    expect(await (await get(`/hop-tac-xa/${slug}`)).text()).not.toContain('Giới thiệu mới');
    const pending = await (await get(path, manager)).text();
    expect(pending).toContain('Có thay đổi đang chờ Sở Công Thương duyệt');
    expect(formValues(pending).descriptionVi).toBe(description);

    const review = await (await get(await queuedChange(values.name ?? ''), officer)).text();
    expect(review).toContain('Thay đổi hồ sơ hợp tác xã');
    expect(review).toMatch(/<ins[^>]*>Giới thiệu mới &lt;img src=x onerror=alert\(1\)&gt;/);
    await approveAsOfficer(values.name ?? '');

    const publicPage = await get(`/hop-tac-xa/${slug}`);
    expect(publicPage.status).toBe(200);
    const html = await publicPage.text();
    expect(html).toContain(description.replace('<', '&lt;').replace('>', '&gt;'));
    // In a quoted attribute (the meta description) `<` is inert; anywhere else it must be escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<img src=x');
    // Crafted fields went nowhere: the cooperative is still active at its own address.
    expect((await get('/hop-tac-xa/hijacked')).status).toBe(404);
    // The demo catalogue is shared with the other tests: put the description back (reviewed like any change).
    expect((await post(path, values, manager)).status).toBe(303);
    await approveAsOfficer(values.name ?? '');
    expect(await (await get(`/hop-tac-xa/${slug}`)).text()).not.toContain('Giới thiệu mới');
  });

  it('a rejected change shows its reason to the manager, who withdraws it', async () => {
    const values = formValues(await (await get(path, manager)).text());
    expect((await post(path, { ...values, phone: '0912 000 111' }, manager)).status).toBe(303);
    const review = await queuedChange(values.name ?? '');
    const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
    expect(
      (await post(review, { decision: 'reject', version, reason: 'Số điện thoại <không> liên lạc được.' }, officer))
        .status,
    ).toBe(303);
    const rejected = await (await get(path, manager)).text();
    expect(rejected).toContain('Số điện thoại &lt;không&gt; liên lạc được.');
    expect(formValues(rejected).phone).toBe('0912 000 111');
    // A plain member of the cooperative cannot withdraw it.
    expect((await post(path, { intent: 'withdraw' }, member)).status).toBe(403);
    const withdrawn = await post(path, { intent: 'withdraw' }, manager);
    expect(withdrawn.status).toBe(303);
    const after = await (await get(withdrawn.headers.get('location') ?? '', manager)).text();
    expect(after).toContain('Đã rút lại thay đổi');
    expect(formValues(after).phone).toBe(values.phone);
  });

  it("refuses another cooperative's manager and other origins", async () => {
    const values = formValues(await (await get(path, manager)).text());
    // Posted by the first cooperative's manager, the form edits the first cooperative, never this one.
    const other = await post(path, { ...values, name: 'Không được đổi' }, otherManager);
    expect(other.status).not.toBe(303);
    expect(await (await get(path, manager)).text()).not.toContain('Không được đổi');
    expect(await (await get('/tai-khoan/kiem-duyet', officer)).text()).not.toContain('Không được đổi');
    const forged = await post(path, { ...values, name: 'Giả mạo' }, manager, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(await (await get(path, manager)).text()).not.toContain('Giả mạo');
  });
});
