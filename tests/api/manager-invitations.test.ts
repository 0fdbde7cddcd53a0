/**
 * Trade officers naming a cooperative's manager, on a real SQLite with the
 * development outbox: the list of cooperatives without one, the invitation
 * and its mail, the account it creates, the refusals (members, a cooperative
 * that has a manager unless replacing is chosen, a bad email), and the audit
 * rows of both the invitation and its acceptance.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { acceptInvitation, findOpenInvitation } from '../../src/server/accounts/invitations';
import {
  findManagerCandidates,
  inviteManager,
  loadManagerCandidate,
} from '../../src/server/accounts/manager-invitations';
import type { SessionUser } from '../../src/server/accounts/users';
import { auditLog, cooperatives, users } from '../../src/server/db/schema';
import { foldVietnamese } from '../../src/server/search/fold';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/server/errors';
import { listOutbox, OutboxMailer } from '../../src/server/mail/mailer';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { migratedMemoryDatabase } from '../support/libsql';

const T0 = new Date('2026-11-24T03:00:00Z');
const linkFor = (token: string) => `https://cho-htx.example/dang-ky?code=${token}`;
const tokenIn = (text: string) => /code=([a-z2-7]+)/.exec(text)?.[1] ?? '';

describe('manager invitations by trade officers', async () => {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  const mailer = new OutboxMailer(db, () => T0);
  const withManager = await createTestCooperative(db);
  const without = await createTestCooperative(db);
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
    (await createTestUser(db, { role: 'member', cooperativeId: withManager, isManager: true })).id,
  );
  const officer = await asSession((await createTestUser(db, { role: 'officer' })).id);
  const admin = await asSession((await createTestUser(db, { role: 'admin' })).id);
  const invite = (by: SessionUser | null, cooperativeId: string, email: string, replaceManager = false) =>
    inviteManager(db, mailer, by, { cooperativeId, email, replaceManager, locale: 'vi', linkFor }, T0);
  const mailTo = async (email: string) => (await listOutbox(db)).find((m) => m.recipient === email);

  it('lists active cooperatives without a manager, and finds any by name', async () => {
    const listed = await findManagerCandidates(db, officer, '', T0);
    expect(listed.map((c) => c.id)).toContain(without);
    expect(listed.map((c) => c.id)).not.toContain(withManager);
    // Test cooperatives are written without search text: give this one its folded name, as writes do.
    const { name } = await loadManagerCandidate(db, officer, withManager, T0);
    await db
      .update(cooperatives)
      .set({ searchName: foldVietnamese(name) })
      .where(eq(cooperatives.id, withManager));
    const [found] = await findManagerCandidates(db, officer, name, T0);
    expect(found).toMatchObject({
      id: withManager,
      manager: { displayName: manager.displayName, email: manager.email },
    });
  });

  it('invites the first manager; the mail lets them create their account as that manager; both steps are audited', async () => {
    const sent = await invite(officer, without, 'Giam.Doc@Example.test');
    expect(sent.email).toBe('giam.doc@example.test');
    const mail = await mailTo('giam.doc@example.test');
    expect(mail?.subject).toContain('quản lý');
    expect(mail?.textBody).toContain(officer.displayName);
    const token = tokenIn(mail?.textBody ?? '');
    expect(await findOpenInvitation(db, token, T0)).toMatchObject({ cooperativeId: without, asManager: true });
    expect((await loadManagerCandidate(db, officer, without, T0)).pending).toEqual([
      { email: 'giam.doc@example.test', expiresAt: expect.any(Date) },
    ]);

    const joined = await acceptInvitation(
      db,
      { token, displayName: 'Giám đốc HTX', password: 'một câu mật khẩu dài' },
      T0,
    );
    expect(joined.user).toMatchObject({ role: 'member', cooperativeId: without, isManager: true });

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'cooperative'), eq(auditLog.entityId, without)));
    expect(audit.map((row) => [row.action, row.actorUserId])).toEqual([
      ['invitation.sent', officer.id],
      ['invitation.accepted', joined.user.id],
    ]);
    expect(audit[0]?.detail).toMatchObject({ email: 'giam.doc@example.test', asManager: true, replacesManager: null });
    // It is no longer among the cooperatives without a manager.
    expect((await findManagerCandidates(db, officer, '', T0)).map((c) => c.id)).not.toContain(without);
  });

  it('refuses a cooperative that has a manager unless the officer chooses to replace them', async () => {
    await expect(invite(officer, withManager, 'thay.the@example.test')).rejects.toMatchObject({
      fields: { replaceManager: { code: 'cooperative_has_manager', params: { name: manager.displayName } } },
    });
    expect(await mailTo('thay.the@example.test')).toBeUndefined();
    await invite(admin, withManager, 'thay.the@example.test', true);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'invitation.sent'), eq(auditLog.actorUserId, admin.id)));
    expect(row?.detail).toMatchObject({ replacesManager: manager.email });
    const token = tokenIn((await mailTo('thay.the@example.test'))?.textBody ?? '');
    const joined = await acceptInvitation(
      db,
      { token, displayName: 'Quản lý mới', password: 'một câu mật khẩu dài' },
      T0,
    );
    const managers = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.cooperativeId, withManager), eq(users.isManager, true)));
    // One manager; the one replaced stays a member.
    expect(managers.map((m) => m.id)).toEqual([joined.user.id]);
    expect((await asSession(manager.id)).cooperativeId).toBe(withManager);
  });

  it('says what is wrong with the email next to its field', async () => {
    const another = await createTestCooperative(db);
    await expect(invite(officer, another, 'không phải email')).rejects.toMatchObject({
      fields: { email: { code: 'email_invalid' } },
    });
    await expect(invite(officer, another, '   ')).rejects.toMatchObject({ fields: { email: { code: 'required' } } });
    await expect(invite(officer, another, manager.email)).rejects.toMatchObject({
      fields: { email: { code: 'email_taken' } },
    });
  });

  it('is for officers and admins only', async () => {
    const another = await createTestCooperative(db);
    await expect(invite(manager, another, 'x@example.test')).rejects.toThrow(ForbiddenError);
    await expect(invite(null, another, 'x@example.test')).rejects.toThrow(UnauthenticatedError);
    await expect(findManagerCandidates(db, manager, '', T0)).rejects.toThrow(ForbiddenError);
    await expect(invite(officer, 'no-such-cooperative', 'x@example.test')).rejects.toThrow(NotFoundError);
  });
});
