/**
 * The trade department's oversight of cooperatives: find any cooperative
 * (whatever its status), verify it with the evidence checked, withdraw the
 * verification, suspend its listing with a reason, and reinstate it.
 *
 * A suspended cooperative disappears from every public list, page, feed,
 * statistic and export (they all read `status = 'active'`) and takes its
 * products with it; its members still see their dashboard and the reason.
 *
 * Each change is one db.batch: the audit entry first, written only if the
 * cooperative is still in the state the change starts from, then the update
 * under the same condition. Two officers acting at once therefore make one
 * change and one entry; the second is told the state moved on.
 */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { type AuditRecord, auditEntryWritten, auditInsertIf, auditTrail } from '../audit/audit-log';
import type { ProductStatus } from '../products/vocabulary';
import { type CooperativeStatus, COOPERATIVE_STATUSES } from './vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, products, provinces, users } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import { officerNote, type OfficerNoteField } from '../moderation/officer-note';
import { findFollowingRenames } from '../slug-history/slug-history';

export const OVERSIGHT_PAGE_SIZE = 50;

export interface OversightFilter {
  q: string;
  status: CooperativeStatus | null;
  verified: boolean | null;
  provinceCode: string | null;
  page: number;
}

export interface OversightRow {
  slug: string;
  name: string;
  registrationCode: string;
  provinceName: string;
  status: CooperativeStatus;
  verified: boolean;
  statusReason: string | null;
}

/** Cooperatives matching the filter, by name; the words match name and body like the directory, or a registration code exactly. */
export async function listCooperativesForOversight(
  db: Database,
  user: SessionUser | null,
  filter: OversightFilter,
): Promise<{ rows: OversightRow[]; hasNext: boolean }> {
  requireOfficer(user);
  const where: SQL[] = [];
  const tokens = searchTokens(filter.q);
  if (tokens.length > 0) {
    where.push(sql`(${cooperatives.id} IN (SELECT cooperative_id FROM cooperatives_fts WHERE cooperatives_fts MATCH ${ftsMatchExpression(tokens)})
      OR ${cooperatives.registrationCode} = ${filter.q.trim()})`);
  }
  if (filter.status) where.push(eq(cooperatives.status, filter.status));
  if (filter.verified !== null) where.push(eq(cooperatives.verified, filter.verified));
  if (filter.provinceCode) where.push(eq(cooperatives.provinceCode, filter.provinceCode));
  const rows = await db
    .select({
      slug: cooperatives.slug,
      name: cooperatives.name,
      registrationCode: cooperatives.registrationCode,
      provinceName: provinces.nameVi,
      status: cooperatives.status,
      verified: cooperatives.verified,
      statusReason: cooperatives.statusReason,
    })
    .from(cooperatives)
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(cooperatives.searchName), asc(cooperatives.id))
    .limit(OVERSIGHT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * OVERSIGHT_PAGE_SIZE);
  return { rows: rows.slice(0, OVERSIGHT_PAGE_SIZE), hasNext: rows.length > OVERSIGHT_PAGE_SIZE };
}

export interface CooperativeOversight {
  id: string;
  slug: string;
  name: string;
  registrationCode: string;
  kind: string;
  provinceName: string;
  foundedYear: number;
  status: CooperativeStatus;
  statusReason: string | null;
  verified: boolean;
  verifiedAt: Date | null;
  verificationEvidence: string | null;
  /** Its products, public ones first (at most 200: a cooperative with more is searched in the catalogue). */
  products: { slug: string; name: string; status: ProductStatus }[];
  members: { displayName: string; email: string; isManager: boolean }[];
  history: AuditRecord[];
}

/**
 * The cooperative holding `slug`, whatever its status, or the one that held it before a rename
 * (an officer's bookmark, a script's stored slug); NotFoundError when none.
 */
async function findCooperativeBySlug(db: Database, slug: string): Promise<{ id: string; slug: string; name: string }> {
  return findFollowingRenames(db, 'cooperative', slug, async (held) => {
    const [row] = await db
      .select({ id: cooperatives.id, slug: cooperatives.slug, name: cooperatives.name })
      .from(cooperatives)
      .where(eq(cooperatives.slug, held))
      .limit(1);
    return row;
  });
}

