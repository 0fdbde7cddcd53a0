/**
 * Issue #17's whole journey of a claim in Chromium: a cooperative member
 * declares an organic certificate with its PDF on the product's dashboard
 * page; it is pending and nowhere public; a trade officer verifies it in the
 * claims queue; the product page and the batch's trace page then show it with
 * "Xác minh bởi Sở Công Thương … ngày …" and a link to the evidence the member
 * let the public download. axe checks each claim page on the way, in the
 * state the journey leaves it (a pending claim listed, a claim in the queue).
 *
 * On a product of its own (made and approved over HTTP first, taken down at
 * the end), so the demo catalogue other files read keeps its certificates.
 */

import { describe, expect, inject, it } from 'vitest';
import { formatCalendarDate } from '../../src/i18n';
import { axeViolations } from '../support/axe';
import { collectErrors, chromiumForTests, signedInPage } from '../support/chromium';
import { pdf } from '../support/evidence';
import { textOf } from '../support/html';
import { horizontalOverflow } from '../support/layout';
import { nextAddress, site } from '../support/site';
import { validBatch, validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { get, post, postWithPhoto, signIn } = site(baseUrl);

/** "Xác minh bởi Sở Công Thương Hà Nội ngày 3/12/2026", in the page's text. */
const VERIFIED_BY_VI = /Xác minh bởi Sở Công Thương [^\d]+ ngày \d{1,2}\/\d{1,2}\/20\d\d/;

/** A published product of quanly1's cooperative with one batch: its slug, trace code and lot. */
async function publishedProductWithBatch(): Promise<{ slug: string; name: string; lot: string }> {
  const manager = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const name = `Gạo hữu cơ hành trình ${Date.now() % 1_000_000}`;
  const created = await postWithPhoto('/tai-khoan/san-pham/moi', validProductForm({ nameVi: name }), manager);
  expect(created.status).toBe(303);
  const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
  const slug = path.split('/').pop() ?? '';
  expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
  const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
  const review = new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9]+)"[^>]*>${name}<`).exec(queue)?.[1];
  if (!review) throw new Error(`${name} is not in the moderation queue`);
  const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
  expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);
  const lot = `HC-${Date.now() % 1_000_000}`;
  const batch = await fetch(`${baseUrl}/api/v1/products/${slug}/batches`, {
    method: 'POST',
    headers: {
      origin: new URL(baseUrl).origin,
      'content-type': 'application/json',
      'cf-connecting-ip': nextAddress(),
      cookie: manager,
    },
    body: JSON.stringify(validBatch(lot)),
  });
  expect(batch.status, await batch.clone().text()).toBe(201);
  return { slug, name, lot };
}

