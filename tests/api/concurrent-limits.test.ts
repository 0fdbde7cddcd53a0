/**
 * Every limit holds when the requests arrive at once, on both stores: libSQL
 * in Node and D1 as workerd runs it (wrangler's platform proxy). Each attempt
 * is counted in one statement before the work it guards, so of N parallel
 * attempts only the limit get through; a check followed by a separate write lets them all pass.
 *
 * The verbs are called directly on both stores: through the platform proxy
 * every D1 statement is a round trip, and fifty requests at once would run
 * into the API's 3 s database bound. The API's answers to a burst are
 * checked on libSQL.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  changePassword,
  SIGN_IN_ACCOUNT_POLICY,
  SIGN_IN_ADDRESS_POLICY,
  signIn,
} from '../../src/server/accounts/authentication';
import { INVITATIONS_PER_DAY, inviteToCooperative } from '../../src/server/accounts/invitations';
import {
  RESET_REQUEST_ACCOUNT_POLICY,
  RESET_USE_ADDRESS_POLICY,
  requestPasswordReset,
  resetPassword,
} from '../../src/server/accounts/password-reset';
import { verifyAgainstDecoy, verifyPassword } from '../../src/server/accounts/passwords';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { seedReferenceData } from '../../src/server/db/seeding';
import { cooperatives, inquiries, invitations } from '../../src/server/db/schema';
import {
  InvalidCredentialsError,
  InvalidTokenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../../src/server/errors';
import { inquiryLinks } from '../../src/server/inquiries/links';
import { lookUpInquiry, STATUS_LOOKUP_POLICY } from '../../src/server/inquiries/status';
import { INQUIRY_ADDRESS_POLICY, INQUIRY_TARGET_POLICY, submitInquiry } from '../../src/server/inquiries/submit';
import { listOutbox, OutboxMailer } from '../../src/server/mail/mailer';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { validInquiry } from '../support/inquiries';
import { migratedMemoryDatabase } from '../support/libsql';
import { bothStores } from '../support/stores';

// The password checks are counted, not replaced: "checked" is what a limit on guessing bounds.
vi.mock(import('../../src/server/accounts/passwords'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    verifyPassword: vi.fn(actual.verifyPassword),
    verifyAgainstDecoy: vi.fn(actual.verifyAgainstDecoy),
  };
});

const ORIGIN = 'http://localhost';
const linkFor = (token: string) => `${ORIGIN}/dat-lai-mat-khau?token=${token}`;
/** Few iterations: the tests count checks, and fifty full-strength hashes at once would only slow them. */
const FAST_HASH = { iterations: 1000 };
const NEW_PASSWORD = 'một mật khẩu mới dài';

function tally(outcomes: (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** Starts `n` attempts at once and counts how they ended: 'ok' or the error's class name. */
async function burst(n: number, attempt: (i: number) => Promise<unknown>): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => attempt(i)));
  return tally(
    settled.map((s) =>
      s.status === 'fulfilled' ? 'ok' : s.reason instanceof Error ? s.reason.constructor.name : String(s.reason),
    ),
  );
}

/** Client addresses of one test alone, so one test's per-address counters never reach another's. */
let block = 0;
function addresses(): (i: number) => string {
  block += 1;
  return (i) => `10.${block}.${Math.floor(i / 250)}.${i % 250}`;
}

async function cooperativeSlug(db: Database, id: string): Promise<string> {
  const [row] = await db.select({ slug: cooperatives.slug }).from(cooperatives).where(eq(cooperatives.id, id));
  if (!row) throw new Error(`no cooperative ${id}`);
  return row.slug;
}

const inquiryContext = (clientAddress: string) => ({
  clientAddress,
  locale: 'vi' as const,
  idempotencyKey: null,
  formToken: null,
  turnstile: null,
  links: inquiryLinks(ORIGIN),
});

