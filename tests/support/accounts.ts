/** Helpers for account tests: users with known passwords on a test database. */
import { hashPassword } from '../../src/server/accounts/passwords';
import { createSession } from '../../src/server/accounts/sessions';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { cooperatives, users } from '../../src/server/db/schema';
import { communesOf } from '../../src/server/provinces/communes';
import type { SessionUser } from '../../src/server/accounts/users';
import type { UserRole } from '../../src/server/accounts/vocabulary';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

let counter = 0;

export async function createTestUser(
  db: Database,
  options: {
    role?: UserRole;
    cooperativeId?: string | null;
    isManager?: boolean;
    password?: string;
    iterations?: number;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const id = newId();
  const email = `user${counter}-${id.slice(0, 6)}@example.test`;
  const password = options.password ?? `correct horse ${id}`;
  await db.insert(users).values({
    id,
    email,
    displayName: `Test User ${counter}`,
    passwordHash: await hashPassword(password, options.iterations),
    role: options.role ?? 'officer',
    cooperativeId: options.cooperativeId ?? null,
    isManager: options.isManager ?? false,
  });
  return { id, email, password };
}

/** A minimal cooperative row in the province's first commune (the province must exist: seed reference data first). */
export async function createTestCooperative(db: Database, provinceCode = '01'): Promise<string> {
  const id = newId();
  await db.insert(cooperatives).values({
    id,
    slug: `htx-test-${id}`,
    kind: 'hop_tac_xa',
    name: `HTX Thử ${id.slice(0, 4)}`,
    registrationCode: `T${id.slice(0, 12)}`,
    foundedYear: 2020,
    provinceCode,
    commune: communesOf(provinceCode)[0]?.label ?? 'xã Thử',
    address: '1 Đường Thử',
    sector: 'trong_trot',
    members: 7,
  });
  return id;
}

/** The session cookie pair ("name=value") from a response's Set-Cookie, for the next request. */
export function sessionCookieFrom(res: Response): string | null {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (/^(__Host-)?session=./.test(pair)) return pair;
  }
  return null;
}

/** A cookie header of a fresh session for the user, as the API on http://localhost reads it. */
export async function sessionCookieFor(db: Database, userId: string): Promise<string> {
  const { token } = await createSession(db, userId, new Date());
  return `session=${token}`;
}

/** A test user as the session gives it to the domain's verbs (for calling them directly, as an officer's decision). */
export function sessionUserOf(user: TestUser, role: UserRole, cooperativeId: string | null = null): SessionUser {
  return { id: user.id, email: user.email, displayName: user.email, role, cooperativeId, isManager: false };
}

/** A trade officer's account (cheap password hashing) as the domain functions take a signed-in user. */
export async function createTestOfficer(db: Database): Promise<SessionUser> {
  const user = await createTestUser(db, { role: 'officer', iterations: 1000 });
  return { ...sessionUserOf(user, 'officer'), displayName: 'Cán bộ' };
}
