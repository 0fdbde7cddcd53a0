/** Password reset links and invitations on a real SQLite, with the development outbox as the mailer. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/server/accounts/authentication';
import {
  acceptInvitation,
  findOpenInvitation,
  INVITATION_LIFETIME_MS,
  INVITATIONS_PER_DAY,
  inviteToCooperative,
  loadCooperativeTeam,
} from '../../src/server/accounts/invitations';
import {
  RESET_LINK_LIFETIME_MS,
  requestPasswordReset,
  resetLinkIsValid,
  resetPassword,
} from '../../src/server/accounts/password-reset';
import { createSession, listUserSessions, validateSessionToken } from '../../src/server/accounts/sessions';
import type { SessionUser } from '../../src/server/accounts/users';
import { seedReferenceData } from '../../src/server/db/seeding';
import { passwordResetTokens, users } from '../../src/server/db/schema';
import { ForbiddenError, InvalidTokenError, RateLimitedError, ValidationError } from '../../src/server/errors';
import { listOutbox, OutboxMailer } from '../../src/server/mail/mailer';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';

const T0 = new Date('2026-11-24T03:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const linkFor = (token: string) => `https://cho-htx.example/dat-lai-mat-khau?token=${token}`;
const tokenIn = (text: string) => /(?:token|code)=([a-z2-7]+)/.exec(text)?.[1] ?? '';

describe('password reset', async () => {
  const { db } = await migratedMemoryDatabase();
  const mailer = new OutboxMailer(db, () => T0);
  let address = 0;
  const request = (email: string, now = T0) =>
    requestPasswordReset(db, mailer, { email, clientAddress: `192.0.2.${++address}`, locale: 'vi', linkFor }, now);

  async function latestToken(to: string) {
    const mail = (await listOutbox(db)).find((m) => m.recipient === to);
    return tokenIn(mail?.textBody ?? '');
  }

  it('mails a one-time link; only its hash is stored', async () => {
    const user = await createTestUser(db);
    await request(user.email.toUpperCase());
    const [mail] = await listOutbox(db);
    expect(mail?.recipient).toBe(user.email);
    expect(mail?.subject).toBe('Đặt lại mật khẩu Chợ HTX');
    const token = tokenIn(mail?.textBody ?? '');
    expect(token).toMatch(/^[a-z2-7]{52}$/);
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token);
  });

  it('answers an unknown email exactly like a known one, and mails nothing', async () => {
    const before = (await listOutbox(db)).length;
    await expect(request('nobody@example.test')).resolves.toBeUndefined();
    expect((await listOutbox(db)).length).toBe(before);
  });

  it('sets the new password, ends every session, and works only once', async () => {
    const user = await createTestUser(db);
    const { token: sessionToken } = await createSession(db, user.id, T0);
    await request(user.email);
    const token = await latestToken(user.email);
    await resetPassword(db, { token, newPassword: 'hoàn toàn mới nhé', clientAddress: 'x' }, at(60_000));
    expect(await validateSessionToken(db, sessionToken, at(60_000))).toBeNull();
    expect(await listUserSessions(db, user.id)).toEqual([]);
    await expect(
      signIn(db, { email: user.email, password: 'hoàn toàn mới nhé', clientAddress: 'x' }, at(60_000)),
    ).resolves.toBeTruthy();
    await expect(
      resetPassword(db, { token, newPassword: 'lại một lần nữa', clientAddress: 'x' }, at(61_000)),
    ).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a weak password without using the link up', async () => {
    const user = await createTestUser(db);
    await request(user.email);
    const token = await latestToken(user.email);
    await expect(resetPassword(db, { token, newPassword: 'password1', clientAddress: 'x' }, T0)).rejects.toThrow(
      ValidationError,
    );
    expect(await resetLinkIsValid(db, token, T0)).toBe(true);
  });

  it('expires after 30 minutes, and a newer link voids the older one', async () => {
    const user = await createTestUser(db);
    await request(user.email);
    const first = await latestToken(user.email);
    expect(await resetLinkIsValid(db, first, at(RESET_LINK_LIFETIME_MS - 1))).toBe(true);
    expect(await resetLinkIsValid(db, first, at(RESET_LINK_LIFETIME_MS))).toBe(false);
    await expect(
      resetPassword(
        db,
        { token: first, newPassword: 'quá hạn rồi nhé', clientAddress: 'x' },
        at(RESET_LINK_LIFETIME_MS),
      ),
    ).rejects.toThrow(InvalidTokenError);
    await request(user.email, at(1000));
    const second = (await listOutbox(db)).filter((m) => m.recipient === user.email).map((m) => tokenIn(m.textBody));
    expect(second).toHaveLength(2);
    expect(await resetLinkIsValid(db, first, at(2000))).toBe(false);
  });

  it('limits requests per account: the fourth within an hour is refused', async () => {
    const email = 'limited@example.test';
    await request(email);
    await request(email);
    await request(email);
    await expect(request(email)).rejects.toThrow(RateLimitedError);
  });

  it('refuses a malformed email next to the field', async () => {
    await expect(request('not-an-email')).rejects.toMatchObject({ fields: { email: { code: 'email_invalid' } } });
  });
});

describe('invitations', async () => {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  const mailer = new OutboxMailer(db, () => T0);
  const coopA = await createTestCooperative(db);
  const coopB = await createTestCooperative(db);
  const asSession = async (id: string): Promise<SessionUser> => {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    if (!row) throw new Error(id);
    return {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      cooperativeId: row.cooperativeId,
      isManager: row.isManager,
    };
  };
  const manager = await asSession(
    (await createTestUser(db, { role: 'member', cooperativeId: coopA, isManager: true })).id,
  );
  const member = await asSession((await createTestUser(db, { role: 'member', cooperativeId: coopA })).id);
  const officer = await asSession((await createTestUser(db, { role: 'officer' })).id);
  const invite = (by: SessionUser, cooperativeId: string, email: string, asManager = false) =>
    inviteToCooperative(db, mailer, by, { cooperativeId, email, asManager, locale: 'en', linkFor }, T0);
  const tokenFor = async (email: string) =>
    tokenIn((await listOutbox(db)).find((m) => m.recipient === email)?.textBody ?? '');

  it('the manager invites by mail; the invitee signs up into that cooperative and is signed in', async () => {
    await invite(manager, coopA, 'New.Member@Example.test');
    const token = await tokenFor('new.member@example.test');
    const mail = (await listOutbox(db))[0];
    expect(mail?.subject).toMatch(/^Invitation to join HTX Thử/);
    const open = await findOpenInvitation(db, token, T0);
    expect(open).toMatchObject({ email: 'new.member@example.test', cooperativeId: coopA, asManager: false });
    const joined = await acceptInvitation(
      db,
      { token, displayName: '  Hoàng Thị Em ', password: 'một câu mật khẩu dài' },
      at(1000),
    );
    expect(joined.user).toMatchObject({
      role: 'member',
      cooperativeId: coopA,
      isManager: false,
      displayName: 'Hoàng Thị Em',
    });
    expect((await validateSessionToken(db, joined.token, at(1000)))?.user.id).toBe(joined.user.id);
    await expect(
      acceptInvitation(db, { token, displayName: 'Again', password: 'một câu mật khẩu dài' }, at(2000)),
    ).rejects.toThrow(InvalidTokenError);
  });

  it('a member who is not the manager cannot invite; a manager cannot invite into another cooperative', async () => {
    await expect(invite(member, coopA, 'x1@example.test')).rejects.toThrow(ForbiddenError);
    await expect(invite(manager, coopB, 'x2@example.test')).rejects.toThrow(ForbiddenError);
    await expect(invite(manager, coopA, 'x3@example.test', true)).rejects.toThrow(ForbiddenError);
  });

  it('answers a manager the same whether or not the email has an account; only its owner learns, on accepting', async () => {
    const elsewhere = await createTestUser(db, { role: 'member', cooperativeId: coopB });
    const fresh = `no-account-${Date.now()}@example.test`;
    const answers = [await invite(manager, coopA, elsewhere.email), await invite(manager, coopA, fresh)];
    expect(answers.map(({ email }) => email)).toEqual([elsewhere.email, fresh]);
    expect(answers.every(({ invitationId }) => typeof invitationId === 'string')).toBe(true);
    const pending = (await loadCooperativeTeam(db, coopA, T0)).pending.map((p) => p.email);
    expect(pending).toEqual(expect.arrayContaining([elsewhere.email, fresh]));
    const token = await tokenFor(elsewhere.email);
    await expect(
      acceptInvitation(db, { token, displayName: 'Đã có tài khoản', password: 'một câu mật khẩu dài' }, T0),
    ).rejects.toMatchObject({
      fields: { email: { code: 'email_taken' } },
    });
  });

  it('checks the new account like any password, and keeps the invitation open when refused', async () => {
    await invite(manager, coopA, 'weak@example.test');
    const token = await tokenFor('weak@example.test');
    await expect(acceptInvitation(db, { token, displayName: '', password: 'qwertyuiop' }, T0)).rejects.toMatchObject({
      fields: { displayName: { code: 'required' }, password: { code: 'password_common' } },
    });
    expect(await findOpenInvitation(db, token, T0)).not.toBeNull();
  });

  it('expires after 7 days', async () => {
    await invite(manager, coopA, 'late@example.test');
    const token = await tokenFor('late@example.test');
    expect(await findOpenInvitation(db, token, at(INVITATION_LIFETIME_MS - 1))).not.toBeNull();
    await expect(
      acceptInvitation(
        db,
        { token, displayName: 'Late', password: 'một câu mật khẩu dài' },
        at(INVITATION_LIFETIME_MS),
      ),
    ).rejects.toThrow(InvalidTokenError);
  });

  it('an officer names a cooperative manager; accepting hands the role over, so there is one manager', async () => {
    await invite(officer, coopA, 'next.manager@example.test', true);
    const token = await tokenFor('next.manager@example.test');
    const joined = await acceptInvitation(
      db,
      { token, displayName: 'Next Manager', password: 'một câu mật khẩu dài' },
      T0,
    );
    expect(joined.user.isManager).toBe(true);
    const managers = await db.select({ id: users.id }).from(users).where(eq(users.isManager, true));
    expect(managers.map((m) => m.id)).toEqual([joined.user.id]);
  });
});

describe('the invitation limit', () => {
  it('counts an invitation against the manager’s daily limit before looking anything up', async () => {
    const { db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    const cooperativeId = await createTestCooperative(db);
    const manager = await createTestUser(db, { role: 'member', cooperativeId, isManager: true });
    const existing = await createTestUser(db, { role: 'member', cooperativeId: await createTestCooperative(db) });
    const busy: SessionUser = {
      id: manager.id,
      email: manager.email,
      displayName: 'Quản lý bận',
      role: 'member',
      cooperativeId,
      isManager: true,
    };
    const invite = (email: string) =>
      inviteToCooperative(
        db,
        new OutboxMailer(db, () => T0),
        busy,
        { cooperativeId, email, locale: 'vi', linkFor },
        T0,
      );
    for (let i = 0; i < INVITATIONS_PER_DAY.limit; i++) await invite(`limit-${i}@example.test`);
    await expect(invite(existing.email)).rejects.toThrow(RateLimitedError);
    await expect(invite('one-more@example.test')).rejects.toThrow(RateLimitedError);
  });
});