describe('a certificate from declaration to the public pages', () => {
  const browser = chromiumForTests();

  /** Console errors and page errors of every page; none is expected. */
  const errors: string[] = [];

  it('member declares an organic certificate with a PDF, an officer verifies it, the product and trace pages say by whom', async () => {
    const { slug, name, lot } = await publishedProductWithBatch();
    const number = `HC-${Date.now() % 1_000_000}/2026`;

    // The member, from the product's dashboard page to its certificates.
    const member = await signedInPage(browser(), baseUrl, 'quanly1@cho-htx.test', errors);
    await member.goto(`${baseUrl}/tai-khoan/san-pham/${slug}`);
    const certificates = `/tai-khoan/san-pham/${slug}/chung-nhan`;
    await Promise.all([member.waitForURL(`${baseUrl}${certificates}`), member.click(`a[href="${certificates}"]`)]);
    await member.selectOption('#field-kind', 'organic');
    await member.fill('#field-number', number);
    await member.fill('#field-issuer', 'Trung tâm Chứng nhận Hữu cơ thử nghiệm');
    await member.fill('#field-validFrom', '2026-01-15');
    await member.fill('#field-validUntil', '2029-01-14');
    await member.setInputFiles('#field-evidence', {
      name: 'chung-nhan-huu-co.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf()),
    });
    await member.check('input[name=evidencePublic]');
    await Promise.all([member.waitForURL(/\?saved=1$/), member.click('main form button[type=submit]')]);
    const listed = member.locator('tr', { hasText: number });
    expect(await listed.textContent()).toContain('Chờ Sở Công Thương xác minh');
    expect(await axeViolations(member), 'certificates of a product, one pending (vi)').toEqual([]);
    expect(await horizontalOverflow(member)).toEqual([]);

    // Pending: on no public page.
    expect(await (await fetch(`${baseUrl}/san-pham/${slug}`)).text()).not.toContain(number);

    // The officer, in the claims queue: the entered fields beside the evidence, then verify.
    const officer = await signedInPage(browser(), baseUrl, 'canbo@cho-htx.test', errors);
    await officer.goto(`${baseUrl}/tai-khoan/xac-minh`);
    const card = officer.locator('article.claim-queue__item', { hasText: number });
    const facts = textOf(await card.innerHTML());
    expect(facts).toContain(name);
    expect(facts).toContain('Trung tâm Chứng nhận Hữu cơ thử nghiệm');
    expect(facts).toContain(formatCalendarDate('2026-01-15', 'vi'));
    const evidence = await card.locator('a', { hasText: 'Xem bằng chứng' }).getAttribute('href');
    expect(evidence).toMatch(/^\/media\/evidence\/certificate\/[a-z0-9]+$/);
    // The file is served as a download, never shown on our origin.
    const download = await get(evidence ?? '', await signIn('canbo@cho-htx.test'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await axeViolations(officer), 'claims queue with the certificate (vi)').toEqual([]);
    await Promise.all([
      officer.waitForURL(/\/tai-khoan\/xac-minh\?done=verify/),
      card.locator('button[value=verify]').click(),
    ]);
    expect(await officer.textContent('[role=status]')).toContain(`Đã xác minh: ${name}`);
    expect(await officer.locator('article.claim-queue__item', { hasText: number }).count()).toBe(0);

    // The member's list says nothing is waiting any more.
    await member.reload();
    expect(await member.locator('tr', { hasText: number }).textContent()).not.toContain('Chờ Sở Công Thương xác minh');

    // The public: the product page and the batch's trace page, in Vietnamese, say who verified it and when.
    const visitor = await browser().newPage();
    collectErrors(visitor, errors);
    await visitor.goto(`${baseUrl}/san-pham/${slug}`);
    const row = visitor.locator('tr', { hasText: number });
    const publicRow = (await row.textContent()) ?? '';
    expect(publicRow).toContain('Hữu cơ');
    expect(publicRow).toMatch(VERIFIED_BY_VI);
    expect(await row.locator(`a[href="${evidence}"]`).count()).toBe(1);
    const trace = await visitor.locator('a[href^="/truy-xuat/"]').first().getAttribute('href');
    expect(trace).toMatch(new RegExp(`^/truy-xuat/[^/]+/lo/${lot}$`));
    await visitor.goto(`${baseUrl}${trace}`);
    const traced = (await visitor.locator('tr', { hasText: number }).textContent()) ?? '';
    expect(traced).toMatch(VERIFIED_BY_VI);
    // The trust summary before the timeline counts it among the valid certificates.
    expect(await visitor.locator('main').textContent()).toContain('Hữu cơ');
    await visitor.close();

    // The member edits the verified certificate (pending again); meanwhile an officer revokes the verified version
    // through the API. The queue tells the officer deciding the edit, before the decision, what happened and what
    // verifying would do.
    const id = evidence?.split('/').pop() ?? '';
    await member.goto(`${baseUrl}${certificates}/${id}`);
    await member.fill('#field-validUntil', '2029-06-30');
    await Promise.all([member.waitForURL(/\?saved=1$/), member.click('main form button[type=submit]')]);
    await officer.goto(`${baseUrl}/tai-khoan/xac-minh`);
    const edited = officer.locator('article.claim-queue__item', { hasText: number });
    const version = Number(await edited.locator('input[name=version]').getAttribute('value'));
    const reason = 'Tổ chức chứng nhận đã thu hồi giấy chứng nhận này.';
    const revoked = await fetch(`${baseUrl}/api/v1/admin/claims/certificate/${id}/revoke`, {
      method: 'POST',
      headers: {
        origin: new URL(baseUrl).origin,
        'content-type': 'application/json',
        'cf-connecting-ip': nextAddress(),
        cookie: await signIn('canbo@cho-htx.test'),
      },
      body: JSON.stringify({ reason, version }),
    });
    expect(revoked.status, await revoked.clone().text()).toBe(200);
    await officer.reload();
    const note = (await edited.locator('.claim-queue__revoked').textContent()) ?? '';
    expect(note).toContain(reason);
    expect(note).toContain('Bản đã xác minh trước đây bị thu hồi ngày');
    expect(note).toContain('Xác minh bản sửa này sẽ công khai nó thay cho bản đã thu hồi');
    expect(await axeViolations(officer), 'claims queue with an edit whose verified version was revoked (vi)').toEqual(
      [],
    );
    await officer.goto(`${baseUrl}/en/account/verification`);
    expect(await officer.locator('article.claim-queue__item', { hasText: number }).textContent()).toContain(
      'Its verified version was revoked on',
    );
    expect(textOf(await (await fetch(`${baseUrl}/san-pham/${slug}`)).text())).toContain(`: ${reason}`);

    // The demo catalogue is shared with the other tests: take the product down again.
    await member.goto(`${baseUrl}/tai-khoan/san-pham/${slug}`);
    await Promise.all([member.waitForURL(/done=unpublished/), member.click('button:has-text("Ngừng công khai")')]);
    await member.close();
    await officer.close();
    expect(errors).toEqual([]);
    // Two signed-in browsers, a product approved and a claim decided twice: longer than one page's test.
  }, 300_000);
});