/** The cooperative an officer acts for from its console page (e.g. importing its products); NotFoundError when none. */
export async function cooperativeForOfficer(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<{ id: string; slug: string; name: string }> {
  requireOfficer(user);
  return findCooperativeBySlug(db, slug);
}

export async function loadCooperativeOversight(
  db: Database,
  user: SessionUser | null,
  slug: string,
): Promise<CooperativeOversight> {
  requireOfficer(user);
  const [row] = await db
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      name: cooperatives.name,
      registrationCode: cooperatives.registrationCode,
      kind: cooperatives.kind,
      provinceName: provinces.nameVi,
      foundedYear: cooperatives.foundedYear,
      status: cooperatives.status,
      statusReason: cooperatives.statusReason,
      verified: cooperatives.verified,
      verifiedAt: cooperatives.verifiedAt,
      verificationEvidence: cooperatives.verificationEvidence,
    })
    .from(cooperatives)
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(eq(cooperatives.slug, slug))
    .limit(1);
  if (!row) throw new NotFoundError('cooperative');
  const [productRows, members, history] = await Promise.all([
    db
      .select({ slug: products.slug, name: products.nameVi, status: products.status })
      .from(products)
      .where(eq(products.cooperativeId, row.id))
      .orderBy(sql`${products.status} <> 'published'`, asc(products.searchName))
      .limit(200),
    db
      .select({ displayName: users.displayName, email: users.email, isManager: users.isManager })
      .from(users)
      .where(eq(users.cooperativeId, row.id))
      .orderBy(asc(users.email)),
    auditTrail(db, 'cooperative', row.id, 50),
  ]);
  return {
    ...row,
    products: productRows,
    members,
    history,
  };
}

export const OVERSIGHT_ACTIONS = ['verify', 'unverify', 'suspend', 'reinstate'] as const;
export type OversightAction = (typeof OVERSIGHT_ACTIONS)[number];

interface Change {
  action: string;
  note: OfficerNoteField;
  /** The state the change starts from. */
  from: SQL;
  /** Message key when the cooperative is not in that state. */
  refused: string;
  set: (note: string, now: Date) => Partial<typeof cooperatives.$inferInsert>;
}

const CHANGES: Record<OversightAction, Change> = {
  verify: {
    refused: 'already_verified',
    action: 'cooperative.verified',
    note: 'evidence',
    from: sql`${cooperatives.verified} = 0`,
    set: (evidence, now) => ({ verified: true, verifiedAt: now, verificationEvidence: evidence }),
  },
  unverify: {
    refused: 'not_verified',
    action: 'cooperative.unverified',
    note: 'reason',
    from: sql`${cooperatives.verified} = 1`,
    set: () => ({ verified: false, verifiedAt: null, verificationEvidence: null }),
  },
  suspend: {
    refused: 'already_suspended',
    action: 'cooperative.suspended',
    note: 'reason',
    from: sql`${cooperatives.status} = 'active'`,
    set: (reason) => ({ status: 'suspended', statusReason: reason }),
  },
  reinstate: {
    refused: 'not_suspended',
    action: 'cooperative.reinstated',
    note: 'reason',
    from: sql`${cooperatives.status} = 'suspended'`,
    set: () => ({ status: 'active', statusReason: null }),
  },
};

/**
 * Verifies, unverifies, suspends or reinstates the cooperative `slug` (or the
 * one that had it before a rename), and gives its current slug. The
 * note (`evidence` to verify, `reason` otherwise; 10-1000 characters) is
 * read from `input` and goes into the audit entry;
 * a refused state change (already verified, not suspended…) is a ConflictError.
 */
export async function changeCooperativeStanding(
  db: Database,
  user: SessionUser | null,
  slug: string,
  action: OversightAction,
  input: unknown,
  now: Date,
): Promise<string> {
  const officer = requireOfficer(user);
  const change = CHANGES[action];
  const note = officerNote(input, change.note);
  const row = await findCooperativeBySlug(db, slug);
  const entryId = newId();
  const inState = sql`EXISTS (SELECT 1 FROM ${cooperatives} WHERE ${cooperatives.id} = ${row.id} AND ${change.from})`;
  await db.batch([
    auditInsertIf(
      db,
      {
        id: entryId,
        actorUserId: officer.id,
        action: change.action,
        entityType: 'cooperative',
        entityId: row.id,
        detail: { [change.note]: note },
        at: now,
      },
      inState,
    ),
    db
      .update(cooperatives)
      .set({ ...change.set(note, now), updatedAt: now })
      .where(and(eq(cooperatives.id, row.id), change.from)),
  ]);
  if (!(await auditEntryWritten(db, entryId)))
    throw new ConflictError('standing changed', { status: { code: change.refused } });
  return row.slug;
}

export function isCooperativeStatus(value: string): value is CooperativeStatus {
  return (COOPERATIVE_STATUSES as readonly string[]).includes(value);
}
