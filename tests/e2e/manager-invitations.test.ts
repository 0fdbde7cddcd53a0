/**
 * The trade officers' page for inviting a cooperative's manager, over HTTP
 * on the built worker: officers find a cooperative without a manager, invite
 * someone by email, and the mail in the development outbox lets that person
 * create their account as the cooperative's manager. Refused: members and
 * visitors, a bad email (next to the field), a cooperative that already has
 * a manager unless replacing is ticked, another origin.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

/** The "invite a manager" links of the page: cooperative ids in list order. */
const chosenIds = (html: string) =>
  [...html.matchAll(/href="\/tai-khoan\/moi-quan-ly\?(?:q=[^"&]*&amp;)?cooperative=([^"]+)"/g)].map(
    (m) => m[1] as string,
  );

async function signUpLink(email: string): Promise<string> {
  const outbox = await (await get('/dev/outbox')).text();
  const mail = outbox.split('<article').find((article) => article.includes(email));
  const link = mail && /href="(http[^"]+)"/.exec(mail)?.[1];
  if (!link) throw new Error(`no invitation mailed to ${email}`);
  return new URL(link.replaceAll('&amp;', '&')).searchParams.get('code') ?? '';
}

describe('inviting a cooperative’s manager', async () => {
  const officer = await signIn('canbo@cho-htx.test');
  const manager = await signIn('quanly1@cho-htx.test');

  it('is for trade officers and admins: members get 403, visitors the sign-in page', async () => {
    expect((await get('/tai-khoan/moi-quan-ly', manager)).status).toBe(403);
    expect((await post('/tai-khoan/moi-quan-ly?cooperative=x', { email: 'a@example.test' }, manager)).status).toBe(403);
    const visitor = await get('/tai-khoan/moi-quan-ly');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    expect((await get('/en/account', officer)).status).toBe(200);
    expect(await (await get('/en/account', officer)).text()).toContain('href="/en/account/invite-manager"');
  });

  it('lists cooperatives without a manager; the invitee creates their account as its manager', async () => {
    const page = await (await get('/tai-khoan/moi-quan-ly', officer)).text();
    expect(page).toContain('Hợp tác xã chưa có người quản lý');
    const [cooperativeId] = chosenIds(page);
    expect(cooperativeId).toBeTruthy();
    const form = await (await get(`/tai-khoan/moi-quan-ly?cooperative=${cooperativeId}`, officer)).text();
    expect(form).toContain('Chưa có người quản lý');
    expect(form).not.toContain('name="replaceManager"');

    const bad = await post(
      `/tai-khoan/moi-quan-ly?cooperative=${cooperativeId}`,
      { email: 'không-phải-email' },
      officer,
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="field-email-error"[^>]*>Địa chỉ email không hợp lệ/);

    const email = `giam-doc-${Date.now()}@cho-htx.test`;
    const sent = await post(`/tai-khoan/moi-quan-ly?cooperative=${cooperativeId}`, { email }, officer);
    expect(sent.status).toBe(200);
    const sentPage = await sent.text();
    expect(sentPage).toContain(`tới ${email}`);
    expect(sentPage).toContain(`Đã mời ${email}`);

    const code = await signUpLink(email);
    const signUpPage = await (await get(`/dang-ky?code=${code}`)).text();
    expect(signUpPage).toContain(email);
    const created = await post('/dang-ky', {
      code,
      displayName: 'Giám đốc thử nghiệm',
      password: 'mật khẩu giám đốc thử nghiệm',
    });
    expect(created.status).toBe(303);
    const cookie = /(?:__Host-)?session=[^;]+/.exec(created.headers.get('set-cookie') ?? '')?.[0] ?? '';
    // The new account manages that cooperative: its profile and the member invitations are theirs.
    expect((await get('/tai-khoan/ho-so-hop-tac-xa', cookie)).status).toBe(200);
    expect((await get('/tai-khoan/moi-thanh-vien', cookie)).status).toBe(200);
    // And the cooperative has left the list of those without a manager.
    expect(chosenIds(await (await get('/tai-khoan/moi-quan-ly', officer)).text())).not.toContain(cooperativeId);
  });

  it('refuses a cooperative that has a manager unless the officer ticks "replace"', async () => {
    const found = await (await get('/tai-khoan/moi-quan-ly?q=Bát+Tràng', officer)).text();
    const [cooperativeId] = chosenIds(found);
    expect(found).toMatch(/Người quản lý: Nguyễn Văn An[^<]* \(quanly1@cho-htx\.test\)/);
    const path = `/tai-khoan/moi-quan-ly?q=B%C3%A1t+Tr%C3%A0ng&cooperative=${cooperativeId}`;
    const email = `thay-the-${Date.now()}@cho-htx.test`;
    const refused = await post(path, { email }, officer);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="field-replaceManager-error"[^>]*>Hợp tác xã này đã có người quản lý/);
    expect(html).toContain(`value="${email}"`);
    // Sent when ticked (not accepted here: the demo manager is used by other tests).
    const sent = await post(path, { email, replaceManager: '1' }, officer);
    expect(sent.status).toBe(200);
    expect(await signUpLink(email)).toMatch(/^[a-z2-7]{52}$/);
  });

  it('refuses a post from another site and an unknown cooperative', async () => {
    const crossSite = await post('/tai-khoan/moi-quan-ly?cooperative=x', { email: 'csrf@example.test' }, officer, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await get('/tai-khoan/moi-quan-ly?cooperative=no-such-cooperative', officer)).status).toBe(404);
  });
});
