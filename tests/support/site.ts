/** Talking to the built worker as a browser would: form posts from our origin, cookies, no redirects followed. */
import { png } from './images';
import { expect } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';

let address = 0;
/** A fresh client address per request, so sign-in rate limits of one test never touch another. */
export const nextAddress = () => `192.0.2.${(++address % 250) + 1}`;

export function demoAccount(email: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(email);
  return account;
}

export function sessionCookieOf(res: Response): string | null {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (/^(__Host-)?session=./.test(pair)) return pair;
  }
  return null;
}

export function site(baseUrl: string) {
  const origin = new URL(baseUrl).origin;
  const post = (
    path: string,
    fields: Record<string, string> | URLSearchParams,
    cookie?: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': nextAddress(),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields),
    });
  /** A multipart form post (a form with a file input), as a browser sends it from our pages. */
  const postMultipart = (path: string, form: FormData, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin, 'cf-connecting-ip': nextAddress(), ...(cookie ? { cookie } : {}), ...headers },
      body: form,
    });
  /** A form post with one small photo in the product form's file input (a product needs one to be submitted). */
  async function postWithPhoto(path: string, fields: Record<string, string>, cookie?: string) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('newImages', new File([new Uint8Array(await png(240, 180))], 'photo.png', { type: 'image/png' }));
    return postMultipart(path, form, cookie);
  }
  const get = (path: string, cookie?: string) =>
    fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  async function signIn(email: string): Promise<string> {
    const res = await post('/dang-nhap', { email, password: demoAccount(email).password });
    expect(res.status).toBe(303);
    const cookie = sessionCookieOf(res);
    if (!cookie) throw new Error(`no session cookie for ${email}`);
    return cookie;
  }
  /**
   * A new member of the manager's cooperative, signed up through a real
   * invitation (the development outbox has the link). Tests use this rather
   * than the demo members, whose passwords and lockouts other tests change.
   */
  async function freshMember(managerEmail: string): Promise<string> {
    const manager = await signIn(managerEmail);
    const email = `member-${Date.now()}-${++address}@cho-htx.test`;
    expect((await post('/tai-khoan/moi-thanh-vien', { email }, manager)).status).toBe(200);
    const outbox = await (await get('/dev/outbox')).text();
    const mail = outbox.split('<article').find((article) => article.includes(email));
    const link = mail && /href="(http[^"]+)"/.exec(mail)?.[1];
    if (!link) throw new Error(`no invitation mailed to ${email}`);
    const code = new URL(link.replaceAll('&amp;', '&')).searchParams.get('code') ?? '';
    const created = await post('/dang-ky', {
      code,
      displayName: 'Thành viên thử nghiệm',
      password: 'mật khẩu thành viên thử nghiệm',
    });
    expect(created.status).toBe(303);
    const cookie = sessionCookieOf(created);
    if (!cookie) throw new Error(`no session for ${email}`);
    return cookie;
  }
  return { origin, post, postMultipart, postWithPhoto, get, signIn, freshMember };
}
