/**
 * Account pages over HTTP on the built worker (workerd, seeded D1 with the
 * demo accounts): sign-in and its refusals, the lockout, sessions replaced at
 * sign-in, sign-out, password change, and the origin check.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let address = 0;
const nextAddress = () => `198.51.100.${++address}`;

function demo(email: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(email);
  return account;
}

function cookieFrom(res: Response): string | null {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (/^(__Host-)?session=./.test(pair)) return pair;
  }
  return null;
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': nextAddress(),
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}

async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  const res = await post('/dang-nhap', { email, password }, headers);
  expect(res.status).toBe(303);
  const cookie = cookieFrom(res);
  expect(cookie).not.toBeNull();
  return cookie as string;
}

const get = (path: string, cookie?: string) =>
  fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('sign-in pages', () => {
  it('show the form in both languages, with no cache', async () => {
    for (const [path, heading] of [
      ['/dang-nhap', 'Đăng nhập'],
      ['/en/sign-in', 'Sign in'],
    ] as const) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toMatch(/<input[^>]+name="password"[^>]+type="password"[^>]+autocomplete="current-password"/);
    }
  });

  it('sign in: 303 to the account page with an HttpOnly, SameSite=Lax cookie; the page says who and where', async () => {
    const manager = demo('quanly1@cho-htx.test');
    const res = await post('/en/sign-in', { email: manager.email, password: manager.password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const page = await get('/en/account', cookieFrom(res) ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain(manager.displayName);
    expect(html).toContain('Cooperative member');
    expect(html).toContain('Manager of the cooperative');
    expect(html).toMatch(/href="\/en\/cooperatives\/[a-z0-9-]+"/);
  });

  it('the account page sends visitors who are not signed in to sign in, and back', async () => {
    const res = await get('/tai-khoan/doi-mat-khau');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Ftai-khoan%2Fdoi-mat-khau');
    const officer = demo('canbo@cho-htx.test');
    const back = await post('/dang-nhap?next=%2Ftai-khoan%2Fdoi-mat-khau', {
      email: officer.email,
      password: officer.password,
    });
    expect(back.headers.get('location')).toBe('/tai-khoan/doi-mat-khau');
    const offsite = await post('/dang-nhap?next=%2F%2Fevil.example', {
      email: officer.email,
      password: officer.password,
    });
    expect(offsite.headers.get('location')).toBe('/tai-khoan');
  });

  it('a wrong password: 422, the message, the email kept and the password not', async () => {
    const res = await post('/dang-nhap', { email: 'canbo@cho-htx.test', password: 'sai mật khẩu rồi' });
    expect(res.status).toBe(422);
    expect(cookieFrom(res)).toBeNull();
    const html = await res.text();
    expect(html).toContain('Email hoặc mật khẩu không đúng.');
    expect(html).toContain('value="canbo@cho-htx.test"');
    expect(html).not.toContain('sai mật khẩu rồi');
  });

  it('empty fields are named next to the fields', async () => {
    const res = await post('/en/sign-in', { email: '', password: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-email-error"[^>]*>This field is required\./);
    expect(html).toMatch(/aria-describedby="field-password-error"/);
  });

  it('every sign-in is a new session; the cookie a browser came with is not kept (no fixation)', async () => {
    const officer = demo('canbo@cho-htx.test');
    const planted = 'session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const first = await signIn(officer.email, officer.password, { cookie: planted });
    expect(first).not.toBe(planted);
    const second = await signIn(officer.email, officer.password, { cookie: first });
    expect(second.split('=')[1]?.split('.')[0]).not.toBe(first.split('=')[1]?.split('.')[0]);
    expect((await get('/tai-khoan', first)).status).toBe(303);
    expect((await get('/tai-khoan', second)).status).toBe(200);
  });

  it('sign-out is a POST that ends the session and clears the cookie', async () => {
    const officer = demo('canbo@cho-htx.test');
    const cookie = await signIn(officer.email, officer.password);
    const out = await post('/dang-xuat', {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/dang-nhap?done=signed-out');
    expect(out.headers.getSetCookie().join('\n')).toMatch(/^session=; Max-Age=0/m);
    expect((await get('/tai-khoan', cookie)).status).toBe(303);
    expect(await (await get('/dang-nhap?done=signed-out')).text()).toContain('Bạn đã đăng xuất.');
  });

  it('the tenth wrong password locks the account: 429 with Retry-After and a clear message, even for the right password', async () => {
    const member = demo('thanhvien2@cho-htx.test');
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect((await post('/dang-nhap', { email: member.email, password: `wrong-${attempt}` })).status).toBe(422);
    }
    const tenth = await post('/en/sign-in', { email: member.email, password: 'wrong-10' });
    expect(tenth.status).toBe(429);
    expect(Number(tenth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await tenth.text()).toContain('signing in is locked for now; please try again in 15 minutes');
    const right = await post('/dang-nhap', { email: member.email, password: member.password });
    expect(right.status).toBe(429);
    expect(cookieFrom(right)).toBeNull();
    expect(await right.text()).toContain('tạm khoá');
  });

  it('a password change ends the other sessions and keeps this device signed in', async () => {
    const manager = demo('quanly2@cho-htx.test');
    const phone = await signIn(manager.email, manager.password);
    const laptop = await signIn(manager.email, manager.password);
    const common = await post(
      '/tai-khoan/doi-mat-khau',
      { currentPassword: manager.password, newPassword: 'iloveyou2' },
      { cookie: laptop },
    );
    expect(common.status).toBe(422);
    expect(await common.text()).toContain('quá phổ biến');
    const changed = await post(
      '/tai-khoan/doi-mat-khau',
      { currentPassword: manager.password, newPassword: 'một mật khẩu mới dài' },
      { cookie: laptop },
    );
    expect(changed.status).toBe(303);
    const fresh = cookieFrom(changed) ?? '';
    expect((await get('/tai-khoan', phone)).status).toBe(303);
    expect((await get('/tai-khoan', laptop)).status).toBe(303);
    expect(await (await get('/tai-khoan?done=password-changed', fresh)).text()).toContain('Đã đổi mật khẩu');
    // Put the demo password back for anyone who runs the suite against the same data.
    const restored = await post(
      '/tai-khoan/doi-mat-khau',
      { currentPassword: 'một mật khẩu mới dài', newPassword: manager.password },
      { cookie: fresh },
    );
    expect(restored.status).toBe(303);
  });
});

describe('origin check (CSRF) on pages', () => {
  it('refuses a cross-origin form POST with 403 and signs nobody in', async () => {
    const officer = demo('canbo@cho-htx.test');
    const res = await post(
      '/dang-nhap',
      { email: officer.email, password: officer.password },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(cookieFrom(res)).toBeNull();
  });

  it('refuses a cross-site sign-out of a signed-in user', async () => {
    const officer = demo('canbo@cho-htx.test');
    const cookie = await signIn(officer.email, officer.password);
    const res = await post('/dang-xuat', {}, { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await get('/tai-khoan', cookie)).status).toBe(200);
  });

  it('refuses a cross-origin API POST with 403 JSON', async () => {
    const res = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'canbo@cho-htx.test', password: 'x' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'forbidden_origin' } });
  });
});

/** The newest mail to an address in the development outbox, and the one-time link in it. */
async function linkMailedTo(email: string): Promise<string> {
  const html = await (await get('/dev/outbox')).text();
  const articles = html.split('<article').slice(1);
  const mail = articles.find((article) => article.includes(email));
  const link = mail ? /href="(http[^"]+)"/.exec(mail)?.[1] : undefined;
  if (!link) throw new Error(`no link mailed to ${email}`);
  return link.replaceAll('&amp;', '&');
}

