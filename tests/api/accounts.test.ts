/**
 * Sessions over the API on a real migrated SQLite: sign-in and its refusals,
 * the lockout at the tenth wrong password, sign-out, password change ending
 * every session, the origin check, and the guards.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_ACCOUNT_POLICY, SIGN_IN_ADDRESS_POLICY } from '../../src/server/accounts/authentication';
import { hashPassword } from '../../src/server/accounts/passwords';
import { listUserSessions } from '../../src/server/accounts/sessions';
import { seedReferenceData } from '../../src/server/db/seeding';
import { users } from '../../src/server/db/schema';
import { createTestUser, sessionCookieFrom } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { readJson } from '../support/http';
import { migratedMemoryDatabase } from '../support/libsql';

const ORIGIN = 'http://localhost';

describe('API sessions', async () => {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  const api = apiOn(db);
  let address = 0;
  /** Each test its own client address, so per-address limits of one test do not touch another. */
  const nextAddress = () => `203.0.113.${++address}`;

  function signInRequest(email: string, password: string, ip: string, extra: Record<string, string> = {}) {
    return call(api, '/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip, ...extra },
      body: JSON.stringify({ email, password }),
    });
  }

  it('signs in with the right password: a new HttpOnly, SameSite=Lax session cookie and the user', async () => {
    const user = await createTestUser(db);
    const res = await signInRequest(user.email.toUpperCase(), user.password, nextAddress());
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'officer' });
    expect(body.user.passwordHash).toBeUndefined();
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^session=[a-z2-7]{32}\.[a-z2-7]{52}; Expires=/m);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');

    const me = await call(api, '/me', { headers: { cookie: sessionCookieFrom(res) ?? '' } });
    expect(me.status).toBe(200);
    expect((await readJson(me)).user.id).toBe(user.id);
  });

  it('sets a Secure __Host- cookie on https', async () => {
    const user = await createTestUser(db);
    const res = await api.request(
      'https://cho-htx.example/session',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://cho-htx.example',
          'cf-connecting-ip': nextAddress(),
        },
        body: JSON.stringify({ email: user.email, password: user.password }),
      },
      {} as Env,
    );
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^__Host-session=/);
    expect(setCookie).toContain('Secure');
  });

  it('refuses a wrong password and an unknown email alike (401, same message)', async () => {
    const user = await createTestUser(db);
    const ip = nextAddress();
    const wrong = await signInRequest(user.email, 'not the password', ip);
    const unknown = await signInRequest('nobody@example.test', 'not the password', ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await readJson(wrong), await readJson(unknown)];
    expect(a).toEqual(b);
    expect(a.error.code).toBe('invalid_credentials');
    expect(sessionCookieFrom(wrong)).toBeNull();
  });

  it('names missing fields (422)', async () => {
    const res = await signInRequest('', '', nextAddress());
    expect(res.status).toBe(422);
    expect(Object.keys((await readJson(res)).error.fields)).toEqual(['email', 'password']);
  });

  it('locks the account at the tenth wrong password (429 with Retry-After), even for the right password after', async () => {
    const user = await createTestUser(db);
    for (let attempt = 1; attempt < SIGN_IN_ACCOUNT_POLICY.limit; attempt++) {
      // Different addresses: the per-account limit alone must lock.
      expect((await signInRequest(user.email, `wrong ${attempt}`, nextAddress())).status).toBe(401);
    }
    const tenth = await signInRequest(user.email, 'wrong 10', nextAddress());
    expect(tenth.status).toBe(429);
    expect(Number(tenth.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await readJson(tenth)).error.code).toBe('rate_limited');
    const right = await signInRequest(user.email, user.password, nextAddress(), { 'accept-language': 'en' });
    expect(right.status).toBe(429);
    expect((await readJson(right)).error.message).toBe('Too many attempts. Please try again later.');
    expect(sessionCookieFrom(right)).toBeNull();
  });

  it('limits one address trying many accounts', async () => {
    const ip = nextAddress();
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      status = (await signInRequest(`someone${attempt}@example.test`, 'guess', ip)).status;
    }
    expect(status).toBe(429);
    const other = await createTestUser(db);
    expect((await signInRequest(other.email, other.password, ip)).status).toBe(429);
    expect((await signInRequest(other.email, other.password, nextAddress())).status).toBe(200);
  });

  it('counts failures only: an office signing in more often than the address limit is not locked out', async () => {
    const ip = nextAddress();
    const colleagues = await Promise.all(Array.from({ length: 4 }, () => createTestUser(db)));
    for (let round = 0; round <= SIGN_IN_ADDRESS_POLICY.limit / colleagues.length; round++) {
      for (const colleague of colleagues)
        expect((await signInRequest(colleague.email, colleague.password, ip)).status).toBe(200);
    }
    expect((await signInRequest(colleagues[0]?.email ?? '', 'wrong', ip)).status).toBe(401);
  });

  it('gives a new session at every sign-in and ends the one the request came with', async () => {
    const user = await createTestUser(db);
    const first = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress()));
    const second = sessionCookieFrom(
      await signInRequest(user.email, user.password, nextAddress(), { cookie: first ?? '' }),
    );
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect((await call(api, '/me', { headers: { cookie: first ?? '' } })).status).toBe(401);
    expect((await call(api, '/me', { headers: { cookie: second ?? '' } })).status).toBe(200);
  });

  it('signs out: the session is gone and the cookie cleared', async () => {
    const user = await createTestUser(db);
    const cookie = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress())) ?? '';
    const out = await call(api, '/session', { method: 'DELETE', headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/^session=; Max-Age=0/);
    const me = await call(api, '/me', { headers: { cookie } });
    expect(me.status).toBe(401);
    expect((await readJson(me)).error.code).toBe('unauthenticated');
  });

  it('a password change ends every session of the user and gives this client a new one', async () => {
    const user = await createTestUser(db);
    const laptop = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress())) ?? '';
    const phone = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress())) ?? '';
    const res = await call(api, '/me/password', {
      method: 'POST',
      headers: {
        cookie: laptop,
        origin: ORIGIN,
        'content-type': 'application/json',
        'cf-connecting-ip': nextAddress(),
      },
      body: JSON.stringify({ currentPassword: user.password, newPassword: 'a brand new passphrase' }),
    });
    expect(res.status).toBe(204);
    const fresh = sessionCookieFrom(res) ?? '';
    expect(fresh).not.toBe(laptop);
    expect((await call(api, '/me', { headers: { cookie: laptop } })).status).toBe(401);
    expect((await call(api, '/me', { headers: { cookie: phone } })).status).toBe(401);
    expect((await call(api, '/me', { headers: { cookie: fresh } })).status).toBe(200);
    expect(await listUserSessions(db, user.id)).toHaveLength(1);
    expect((await signInRequest(user.email, user.password, nextAddress())).status).toBe(401);
    expect((await signInRequest(user.email, 'a brand new passphrase', nextAddress())).status).toBe(200);
  });

  it('refuses a common or short new password, and a wrong current one, next to the field (422)', async () => {
    const user = await createTestUser(db);
    const cookie = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress())) ?? '';
    const change = (currentPassword: string, newPassword: string) =>
      call(api, '/me/password', {
        method: 'POST',
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': nextAddress() },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    const common = await readJson(await change(user.password, 'Password123'));
    expect(common.error.fields).toEqual({ newPassword: expect.stringContaining('phổ biến') });
    const short = await readJson(await change(user.password, 'short'));
    expect(short.error.fields.newPassword).toBe('Cần ít nhất 8 ký tự.');
    const wrong = await readJson(await change('not my password', 'a fine new passphrase'));
    expect(Object.keys(wrong.error.fields)).toEqual(['currentPassword']);
  });

  it('rehashes a password stored with fewer iterations at sign-in', async () => {
    const user = await createTestUser(db, { iterations: 1000 });
    expect((await signInRequest(user.email, user.password, nextAddress())).status).toBe(200);
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.hash.split('$')[2]).toBe('100000');
    expect((await signInRequest(user.email, user.password, nextAddress())).status).toBe(200);
  });

  it('a disabled account cannot sign in, and its sessions stop working', async () => {
    const user = await createTestUser(db);
    const cookie = sessionCookieFrom(await signInRequest(user.email, user.password, nextAddress())) ?? '';
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await call(api, '/me', { headers: { cookie } })).status).toBe(401);
    expect((await signInRequest(user.email, user.password, nextAddress())).status).toBe(401);
    await db
      .update(users)
      .set({ disabledAt: null, passwordHash: await hashPassword(user.password) })
      .where(eq(users.id, user.id));
  });
});

describe('API origin check (CSRF)', async () => {
  const { db } = await migratedMemoryDatabase();
  const api = apiOn(db);
  const user = await createTestUser(db);

  it('refuses a cross-origin POST with 403 before doing anything', async () => {
    const res = await call(api, '/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('forbidden_origin');
    expect(sessionCookieFrom(res)).toBeNull();
  });

  it('refuses a cross-site DELETE told by Sec-Fetch-Site or Referer alone', async () => {
    expect(
      (await call(api, '/session', { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
    expect(
      (await call(api, '/session', { method: 'DELETE', headers: { referer: 'https://evil.example/page' } })).status,
    ).toBe(403);
    expect((await call(api, '/session', { method: 'DELETE', headers: { cookie: 'session=x.y' } })).status).toBe(403);
  });

  it('lets same-origin writes and every read through', async () => {
    expect((await call(api, '/session', { method: 'DELETE', headers: { origin: ORIGIN } })).status).toBe(204);
    expect(
      (await call(api, '/session', { method: 'DELETE', headers: { 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(204);
    expect((await call(api, '/health', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});
