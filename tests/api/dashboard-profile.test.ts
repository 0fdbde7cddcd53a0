/**
 * The cooperative profile on a real migrated SQLite: its manager proposes a
 * change, which waits for a trade officer while the directory keeps the
 * published profile; approved, it is applied with an audit row of old and new
 * values, a rename clears the verified mark and rewrites its products' search
 * text; members, other managers and officers are refused; verified and status
 * cannot be set through it.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, cooperatives, products } from '../../src/server/db/schema';
import { ForbiddenError, ValidationError } from '../../src/server/errors';
import { approveRevision, listModerationQueue } from '../../src/server/moderation/moderation';
import {
  loadCooperativeProfile,
  loadProfileRevision,
  proposeProfileChange,
} from '../../src/server/cooperatives/profile-changes';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;
let manager: SessionUser;
const officer: SessionUser = {
  id: 'demo-user-officer',
  email: 'canbo@cho-htx.test',
  displayName: 'Officer',
  role: 'officer',
  cooperativeId: null,
  isManager: false,
};
let cooperativeId: string;

const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => null,
    (error: unknown) => error,
  );

beforeAll(async () => {
  db = await demoDatabase();
  const [row] = await db
    .select({ id: cooperatives.id })
    .from(cooperatives)
    .where(
      sql`${cooperatives.verified} = 1 AND EXISTS (SELECT 1 FROM products p WHERE p.cooperative_id = ${cooperatives.id})`,
    )
    .limit(1);
  if (!row) throw new Error('no verified demo cooperative with products');
  cooperativeId = row.id;
  manager = {
    id: 'test-profile-manager',
    email: 'pm@example.test',
    displayName: 'PM',
    role: 'member',
    cooperativeId,
    isManager: true,
  };
  await db.run(
    sql`INSERT INTO users (id, email, display_name, password_hash, role, cooperative_id, is_manager) VALUES (${manager.id}, ${manager.email}, 'PM', 'x', 'member', ${cooperativeId}, 1)`,
  );
});

describe('cooperative profile', () => {
  it('is the manager’s only', async () => {
    const member = { ...manager, isManager: false };
    const officer = { ...manager, role: 'officer' as const, cooperativeId: null };
    for (const user of [member, officer])
      expect(await refusal(() => loadCooperativeProfile(db, user))).toBeInstanceOf(ForbiddenError);
    // The profile is always the manager's own cooperative's: no parameter names another one.
    const [other] = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(sql`${cooperatives.id} <> ${cooperativeId}`)
      .limit(1);
    const otherManager = { ...manager, cooperativeId: other?.id ?? '' };
    expect((await loadCooperativeProfile(db, otherManager)).id).toBe(other?.id);
  });

  it('refuses crafted fields and a registration code of another cooperative', async () => {
    const { fields } = await loadCooperativeProfile(db, manager);
    const crafted = await refusal(() =>
      proposeProfileChange(db, manager, { ...fields, verified: true, status: 'active' }, DEMO_NOW),
    );
    expect(Object.keys((crafted as ValidationError).fields).sort()).toEqual(['status', 'verified']);
    const [other] = await db
      .select({ code: cooperatives.registrationCode })
      .from(cooperatives)
      .where(sql`${cooperatives.id} <> ${cooperativeId}`)
      .limit(1);
    const clash = await refusal(() =>
      proposeProfileChange(db, manager, { ...fields, registrationCode: other?.code }, DEMO_NOW),
    );
    expect((clash as ValidationError).fields.registrationCode?.code).toBe('registration_taken');
  });

  it('a rename waits for review, then is logged with old and new values, clears the verified mark and reaches its products’ search text', async () => {
    const { fields } = await loadCooperativeProfile(db, manager);
    const proposed = await proposeProfileChange(
      db,
      manager,
      { ...fields, name: 'Hợp tác xã Đổi Tên Thử Nghiệm', members: fields.members + 1 },
      DEMO_NOW,
    );
    expect(proposed).toEqual({ outcome: 'proposed', changed: ['name', 'members'] });
    // Not public yet: the directory row, its verified mark and the products' search text are as they were.
    const published = await db
      .select({ name: cooperatives.name, verified: cooperatives.verified })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId));
    expect(published).toEqual([{ name: fields.name, verified: true }]);
    const pending = await loadProfileRevision(db, cooperativeId);
    expect(pending?.fields.name).toBe('Hợp tác xã Đổi Tên Thử Nghiệm');
    const entry = (await listModerationQueue(db, officer)).find((queued) => queued.id === pending?.revision.id);
    expect(entry).toMatchObject({ kind: 'profile_change', nameVi: fields.name });

    await approveRevision(db, officer, pending?.revision.id ?? '', pending?.revision.version ?? 0, DEMO_NOW);
    const [row] = await db
      .select({ verified: cooperatives.verified, searchName: cooperatives.searchName, members: cooperatives.members })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId));
    expect(row).toEqual({ verified: false, searchName: 'hop tac xa doi ten thu nghiem', members: fields.members + 1 });
    expect(await loadProfileRevision(db, cooperativeId)).toBeNull();
    const bodies = await db
      .select({ body: products.searchBody })
      .from(products)
      .where(eq(products.cooperativeId, cooperativeId));
    expect(bodies.length).toBeGreaterThan(0);
    for (const { body } of bodies) expect(body).toContain('doi ten thu nghiem');
    const entries = await db
      .select({ action: auditLog.action, detail: auditLog.detail, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.entityId, cooperativeId))
      .orderBy(auditLog.createdAt);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['cooperative.change_proposed', manager.id],
      ['cooperative.change_approved', officer.id],
    ]);
    const approval = entries[1]?.detail as { changes: Record<string, unknown>; unverified: boolean };
    expect(approval.changes.members).toEqual([fields.members, fields.members + 1]);
    expect(approval.unverified).toBe(true);
  });
});

describe('cooperative location', () => {
  it('is refused field by field outside Viet Nam, and moderated like the rest of the profile', async () => {
    const { fields } = await loadCooperativeProfile(db, manager);
    const outside = await refusal(() =>
      proposeProfileChange(db, manager, { ...fields, latitude: 48.85, longitude: 2.35 }, DEMO_NOW),
    );
    expect(Object.keys((outside as ValidationError).fields).sort()).toEqual(['latitude', 'longitude']);
    const place = { latitude: 21.2731, longitude: 106.1946 };
    const proposed = await proposeProfileChange(db, manager, { ...fields, ...place }, DEMO_NOW);
    expect(proposed.changed).toEqual(['latitude', 'longitude']);
    const before = await db
      .select({ latitude: cooperatives.latitude, longitude: cooperatives.longitude })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId));
    expect(before).toEqual([{ latitude: fields.latitude, longitude: fields.longitude }]);
    const pending = await loadProfileRevision(db, cooperativeId);
    await approveRevision(db, officer, pending?.revision.id ?? '', pending?.revision.version ?? 0, DEMO_NOW);
    const after = await db
      .select({ latitude: cooperatives.latitude, longitude: cooperatives.longitude })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId));
    expect(after).toEqual([place]);
  });
});