const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('password reset by mail', () => {
  it('answers the same for unknown and known emails, mails a link that works once, and ends old sessions', async () => {
    const member = demo('thanhvien1@cho-htx.test');
    const oldSession = await signIn(member.email, member.password);
    const unknown = await post('/quen-mat-khau', { email: 'khong-ai@cho-htx.test' });
    const known = await post('/quen-mat-khau', { email: member.email });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    const [unknownHtml, knownHtml] = [await unknown.text(), await known.text()];
    expect(knownHtml).toContain('Nếu email này có tài khoản');
    expect(unknownHtml.replace('khong-ai@cho-htx.test', member.email)).toBe(knownHtml);

    const link = pathOf(await linkMailedTo(member.email));
    expect(link).toMatch(/^\/dat-lai-mat-khau\?token=[a-z2-7]{52}$/);
    const form = await get(link);
    expect(form.status).toBe(200);
    const token = new URL(link, baseUrl).searchParams.get('token') ?? '';
    expect(await form.text()).toContain(`name="token" value="${token}"`);

    const weak = await post('/dat-lai-mat-khau', { token, newPassword: 'abc12345' });
    expect(weak.status).toBe(422);
    const done = await post('/dat-lai-mat-khau', { token, newPassword: 'mật khẩu mới sau khi quên' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/dang-nhap?done=password-reset');
    expect((await get('/tai-khoan', oldSession)).status).toBe(303);
    await signIn(member.email, 'mật khẩu mới sau khi quên');

    const reused = await post('/dat-lai-mat-khau', { token, newPassword: 'thử dùng lại liên kết' });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('Liên kết không dùng được');
    expect((await get(link)).status).toBe(400);

    // Back to the demo password, through the same flow.
    expect((await post('/en/forgot-password', { email: member.email })).status).toBe(200);
    const again = new URL(await linkMailedTo(member.email)).searchParams.get('token') ?? '';
    expect(again).not.toBe(token);
    expect((await post('/en/reset-password', { token: again, newPassword: member.password })).status).toBe(303);
  });
});

/** A form POST naming another Host than the worker's (fetch would not send a forged one). */
function postWithHost(path: string, host: string, fields: Record<string, string>): Promise<number> {
  const body = new URLSearchParams(fields).toString();
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        headers: {
          host,
          // The attacker's own page: same origin as the Host it names, so no origin check stops it.
          origin: `http://${host}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'cf-connecting-ip': nextAddress(),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('links in mail', () => {
  it('are on the public origin whatever Host the request names, so a forged Host gets no working link', async () => {
    const member = demo('thanhvien2@cho-htx.test');
    expect(await postWithHost('/quen-mat-khau', 'evil.example', { email: member.email })).toBe(200);
    const link = await linkMailedTo(member.email);
    expect(new URL(link).origin).toBe(origin);
    expect(link).not.toContain('evil.example');
  });
});

describe('invitations and sign-up', () => {
  it('sign-up without an invitation explains that accounts are by invitation', async () => {
    const html = await (await get('/en/sign-up')).text();
    expect(html).toContain('Chợ HTX accounts are created by invitation');
    expect(html).not.toContain('name="password"');
    expect((await get('/dang-ky?code=khongphaima')).status).toBe(400);
  });

  it('a manager invites by mail; the link creates a member account of that cooperative, signed in', async () => {
    const manager = demo('quanly1@cho-htx.test');
    const cookie = await signIn(manager.email, manager.password);
    const email = `moi-${Date.now()}@cho-htx.test`;
    const sent = await post('/tai-khoan/moi-thanh-vien', { email }, { cookie });
    expect(sent.status).toBe(200);
    const sentHtml = await sent.text();
    expect(sentHtml).toContain(`Đã gửi lời mời tới ${email}`);
    expect(sentHtml).toContain(email);

    const link = pathOf(await linkMailedTo(email));
    expect(link).toMatch(/^\/dang-ky\?code=[a-z2-7]{52}$/);
    const code = new URL(link, baseUrl).searchParams.get('code') ?? '';
    const form = await (await get(link)).text();
    expect(form).toContain(`value="${email}"`);
    // Accepting an invitation collects a name and a password: the privacy notice is linked beside the form.
    expect(form).toContain('href="/quyen-rieng-tu"');

    const invalid = await post('/dang-ky', { code, displayName: '', password: 'short' });
    expect(invalid.status).toBe(422);
    const created = await post('/dang-ky', { code, displayName: 'Đỗ Văn Mới', password: 'mật khẩu thành viên mới' });
    expect(created.status).toBe(303);
    const account = await (await get('/tai-khoan', cookieFrom(created) ?? '')).text();
    expect(account).toContain('Đỗ Văn Mới');
    expect(account).toContain('Thành viên hợp tác xã');
    expect((await post('/dang-ky', { code, displayName: 'Lần hai', password: 'mật khẩu thành viên mới' })).status).toBe(
      400,
    );
  });

  it('a member who is not the manager cannot invite (403, no form)', async () => {
    const member = demo('thanhvien1@cho-htx.test');
    const cookie = await signIn(member.email, member.password);
    const page = await get('/tai-khoan/moi-thanh-vien', cookie);
    expect(page.status).toBe(403);
    expect(await page.text()).not.toContain('name="email"');
    const attempt = await post('/tai-khoan/moi-thanh-vien', { email: 'lau@cho-htx.test' }, { cookie });
    expect(attempt.status).toBe(403);
  });
});
