/**
 * The cooperative profile form over HTTP: the manager edits the directory
 * fields (errors next to them, values kept), the public page shows the
 * change, a rename clears the verified mark; members who are not the
 * manager, other cooperatives' managers and officers are refused, crafted
 * fields change nothing, and typed markup comes back escaped.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn, freshMember } = site(baseUrl);

/** The form's current values: inputs, selected options and textareas. */
function formValues(html: string): Record<string, string> {
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([a-zA-Z]+)"[^>]*value="([^"]*)"/g)) values[m[1] as string] = unescape(m[2] as string);
  for (const m of html.matchAll(/<input[^>]*name="([a-zA-Z]+)"[^>]*value(?=[\s>])(?!=)/g)) values[m[1] as string] ??= '';
  for (const m of html.matchAll(/<select[^>]*name="([a-zA-Z]+)"[\s\S]*?<\/select>/g)) {
    values[m[1] as string] = /<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '';
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([a-zA-Z]+)"[^>]*>([^<]*)<\/textarea>/g)) values[m[1] as string] = unescape(m[2] as string);
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
    const res = await post(path, { ...values, foundedYear: '1800', website: 'javascript:alert(1)', classificationYear: '' , classification: 'tot' }, manager);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-foundedYear-error"/);
    expect(html).toMatch(/id="field-website-error"/);
    expect(html).toMatch(/id="field-classificationYear-error"/);
    expect(html).toMatch(/name="foundedYear"[^>]*value="1800"/);
  });

  it('saves a description (escaped on the public page) and ignores crafted fields', async () => {
    const page = await (await get(path, manager)).text();
    const values = formValues(page);
    const slug = /href="\/hop-tac-xa\/([a-z0-9-]+)"/.exec(page)?.[1];
    const description = `Giới thiệu mới <img src=x onerror=alert(1)> ${Date.now()}`;
    const res = await post(path, { ...values, descriptionVi: description, verified: '1', status: 'dissolved', slug: 'hijacked' }, manager);
    expect(res.status).toBe(303);
    const publicPage = await get(`/hop-tac-xa/${slug}`);
    expect(publicPage.status).toBe(200);
    const html = await publicPage.text();
    expect(html).toContain(description.replace('<', '&lt;').replace('>', '&gt;'));
    // In a quoted attribute (the meta description) `<` is inert; anywhere else it must be escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<img src=x');
    // The demo catalogue is shared with the other tests: put the description back.
    expect((await post(path, values, manager)).status).toBe(303);
  });

  it("refuses another cooperative's manager and other origins", async () => {
    const values = formValues(await (await get(path, manager)).text());
    // Posted by the first cooperative's manager, the form edits the first cooperative, never this one.
    const other = await post(path, { ...values, name: 'Không được đổi' }, otherManager);
    expect(other.status).not.toBe(303);
    expect(await (await get(path, manager)).text()).not.toContain('Không được đổi');
    const forged = await post(path, { ...values, name: 'Giả mạo' }, manager, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(await (await get(path, manager)).text()).not.toContain('Giả mạo');
  });
});