describe.each(bothStores('limits'))('limits under parallel attempts on $name', ({ open }) => {
  let store: Awaited<ReturnType<typeof open>>;
  let db: Database;

  beforeAll(async () => {
    store = await open();
    db = store.db;
    await seedReferenceData(db);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it(`checks ${SIGN_IN_ACCOUNT_POLICY.limit} of 40 parallel wrong passwords for one account; the right one is then refused`, async () => {
    const user = await createTestUser(db, FAST_HASH);
    const ip = addresses();
    vi.mocked(verifyPassword).mockClear();
    const results = await burst(40, (i) =>
      signIn(db, { email: user.email, password: `wrong ${i}`, clientAddress: ip(i) }, new Date()),
    );
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(SIGN_IN_ACCOUNT_POLICY.limit);
    // The failure that reaches the limit is already refused, as when they come one at a time.
    expect(results).toEqual({
      [InvalidCredentialsError.name]: SIGN_IN_ACCOUNT_POLICY.limit - 1,
      [RateLimitedError.name]: 40 - SIGN_IN_ACCOUNT_POLICY.limit + 1,
    });
    await expect(
      signIn(db, { email: user.email, password: user.password, clientAddress: ip(99) }, new Date()),
    ).rejects.toThrow(RateLimitedError);
  });

  it(`checks ${SIGN_IN_ADDRESS_POLICY.limit} of 40 parallel sign-ins to unknown accounts from one address`, async () => {
    const ip = addresses()(0);
    vi.mocked(verifyAgainstDecoy).mockClear();
    const results = await burst(40, (i) =>
      signIn(db, { email: `nobody${i}@example.test`, password: 'guess', clientAddress: ip }, new Date()),
    );
    expect(vi.mocked(verifyAgainstDecoy)).toHaveBeenCalledTimes(SIGN_IN_ADDRESS_POLICY.limit);
    expect(results).toEqual({
      [InvalidCredentialsError.name]: SIGN_IN_ADDRESS_POLICY.limit - 1,
      [RateLimitedError.name]: 40 - SIGN_IN_ADDRESS_POLICY.limit + 1,
    });
  });

  it(`checks ${SIGN_IN_ACCOUNT_POLICY.limit} of 25 parallel wrong current passwords when changing one`, async () => {
    const row = await createTestUser(db, FAST_HASH);
    const user: SessionUser = {
      id: row.id,
      email: row.email,
      displayName: 'Thử',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    const ip = addresses();
    vi.mocked(verifyPassword).mockClear();
    const results = await burst(25, (i) =>
      changePassword(
        db,
        user,
        { currentPassword: `wrong ${i}`, newPassword: NEW_PASSWORD, clientAddress: ip(i) },
        new Date(),
      ),
    );
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(SIGN_IN_ACCOUNT_POLICY.limit);
    expect(results).toEqual({
      [ValidationError.name]: SIGN_IN_ACCOUNT_POLICY.limit - 1,
      [RateLimitedError.name]: 25 - SIGN_IN_ACCOUNT_POLICY.limit + 1,
    });
  });

  it(`stores ${INQUIRY_ADDRESS_POLICY.limit} of 25 parallel inquiries from one address`, async () => {
    const cooperativeId = await createTestCooperative(db);
    const body = validInquiry({ cooperative: await cooperativeSlug(db, cooperativeId) });
    const ip = addresses()(0);
    const results = await burst(25, () => submitInquiry(db, body, inquiryContext(ip), new Date()));
    expect(results).toEqual({
      ok: INQUIRY_ADDRESS_POLICY.limit,
      [RateLimitedError.name]: 25 - INQUIRY_ADDRESS_POLICY.limit,
    });
    expect(await db.$count(inquiries, eq(inquiries.cooperativeId, cooperativeId))).toBe(INQUIRY_ADDRESS_POLICY.limit);
  });

  it(`stores ${INQUIRY_TARGET_POLICY.limit} of 40 parallel inquiries to one cooperative from as many addresses`, async () => {
    const cooperativeId = await createTestCooperative(db);
    const body = validInquiry({ cooperative: await cooperativeSlug(db, cooperativeId) });
    const ip = addresses();
    const results = await burst(40, (i) => submitInquiry(db, body, inquiryContext(ip(i)), new Date()));
    expect(results).toEqual({
      ok: INQUIRY_TARGET_POLICY.limit,
      [RateLimitedError.name]: 40 - INQUIRY_TARGET_POLICY.limit,
    });
    expect(await db.$count(inquiries, eq(inquiries.cooperativeId, cooperativeId))).toBe(INQUIRY_TARGET_POLICY.limit);
  });

  it(`answers ${STATUS_LOOKUP_POLICY.limit} of 30 parallel wrong inquiry look-ups from one address`, async () => {
    const ip = addresses()(0);
    const results = await burst(30, (i) =>
      lookUpInquiry(db, { reference: 'HTX-0000-0000', contact: `x${i}@example.com`, clientAddress: ip }, new Date()),
    );
    expect(results).toEqual({
      [NotFoundError.name]: STATUS_LOOKUP_POLICY.limit,
      [RateLimitedError.name]: 30 - STATUS_LOOKUP_POLICY.limit,
    });
  });

  it(`mails ${RESET_REQUEST_ACCOUNT_POLICY.limit} of 15 parallel password-reset requests for one account`, async () => {
    const user = await createTestUser(db, FAST_HASH);
    const mailer = new OutboxMailer(db, () => new Date());
    const ip = addresses();
    const results = await burst(15, (i) =>
      requestPasswordReset(db, mailer, { email: user.email, clientAddress: ip(i), locale: 'vi', linkFor }, new Date()),
    );
    expect(results).toEqual({
      ok: RESET_REQUEST_ACCOUNT_POLICY.limit,
      [RateLimitedError.name]: 15 - RESET_REQUEST_ACCOUNT_POLICY.limit,
    });
    expect((await listOutbox(db)).filter((m) => m.recipient === user.email)).toHaveLength(
      RESET_REQUEST_ACCOUNT_POLICY.limit,
    );
  });

  it(`tries ${RESET_USE_ADDRESS_POLICY.limit} of 30 parallel wrong reset links from one address`, async () => {
    const ip = addresses()(0);
    const results = await burst(30, (i) =>
      resetPassword(db, { token: `wrong-${i}`, newPassword: NEW_PASSWORD, clientAddress: ip }, new Date()),
    );
    expect(results).toEqual({
      [InvalidTokenError.name]: RESET_USE_ADDRESS_POLICY.limit,
      [RateLimitedError.name]: 30 - RESET_USE_ADDRESS_POLICY.limit,
    });
  });

  it(`sends ${INVITATIONS_PER_DAY.limit} of 40 parallel invitations by one manager`, async () => {
    const cooperativeId = await createTestCooperative(db);
    const row = await createTestUser(db, { role: 'member', cooperativeId, isManager: true, ...FAST_HASH });
    const manager: SessionUser = {
      id: row.id,
      email: row.email,
      displayName: 'Quản lý',
      role: 'member',
      cooperativeId,
      isManager: true,
    };
    const mailer = new OutboxMailer(db, () => new Date());
    const results = await burst(40, (i) =>
      inviteToCooperative(
        db,
        mailer,
        manager,
        { cooperativeId, email: `moi${i}-${cooperativeId}@example.test`, locale: 'vi', linkFor },
        new Date(),
      ),
    );
    expect(results).toEqual({ ok: INVITATIONS_PER_DAY.limit, [RateLimitedError.name]: 40 - INVITATIONS_PER_DAY.limit });
    expect(await db.$count(invitations, eq(invitations.cooperativeId, cooperativeId))).toBe(INVITATIONS_PER_DAY.limit);
  });
});

describe('the API under a burst (libSQL)', async () => {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  const api = apiOn(db);
  const post = (path: string, body: unknown, ip: string) =>
    call(api, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip },
      body: JSON.stringify(body),
    });
  /** Sends `n` requests at once and counts their statuses. */
  const statuses = async (n: number, send: (i: number) => Promise<Response>) =>
    tally((await Promise.all(Array.from({ length: n }, (_, i) => send(i)))).map((r) => r.status));

  it('checks ten of fifty parallel wrong passwords: nine 401, then 429 with Retry-After', async () => {
    const user = await createTestUser(db, FAST_HASH);
    const ip = addresses();
    vi.mocked(verifyPassword).mockClear();
    const answers = await statuses(50, (i) => post('/session', { email: user.email, password: `wrong ${i}` }, ip(i)));
    expect(answers).toEqual({ 401: SIGN_IN_ACCOUNT_POLICY.limit - 1, 429: 50 - SIGN_IN_ACCOUNT_POLICY.limit + 1 });
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(SIGN_IN_ACCOUNT_POLICY.limit);
    const refused = await post('/session', { email: user.email, password: user.password }, ip(99));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60 * 14);
  });

  it('stores ten of 25 parallel inquiries from one address, and answers the rest 429', async () => {
    const cooperativeId = await createTestCooperative(db);
    const body = validInquiry({ cooperative: await cooperativeSlug(db, cooperativeId) });
    const ip = addresses()(0);
    expect(await statuses(25, () => post('/inquiries', body, ip))).toEqual({
      201: INQUIRY_ADDRESS_POLICY.limit,
      429: 25 - INQUIRY_ADDRESS_POLICY.limit,
    });
    expect(await db.$count(inquiries, eq(inquiries.cooperativeId, cooperativeId))).toBe(INQUIRY_ADDRESS_POLICY.limit);
  });
});
